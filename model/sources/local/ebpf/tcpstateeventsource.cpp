#include "sources/local/ebpf/tcpstateeventsource.h"

#include <QCoreApplication>

#ifdef TCPSCOPE_HAVE_EBPF
#include "sources/local/ebpf/libbpflog.h"
#include "sources/local/ebpf/tcpstaterecord.h"

#include <QFile>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <tcpstates.skel.h>

#include <cerrno>
#include <cstring>
#include <linux/capability.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {
// The model is QtCore-only: no QObject::tr(), so the context is named here.
QString tr(const char *text)
{
    return QCoreApplication::translate("TcpStateEventSource", text);
}

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

QString executablePath()
{
    char path[4096];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    return n > 0 ? QString::fromLocal8Bit(path, n) : QStringLiteral("<binary>");
}

// CAP_BPF + CAP_PERFMON load and attach a tracing program; CAP_SYS_ADMIN covers both
// (capabilities(7)). They count only in the initial user namespace, whose inode is fixed
// (PROC_USER_INIT_INO, include/linux/proc_ns.h): root of a user namespace has them in name only.
// capget(2) with version 3: CAP_BPF (39) is in the second word.
bool hasBpfCapabilities()
{
    constexpr ino_t InitialUserNamespace = 0xEFFFFFFDU;
    struct stat user
    {
    };
    if (::stat("/proc/self/ns/user", &user) != 0 || user.st_ino != InitialUserNamespace)
        return false;
    __user_cap_header_struct header { _LINUX_CAPABILITY_VERSION_3, 0 };
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] {};
    if (::syscall(SYS_capget, &header, data) != 0)
        return false;
    const auto has = [&data](int cap) { return (data[CAP_TO_INDEX(cap)].effective & CAP_TO_MASK(cap)) != 0; };
    return has(CAP_SYS_ADMIN) || (has(CAP_BPF) && has(CAP_PERFMON));
}

Status loadFailure(const char *step, int err, const LibbpfLog &log)
{
    if (err == EPERM && !hasBpfCapabilities()) {
        return Status::failure(QCoreApplication::translate("TcpStateEventSource",
            "loading the eBPF program needs CAP_BPF and CAP_PERFMON: run as root or `setcap cap_bpf,cap_perfmon+ep %1`")
                                   .arg(executablePath()));
    }
    QString message = QCoreApplication::translate("TcpStateEventSource", "the kernel refused the eBPF program (%1: %2)")
                          .arg(QLatin1String(step), errnoText(err));
    const QByteArray said = log.tail();
    if (!said.isEmpty())
        message += QLatin1String("; libbpf: ") + QString::fromLocal8Bit(said);
    return Status::failure(message);
}

TcpStateEvent toEvent(const TcpStateRecord &r)
{
    TcpStateEvent e;
    e.timeNs = qint64(r.timeNs);
    e.cookie = r.cookie;
    std::memcpy(e.localAddr.data(), r.saddr, sizeof r.saddr);
    std::memcpy(e.remoteAddr.data(), r.daddr, sizeof r.daddr);
    e.localPort = r.sport;
    e.remotePort = r.dport;
    e.family = r.family == AF_INET6 ? AddressFamily::IPv6 : AddressFamily::IPv4;
    e.oldState = TcpStates::fromCode(r.oldState).value_or(TcpState::Unknown);
    e.newState = TcpStates::fromCode(r.newState).value_or(TcpState::Unknown);
    return e;
}
} // namespace

struct TcpStateEventSource::Loaded
{
    tcpstates_bpf *skeleton = nullptr;
    ring_buffer *ring = nullptr;
    std::vector<TcpStateEvent> *sink = nullptr; // set for the length of one drain()

    Loaded() = default;
    Loaded(const Loaded &) = delete;
    Loaded &operator=(const Loaded &) = delete;
    ~Loaded()
    {
        ring_buffer__free(ring);
        tcpstates_bpf__destroy(skeleton);
    }

    static int onRecord(void *context, void *data, size_t size)
    {
        auto *self = static_cast<Loaded *>(context);
        if (size < sizeof(TcpStateRecord) || !self->sink)
            return 0;
        TcpStateRecord r;
        std::memcpy(&r, data, sizeof r);
        self->sink->push_back(toEvent(r));
        return 0;
    }
};

bool TcpStateEventSource::builtIn()
{
    return true;
}

