#include "sources/remote/sshdiffer.h"

#include "core/tunables.h"
#include "stream/ownersection.h"

namespace {
// The variables: H host, R kernel, P the pid to outlive, S the sleep, K keyframe every K-th frame,
// F a full owner table every F-th, N inodes per owner line, T "PATH NAME ..." of the sysctls.
// Upper case: globals kept across frames. SV: every row as last sent, from its local address to its
// inode without the tm->when column (fixed offsets after the first ":", tcp4_seq_show in
// net/ipv4/tcp_ipv4.c; the columns after the inode are not compared), to the frame that saw it last: an unchanged row
// costs one lookup and no field split, which keeps the differ near the cost of cat at 100k rows. A row sent is split
// once for its key ("LOCAL REM INODE": CK, this frame's), so a changed row's old text is not reported gone. CUR: the
// inodes to name (a full owner table's frame: all, else the new ones) with their uid; KN: those named since the last
// full table (a full table every F-th frame, else a delta of the new inodes, docs/stream-format.md "Owners"); SY: the
// sysctls sent. No "!" (csh history), no single quote (the script is single-quoted); split("", A) empties an array
// (delete A is not in every awk).
constexpr const char *Differ = R"AWK(
function now(  c, t) {
c = "date +%s%3N 2>/dev/null"; t = ""
c | getline t
close(c)
if (t == "" || t ~ /[^0-9]/) { c = "date +%s"; t = ""; c | getline t; close(c); t = t "000" }
return t
}
function table(fam, f, key, of,   l, p, t, m, kl, a, hd, out, r) {
r = (getline hd < f)
if (r <= 0) { close(f); return }
kl = (fam == 1 ? 27 : 75)
out = 0
if (key || fam == 1) { print (fam == 1 ? "@tcp" : "@tcp6"); print hd; out = 1 }
while ((getline l < f) > 0) {
p = index(l, ":"); t = substr(l, p + kl + 36)
match(t, /^[0-9A-F]+ +[0-9]+ +[0-9]+ +[0-9]+/)
m = substr(l, p + 2, kl + 25) substr(t, 1, RLENGTH)
if (of) { split(t, a); if (a[4] > 0) { CUR[a[4]] = a[2]; if ((a[4] in KN) == 0) NW = 1 } }
if (key == 0 && (m in SV)) { SV[m] = FR; continue }
SV[m] = FR
split(t, a)
CK[substr(l, p + 2, kl) " " a[4]] = 1
if (of == 0 && a[4] > 0 && (a[4] in KN) == 0) { CUR[a[4]] = a[2]; NW = 1 }
if (out == 0) { print "@tcp6"; print hd; out = 1 }
print l
}
close(f)
}
function vanished(key,   m, n, j, k, a, kl, g) {
n = 0; g = 0; split("", G)
for (m in SV) if ((SV[m] == FR) == 0) G[++n] = m
for (j = 1; j <= n; j++) {
m = G[j]; delete SV[m]
if (key) continue
kl = (substr(m, 9, 1) == ":" ? 27 : 75)
split(substr(m, kl + 26), a); k = substr(m, 1, kl) " " a[4]
if (k in CK) continue
if (g++ == 0) print "@gone"
print k
}
}
function sysctls(key,   j, f, l, v, r) {
for (j = 1; j <= NT; j++) {
f = TP[j]; v = ""
r = (getline l < f)
if (r < 0) continue
while (r > 0) { v = v l "\n"; r = (getline l < f) }
close(f)
if (key == 0 && (j in SY) && SY[j] == v) continue
SY[j] = v
printf "@sysctl %s\n%s", TN[j], v
}
}
function holder(p,   d, m, u, g, h, y, l, a, j, r) {
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
if (u == "") { GN[p] = 1; return }
INF[p] = p "\t" u "\t" ((u in UN) ? UN[u] : "-")
TL[p] = g "\t" m
}
function scan(full,   c, l, a, p, n, i) {
c = "ls -ln /proc/[0-9]*/fd 2>/dev/null"; NL = 0
while ((c | getline l) > 0) {
if (substr(l, 1, 6) == "/proc/") { split(l, a, "/"); p = a[3]; continue }
n = index(l, "socket:[")
if (n == 0) continue
i = substr(l, n + 8); i = substr(i, 1, index(i, "]") - 1)
if ((i in CUR) == 0 || (i in OW) || (full == 0 && (i in KN))) continue
OW[i] = p
if (NC[p] % N == 0) { NL++; LP[NL] = p; LI[NL] = i; CL[p] = NL } else LI[CL[p]] = LI[CL[p]] "," i
NC[p]++
}
close(c)
split("", UN)
while ((getline l < "/etc/passwd") > 0) { split(l, a, ":"); if ((a[3] in UN) == 0) UN[a[3]] = a[1] }
close("/etc/passwd")
for (p in NC) holder(p)
}
function owners(   a, p, n, i, j, x, s, full) {
full = (FR % F == 0)
if (NW == 0 && full == 0) { print "@owners unchanged"; return }
split("", OW); split("", NC); split("", LP); split("", LI); split("", CL); split("", GN); split("", INF); split("", TL)
print "@owners " (full ? "full " : "delta ") EU
scan(full)
for (j = 1; j <= NL; j++) {
p = LP[j]
if (p in GN) { n = split(LI[j], a, ","); for (x = 1; x <= n; x++) delete OW[a[x]]; continue }
print INF[p] "\t" LI[j] "\t" TL[p]
}
n = 0
for (i in CUR) {
if ((i in OW) || (full == 0 && (i in KN)) || (EU > 0 && (CUR[i] == EU) == 0)) continue
s = (n % N == 0 ? "?\t" : s ",") i
if (++n % N == 0) print s
}
if (n % N) print s
if (full) split("", KN)
for (i in CUR) KN[i] = 1
}
function frame(key) {
print "@tcpscope 2"; print "@host " H; print "@time " now(); print "@os Linux"; print "@kernel " R
print "@seq " (FR + 1)
if (key == 0) print "@delta"
split("", CUR); split("", CK); NW = 0
table(1, "/proc/net/tcp", key, FR % F == 0)
table(2, "/proc/net/tcp6", key, FR % F == 0)
vanished(key)
sysctls(key)
owners()
print "@end"
fflush()
}
BEGIN {
EU = -1
while ((getline l < "/proc/self/status") > 0) if (substr(l, 1, 4) == "Uid:") { split(l, a); EU = a[3] }
close("/proc/self/status")
n = split(T, a, " "); NT = 0
for (j = 1; j < n; j += 2) { NT++; TP[NT] = a[j]; TN[NT] = a[j + 1] }
for (FR = 0; ; FR++) {
frame(FR % K == 0)
if (system("kill -0 " P " 2>/dev/null && { sleep " S " 2>/dev/null || sleep 1; }")) exit 0
}
}
)AWK";

