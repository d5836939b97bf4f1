#include "teaching/lesson.h"

QString LessonPacket::label() const
{
    QString s = flags;
    if (seq)
        s += QStringLiteral(" seq=%1").arg(*seq);
    if (ack)
        s += QStringLiteral(" ack=%1").arg(*ack);
    if (length > 0)
        s += QStringLiteral(" len=%1").arg(length);
    if (tsval)
        s += QStringLiteral(" TSval=%1").arg(*tsval);
    if (tsecr)
        s += QStringLiteral(" TSecr=%1").arg(*tsecr);
    return s;
}

QString Lesson::clientLabelAt(int step) const
{
    for (int i = qMin(step, int(steps.size()) - 1); i >= 0; --i) {
        if (!steps.at(i).clientLabel.isEmpty())
            return steps.at(i).clientLabel;
    }
    return clientLabel;
}

QString Lesson::serverLabelAt(int step) const
{
    for (int i = qMin(step, int(steps.size()) - 1); i >= 0; --i) {
        if (!steps.at(i).serverLabel.isEmpty())
            return steps.at(i).serverLabel;
    }
    return serverLabel;
}
