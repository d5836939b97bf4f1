#include "linkstatuslabel.h"

#include <QLocale>
#include <QStringList>

LinkStatusLabel::LinkStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setToolTip(tr("Bytes per second received from the remote host over the last 5 s, and the size of the "
                  "frame shown. The link cannot keep up when frames queue up and are skipped, arrive later "
                  "and later, or a delta is lost."));
    hide();
}

QString LinkStatusLabel::trouble(const LinkStats &s)
{
    QStringList why;
    if (s.framesSkipped > 0)
        why << tr("%n frame(s) skipped", nullptr, int(qMin<qint64>(s.framesSkipped, 1'000'000)));
    if (s.lateMs > 0)
        why << tr("frames %1 s late").arg(double(s.lateMs) / 1000.0, 0, 'f', 1);
    if (s.deltasLost > 0)
        why << tr("%n delta(s) lost", nullptr, int(qMin<qint64>(s.deltasLost, 1'000'000)));
    return why.join(QLatin1String(", "));
}

void LinkStatusLabel::setStats(const LinkStats &s)
{
    setVisible(s.measured);
    if (!s.measured)
        return;
    const QLocale locale;
    const QString rate = tr("link %1/s, last frame %2")
                             .arg(locale.formattedDataSize(s.bytesPerSecond, 1, QLocale::DataSizeSIFormat),
                                 locale.formattedDataSize(s.lastFrameBytes, 1, QLocale::DataSizeSIFormat));
    const QString why = trouble(s);
    if (why.isEmpty()) {
        setStyleSheet(QString());
        setText(rate);
        return;
    }
    setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    setText(tr("%1 \u2014 the link cannot keep up (%2): use a longer --interval, ssh -C (--ssh-compress), "
               "or the agent")
                .arg(rate, why));
}
