#include "teaching/lessonvalidator.h"

#include "core/tcpstatemachine.h"
#include <QCoreApplication>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("LessonValidator", text);
}

const QStringList knownFlags = { QStringLiteral("SYN"), QStringLiteral("ACK"), QStringLiteral("FIN"),
    QStringLiteral("RST"), QStringLiteral("PSH"), QStringLiteral("URG") };

void checkMove(QStringList &out, int step, const QString &who, TcpState from, TcpState to)
{
    if (from == to || TcpStateMachine::isLegal(from, to))
        return;
    out.append(QCoreApplication::translate(
        "LessonValidator", "step %1: %2 %3 -> %4 is not a legal transition (RFC 9293 §3.3.2)")
                   .arg(step)
                   .arg(who, TcpStates::rfcName(from), TcpStates::rfcName(to)));
}
} // namespace

QStringList LessonValidator::check(const Lesson &l)
{
    QStringList out;
    if (l.title.isEmpty() || l.summary.isEmpty())
        out.append(tr("the lesson needs a title and a summary"));
    if (l.references.isEmpty())
        out.append(tr("the lesson cites no references"));
    if (l.steps.isEmpty())
        out.append(tr("the lesson has no steps"));
    for (int i = 0; i < l.steps.size(); ++i) {
        const LessonStep &s = l.steps.at(i);
        const int n = i + 1;
        checkMove(out, n, tr("client"), l.clientAt(i - 1), s.client);
        checkMove(out, n, tr("server"), l.serverAt(i - 1), s.server);
        if (s.title.isEmpty() || s.narration.isEmpty() || s.reference.isEmpty())
            out.append(tr("step %1: needs a title, narration and a reference").arg(n));
        for (const LessonPacket &p : s.packets) {
            const QStringList flags = p.flags.split(QLatin1Char(','));
            for (const QString &f : flags) {
                if (!knownFlags.contains(f.trimmed()))
                    out.append(tr("step %1: unknown TCP flag '%2'").arg(n).arg(f));
            }
        }
        // A packet still in flight must land in a following step.
        if (n == l.steps.size()) {
            for (const LessonPacket &p : s.packets) {
                if (p.inFlight)
                    out.append(tr("step %1: the last step cannot leave a packet in flight").arg(n));
            }
        }
    }
    return out;
}
