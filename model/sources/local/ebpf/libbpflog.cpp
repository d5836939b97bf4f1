#include "sources/local/ebpf/libbpflog.h"

#include <bpf/libbpf.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>

namespace {
std::mutex &hookMutex()
{
    static std::mutex m;
    return m;
}
QByteArray &captured()
{
    static QByteArray text;
    return text;
}
libbpf_print_fn_t &previous()
{
    static libbpf_print_fn_t fn = nullptr;
    return fn;
}

int capture(enum libbpf_print_level level, const char *format, va_list args)
{
    if (level == LIBBPF_DEBUG)
        return 0;
    char line[1024];
    const int n = std::vsnprintf(line, sizeof line, format, args);
    if (n > 0 && captured().size() < (1 << 20))
        captured().append(line, qMin(n, int(sizeof line) - 1));
    return n;
}
} // namespace

LibbpfLog::LibbpfLog()
{
    hookMutex().lock();
    captured().clear();
    previous() = libbpf_set_print(capture);
}

LibbpfLog::~LibbpfLog()
{
    libbpf_set_print(previous());
    hookMutex().unlock();
}

QByteArray LibbpfLog::tail(int maxLines) const
{
    QByteArray text = captured().trimmed();
    qsizetype from = text.size();
    for (int i = 0; i < maxLines && from > 0; ++i)
        from = text.lastIndexOf('\n', from - 1);
    return from > 0 ? text.mid(from + 1) : text;
}
