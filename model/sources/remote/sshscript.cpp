#include "sources/remote/sshscript.h"

#include "core/tunables.h"
#include "sources/remote/sshdiffer.h"

#include <algorithm>

QString SshScript::loop(int intervalMs, int keyEvery)
{
    const int ms = qMax(100, intervalMs);
    const QString sleep = ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 1);
    // cat, not the read builtin: dash reads byte by byte and a sysctl file answers only the first
    // read(2) (proc_sys handlers ignore a non-zero offset). date +%s%3N is GNU/busybox; BSD prints the N literally, so
    // fall back to whole seconds.
    QString s = QLatin1String(Marker) + QLatin1String(R"SH(
trap "exit 0" HUP PIPE TERM INT
os=$(uname -s); host=$(uname -n); kern=$(uname -r); p=$PPID; fr=0
if [ "$os" = Linux ] && command -v awk >/dev/null 2>&1; then
)SH") + SshDiffer::command(sleep, QStringLiteral("p"), keyEvery)
        + QLatin1String(R"SH(; exit 0
fi
now() { t=$(date +%s%3N 2>/dev/null); case $t in *N*|"") t=$(date +%s)000;; esac; echo "$t"; }
tw() { [ -r "$1" ] || return 0; echo "@sysctl $2"; cat "$1"; }
frame() {
fr=$((fr + 1))
echo "@tcpscope 2"; echo "@host $host"; echo "@time $(now)"; echo "@os $os"; echo "@kernel $kern"; echo "@seq $fr"
if [ "$os" = Linux ]; then
echo "@tcp"; cat /proc/net/tcp
if [ -r /proc/net/tcp6 ]; then echo "@tcp6"; cat /proc/net/tcp6; fi
)SH");
    for (const QString &name : Tunables::linuxNames())
        s += QLatin1String("tw /proc/") + Tunables::linuxProcPath(name) + QLatin1Char(' ') + name + QLatin1Char('\n');
    s += QLatin1String(R"SH(else
echo "@netstat"; netstat -an -p tcp 2>/dev/null | sed "s/^@/@@/"
echo "@bsd-sysctl"; sysctl net.inet.tcp kern.ipc.somaxconn 2>/dev/null | sed "s/^@/@@/"
fi
echo "@end"
}
while :; do frame || exit 0; kill -0 $p 2>/dev/null || exit 0; sleep )SH")
        + sleep + QLatin1String(R"SH( 2>/dev/null || sleep 1; done
)SH");
    return s;
}

QString SshScript::oneLine(const QString &script)
{
    // Joins lines so that each stays a complete command: after an opening word a space, else "; ".
    static const QStringList openers
        = { QStringLiteral("{"), QStringLiteral("then"), QStringLiteral("else"), QStringLiteral("do") };
    QString out;
    for (const QString &raw : script.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        out += line;
        const bool opens = std::any_of(openers.begin(), openers.end(),
            [&](const QString &w) { return line == w || line.endsWith(QLatin1Char(' ') + w); });
        out += opens ? QStringLiteral(" ") : QStringLiteral("; ");
    }
    return out.trimmed();
}

QString SshScript::remoteCommand(int intervalMs)
{
    // One line: csh and tcsh (still some BSD root shells) reject a newline inside quotes.
    const QString l = oneLine(loop(intervalMs));
    Q_ASSERT(!l.contains(QLatin1Char('\''))); // it is wrapped in single quotes below
    return QLatin1String("exec sh -c '") + l + QLatin1Char('\'');
}