// The awk program inside sh double quotes.
QString quoted(const QString &program)
{
    QString a = program;
    a.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    a.replace(QLatin1Char('"'), QLatin1String("\\\""));
    a.replace(QLatin1Char('$'), QLatin1String("\\$"));
    Q_ASSERT(!a.contains(QLatin1Char('!')) && !a.contains(QLatin1Char('\'')) && !a.contains(QLatin1Char('`')));
    return QLatin1Char('"') + a + QLatin1Char('"');
}
} // namespace

QString SshDiffer::program()
{
    return QString::fromLatin1(Differ).trimmed();
}

QString SshDiffer::command(const QString &sleep, const QString &parentVar, int keyEvery)
{
    QString sysctls;
    for (const QString &name : Tunables::linuxNames())
        sysctls += QLatin1String(" /proc/") + Tunables::linuxProcPath(name) + QLatin1Char(' ') + name;
    return QStringLiteral("awk -v H=\"$host\" -v R=\"$kern\" -v P=$%1 -v S=%2 -v K=%3 -v F=%4 -v N=%5 -v T=\"%6\" %7")
        .arg(parentVar, sleep)
        .arg(qMax(1, keyEvery))
        .arg(OwnerSection::FullEvery)
        .arg(OwnerSection::InodesPerLine)
        .arg(sysctls.trimmed(), quoted(program()));
}
