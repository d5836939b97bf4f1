#include "core/flatindex.h"

void FlatIndex::reserve(size_t n)
{
    size_t want = 16;
    while (want < 2 * n)
        want *= 2;
    if (want > m_buckets.size())
        rehash(want);
}

void FlatIndex::clear()
{
    m_buckets.assign(m_buckets.size(), Bucket {});
    m_size = 0;
}

void FlatIndex::rehash(size_t buckets)
{
    std::vector<Bucket> old;
    old.swap(m_buckets);
    m_buckets.assign(buckets, Bucket {});
    m_mask = buckets - 1;
    m_size = 0;
    for (const Bucket &b : old) {
        if (b.value == NotFound)
            continue;
        size_t i = b.hash & m_mask;
        while (m_buckets[i].value != NotFound)
            i = (i + 1) & m_mask;
        m_buckets[i] = b;
        ++m_size;
    }
}

void FlatIndex::insert(quint64 hash, qint32 value)
{
    if (2 * (m_size + 1) > m_buckets.size())
        rehash(m_buckets.empty() ? 16 : 2 * m_buckets.size());
    const quint32 h = fold(hash);
    size_t i = h & m_mask;
    while (m_buckets[i].value != NotFound)
        i = (i + 1) & m_mask;
    m_buckets[i] = { h, value };
    ++m_size;
}

void FlatIndex::eraseAt(size_t i)
{
    // Backward shift (Knuth 6.4 algorithm R): pull later entries of the run into the hole when
    // their home bucket does not lie cyclically between the hole and their current place.
    for (size_t j = (i + 1) & m_mask;; j = (j + 1) & m_mask) {
        const Bucket b = m_buckets[j];
        if (b.value == NotFound)
            break;
        const size_t home = b.hash & m_mask;
        const bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (stays)
            continue;
        m_buckets[i] = b;
        i = j;
    }
    m_buckets[i] = Bucket {};
    --m_size;
}
