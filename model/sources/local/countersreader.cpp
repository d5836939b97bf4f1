#include "sources/local/countersreader.h"

#include "parse/countersparser.h"
#include "sources/local/filereader.h"

#include <QDateTime>

CountersReader::CountersReader(QString procRoot)
    : m_root(std::move(procRoot))
{ }

Counters CountersReader::read(ProblemList *problems)
{
    Counters c;
    c.timeMs = QDateTime::currentMSecsSinceEpoch();
    ProblemList local;
    ProblemList &p = problems ? *problems : local;
    const struct
    {
        const char *file;
        bool sockstat;
    } files[]
        = { { "/net/sockstat", true }, { "/net/sockstat6", true }, { "/net/snmp", false }, { "/net/netstat", false } };
    for (const auto &f : files) {
        const QString path = m_root + QLatin1String(f.file);
        const FileReader::Result r = FileReader::read(path, m_buffer, 1 << 20);
        if (!r.ok) {
            if (!r.missing) // sockstat6 is absent without IPv6
                p.add({ path, 0, r.error });
            continue;
        }
        if (f.sockstat)
            CountersParser::parseSockstat(m_buffer, c, p, path);
        else
            CountersParser::parseTable(m_buffer, c, p, path);
    }
    return c;
}
