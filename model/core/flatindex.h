#pragma once

#include <QtGlobal>

#include <vector>

// Open-addressing hash index from a caller-computed hash to an int32 (a slot or row number). The
// caller keeps the keys in its own arrays and supplies equality, so an entry costs 8 bytes and no
// allocation: std::unordered_map spends a heap node per entry, which at 100k sockets was the
// largest per-socket cost (docs/performance.md). Linear probing, power-of-two size, load <= 1/2,
// backward-shift deletion (no tombstones to clean up).
class FlatIndex
{
public:
    static constexpr qint32 NotFound = -1;

    // Room for n entries without rehashing.
    void reserve(size_t n);
    void clear();
    size_t size() const { return m_size; }
    size_t memoryBytes() const { return m_buckets.capacity() * sizeof(Bucket); }

    // The value whose key equals, as eq(value) decides, or NotFound.
    template<typename Eq> qint32 find(quint64 hash, Eq &&eq) const
    {
        const size_t i = slotOf(hash, eq);
        return i == NoSlot ? NotFound : m_buckets[i].value;
    }
    // Adds an entry; the caller knows the key is not present.
    void insert(quint64 hash, qint32 value);
    // Removes the entry eq(value) accepts; false when there is none.
    template<typename Eq> bool erase(quint64 hash, Eq &&eq)
    {
        const size_t i = slotOf(hash, eq);
        if (i == NoSlot)
            return false;
        eraseAt(i);
        return true;
    }

private:
    struct Bucket
    {
        quint32 hash = 0;
        qint32 value = NotFound;
    };
    static constexpr size_t NoSlot = size_t(-1);
    static quint32 fold(quint64 h) { return quint32(h ^ (h >> 32)); }
    // Linear probing from the hash's home bucket to the entry, or to the first empty bucket (NoSlot).
    template<typename Eq> size_t slotOf(quint64 hash, Eq &eq) const
    {
        if (m_size == 0)
            return NoSlot;
        const quint32 h = fold(hash);
        for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            const Bucket &b = m_buckets[i];
            if (b.value == NotFound)
                return NoSlot;
            if (b.hash == h && eq(b.value))
                return i;
        }
    }
    void eraseAt(size_t i);
    void rehash(size_t buckets);

    std::vector<Bucket> m_buckets;
    size_t m_mask = 0;
    size_t m_size = 0;
};
