// libFuzzer target: the tcpscope stream format (docs/stream-format.md) as it arrives from ssh, an
// agent or a recording: StreamFrameReader fed in chunk sizes taken from the input, then every frame
// through StreamFrameDecoder (Linux and BSD frames) into a Snapshot, with the owners of its
// "@owners" section (StreamOwners keeps the last full table across frames).
// Invariants: frames stay under the size limit, no socket has an Unknown state, counts match sockets.
#include "core/snapshot.h"
#include "stream/streamframedecoder.h"
#include "stream/streamframereader.h"
#include "stream/streamowners.h"

#include <cstdint>
#include <cstdlib>

namespace {
constexpr qsizetype MaxFrame = 16 * 1024; // small, so the fuzzer reaches the oversized-frame path

void check(const StreamFrame &f, StreamOwners &owners)
{
    if (f.text.size() > MaxFrame)
        std::abort();
    SnapshotData d = StreamFrameDecoder::decode(f);
    owners.feed(f, d.problems);
    const Snapshot s = owners.attached(Snapshot(std::move(d)));
    if (s.owners() && s.owners()->slots.size() != s.sockets().size())
        std::abort();
    int total = 0;
    for (int c : s.totalCounts())
        total += c;
    if (s.isValid() && (total != int(s.sockets().size()) || s.count(TcpState::Unknown) != 0))
        std::abort();
    if (s.problems().items().size() > ProblemList::MaxKept)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the chunk sizes, so one input is replayed as ssh would deliver it in pieces.
    const unsigned seed = data[0];
    const char *p = reinterpret_cast<const char *>(data + 1);
    qsizetype left = qsizetype(size - 1);
    StreamFrameReader reader(MaxFrame);
    StreamOwners owners;
    unsigned x = seed * 2654435761u + 1;
    while (left > 0) {
        x = x * 1103515245u + 12345u;
        const qsizetype chunk = qMin<qsizetype>(left, seed == 0 ? left : 1 + (x >> 16) % 4096);
        reader.feed(QByteArrayView(p, chunk));
        p += chunk;
        left -= chunk;
        while (reader.hasFrame())
            check(reader.takeFrame(), owners);
    }
    reader.finish();
    while (reader.hasFrame())
        check(reader.takeFrame(), owners);
    const ProblemList problems = reader.takeProblems();
    if (problems.items().size() > ProblemList::MaxKept)
        std::abort();
    return 0;
}
