#include "sources/remote/sshscript.h"

#include "core/tunables.h"
#include "stream/ownersection.h"

#include <algorithm>

namespace {
// Prints /proc/net/tcp{,6} as the @tcp sections and then the @owners section (docs/stream-format.md).
// Operands: "f=0 -" (stdin: "K" and the inodes of the last full table), "f=1 /proc/net/tcp",
// "f=2 /proc/net/tcp6". A full table only when an inode is new or frame k is due (every K-th): then
// one `ls -ln` of every readable /proc/PID/fd (proc(5): the links read "socket:[INODE]"), and comm,
// the effective uid (status) and the cgroup path of each holder. It writes the new inode set to
// stderr. No "!" (csh history) and no single quote (the script is single-quoted).
constexpr const char *OwnersAwk = R"AWK(
f == 0 { for (i = 1; i <= NF; i++) kn[$i] = 1; next }
FNR == 1 { print (f == 1 ? "@tcp" : "@tcp6") }
{ print }
FNR > 1 && $10 > 0 { cur[$10] = $8; if (($10 in kn) == 0) nw = 1 }
END {
if (nw == 0 && k % K > 0) { print "@owners unchanged"; exit }
eu = -1
while ((getline l < "/proc/self/status") > 0) if (substr(l, 1, 4) == "Uid:") { split(l, a); eu = a[3] }
print "@owners full " eu
c = "ls -ln /proc/[0-9]*/fd 2>/dev/null"
while ((c | getline l) > 0) {
if (substr(l, 1, 6) == "/proc/") { split(l, a, "/"); p = a[3]; continue }
n = index(l, "socket:[")
if (n == 0) continue
i = substr(l, n + 8); i = substr(i, 1, index(i, "]") - 1)
if ((i in cur) == 0 || (i in ow)) continue
ow[i] = p
if (nc[p] % N == 0) { nl++; lp[nl] = p; li[nl] = i; cl[p] = nl } else li[cl[p]] = li[cl[p]] "," i
nc[p]++
}
close(c)
while ((getline l < "/etc/passwd") > 0) { split(l, a, ":"); if ((a[3] in un) == 0) un[a[3]] = a[1] }
for (p in nc) {
d = "/proc/" p "/"; m = ""; u = ""; g = ""; h = ""; y = ""
if ((getline m < (d "comm")) <= 0) m = ""
close(d "comm")
while ((getline l < (d "status")) > 0) if (substr(l, 1, 4) == "Uid:") { split(l, a); u = a[3] }
close(d "status")
while ((getline l < (d "cgroup")) > 0) {
if (substr(l, 1, 3) == "0::") { g = substr(l, 4); continue }
j = index(l, ":"); r = substr(l, j + 1); j = index(r, ":")
if (j == 0) continue
if (h == "") h = substr(r, j + 1)
if (substr(r, 1, j - 1) == "name=systemd") y = substr(r, j + 1)
}
close(d "cgroup")
if (g == "") g = (y == "" ? h : y)
if (g == "") g = "-"
gsub(/\t/, " ", m); gsub(/\t/, " ", g)
if (u == "") { gone[p] = 1; continue }
inf[p] = p "\t" u "\t" ((u in un) ? un[u] : "-")
tl[p] = g "\t" m
}
for (j = 1; j <= nl; j++) {
p = lp[j]
if (p in gone) { n = split(li[j], a, ","); for (x = 1; x <= n; x++) delete ow[a[x]]; continue }
print inf[p] "\t" li[j] "\t" tl[p]
}
n = 0
for (i in cur) {
if ((i in ow) || (eu > 0 && (cur[i] == eu) == 0)) continue
s = (n % N == 0 ? "?\t" : s ",") i
if (++n % N == 0) print s
}
if (n % N) print s
st = "K"; n = 0
for (i in cur) { st = st " " i; if (++n % N == 0) { printf "%s", st > "/dev/stderr"; st = "" } }
print st > "/dev/stderr"
}
)AWK";

// The awk program inside sh double quotes.
QString quotedAwk()
{
    QString a = QString::fromLatin1(OwnersAwk).trimmed();
    a.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    a.replace(QLatin1Char('"'), QLatin1String("\\\""));
    a.replace(QLatin1Char('$'), QLatin1String("\\$"));
    Q_ASSERT(!a.contains(QLatin1Char('!')) && !a.contains(QLatin1Char('\'')) && !a.contains(QLatin1Char('`')));
    return QLatin1Char('"') + a + QLatin1Char('"');
}
} // namespace

QString SshScript::loop(int intervalMs)
{
    const int ms = qMax(100, intervalMs);
    const QString sleep = ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 1);
    // cat, not the read builtin: dash reads byte by byte and a sysctl file answers only the first
    // read(2) (proc_sys handlers ignore a non-zero offset). date +%s%3N is GNU/busybox; BSD prints the N literally, so
    // fall back to whole seconds.
    QString s = QLatin1String(Marker) + QLatin1String(R"SH(
trap "exit 0" HUP PIPE TERM INT
os=$(uname -s); host=$(uname -n); kern=$(uname -r); p=$PPID
kn=; fr=0; ha=; command -v awk >/dev/null 2>&1 && ha=1; exec 3>&1
now() { t=$(date +%s%3N 2>/dev/null); case $t in *N*|"") t=$(date +%s)000;; esac; echo "$t"; }
tw() { [ -r "$1" ] || return 0; echo "@sysctl $2"; cat "$1"; }
frame() {
echo "@tcpscope 1"; echo "@host $host"; echo "@time $(now)"; echo "@os $os"; echo "@kernel $kern"
if [ "$os" = Linux ]; then
t6=; [ -r /proc/net/tcp6 ] && t6="f=2 /proc/net/tcp6"
if [ -z "$ha" ]; then
echo "@tcp"; cat /proc/net/tcp
if [ -n "$t6" ]; then echo "@tcp6"; cat /proc/net/tcp6; fi
else
n=$(printf "%s\n" "$kn" | awk -v k=$fr -v K=)SH")
        + QString::number(OwnerSection::FullEvery) + QLatin1String(" -v N=")
        + QString::number(OwnerSection::InodesPerLine) + QLatin1Char(' ') + quotedAwk()
        + QLatin1String(R"SH( f=0 - f=1 /proc/net/tcp $t6 2>&1 >&3)
case $n in K*) kn=$n;; esac; fr=$((fr + 1))
fi
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