Status TcpStateEventSource::open(const QString &netnsPath)
{
    close();
    // tp_btf programs and CO-RE relocations need the kernel's own type information.
    if (::access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
        return Status::failure(tr("this kernel has no BTF (/sys/kernel/btf/vmlinux is missing: it needs "
                                  "CONFIG_DEBUG_INFO_BTF=y); polling only"));
    }
    // The namespace's inode number is its ns_common.inum (namespaces(7)).
    struct stat ns
    {
    };
    if (::stat(QFile::encodeName(netnsPath).constData(), &ns) != 0) {
        return Status::failure(tr("cannot read the network namespace %1: %2").arg(netnsPath, errnoText(errno)));
    }
    const LibbpfLog log;
    auto loaded = std::make_unique<Loaded>();
    loaded->skeleton = tcpstates_bpf__open();
    if (!loaded->skeleton)
        return loadFailure("open", errno, log);
    loaded->skeleton->rodata->targetNetns = quint32(ns.st_ino);
    if (const int err = tcpstates_bpf__load(loaded->skeleton))
        return loadFailure("load", -err, log);
    if (const int err = tcpstates_bpf__attach(loaded->skeleton))
        return loadFailure("attach", -err, log);
    loaded->ring
        = ring_buffer__new(bpf_map__fd(loaded->skeleton->maps.events), &Loaded::onRecord, loaded.get(), nullptr);
    if (!loaded->ring)
        return loadFailure("ring buffer", errno, log);
    m_loaded = std::move(loaded);
    return {};
}

Expected<qsizetype> TcpStateEventSource::drain(std::vector<TcpStateEvent> &out, int waitMs)
{
    if (!m_loaded)
        return Status::failure(tr("the eBPF event source is not open"));
    const size_t before = out.size();
    m_loaded->sink = &out;
    // The program wakes the reader only at 64 KiB pending; poll() returns then or at the timeout,
    // and consume() takes whatever is there either way.
    int n = waitMs > 0 ? ring_buffer__poll(m_loaded->ring, waitMs) : 0;
    if (n >= 0 || n == -EINTR)
        n = ring_buffer__consume(m_loaded->ring);
    m_loaded->sink = nullptr;
    if (n < 0 && n != -EINTR)
        return Status::failure(tr("reading the eBPF ring buffer failed: ") + errnoText(-n));
    return qsizetype(out.size() - before);
}

quint64 TcpStateEventSource::lostEvents() const
{
    if (!m_loaded)
        return 0;
    const auto *counters = m_loaded->skeleton->bss;
    const quint64 full = __atomic_load_n(&counters->lostEvents, __ATOMIC_RELAXED);
    const quint64 nested = __atomic_load_n(&counters->nestedEvents, __ATOMIC_RELAXED);
    // Runs the kernel skipped as recursion (bpf_prog_info.recursion_misses) that tcpscopeNested did
    // not make up for: it misses the few instructions before and after the busy flag is set.
    bpf_prog_info info {};
    __u32 length = sizeof info;
    if (bpf_obj_get_info_by_fd(bpf_program__fd(m_loaded->skeleton->progs.tcpscopeSetState), &info, &length) != 0)
        return full;
    return full + (info.recursion_misses > nested ? info.recursion_misses - nested : 0);
}

#else // built without libbpf: the same class, saying how to get the real one

struct TcpStateEventSource::Loaded
{
};

namespace {
Status notBuilt()
{
    return Status::failure(QCoreApplication::translate(
        "TcpStateEventSource", "built without eBPF support (install libbpf-dev bpftool clang and rebuild)"));
}
} // namespace

bool TcpStateEventSource::builtIn()
{
    return false;
}

Status TcpStateEventSource::open(const QString &)
{
    return notBuilt();
}

Expected<qsizetype> TcpStateEventSource::drain(std::vector<TcpStateEvent> &, int)
{
    return notBuilt();
}

quint64 TcpStateEventSource::lostEvents() const
{
    return 0;
}
#endif

TcpStateEventSource::TcpStateEventSource(const QString &netnsPath)
    : m_netnsPath(netnsPath)
{ }
TcpStateEventSource::~TcpStateEventSource() = default;

bool TcpStateEventSource::isOpen() const
{
    return m_loaded != nullptr;
}

void TcpStateEventSource::close()
{
    m_loaded.reset();
}
