#include "core/flatindex.h"

#include <QRandomGenerator>
#include <QTest>

#include <unordered_map>

// FlatIndex against std::unordered_map under random inserts and erases, with colliding hashes,
// so backward-shift deletion is exercised across wrapped runs.
class TestFlatIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesUnorderedMap_data()
    {
        QTest::addColumn<int>("hashBits"); // few bits: long collision runs
        QTest::newRow("spread") << 64;
        QTest::newRow("colliding") << 4;
    }
    void matchesUnorderedMap()
    {
        QFETCH(int, hashBits);
        QRandomGenerator rng(42);
        std::vector<quint64> keys(20000);
        for (auto &k : keys)
            k = rng.generate64();
        auto hashOf = [&](quint64 k) { return hashBits == 64 ? k * 0x9e3779b97f4a7c15ull : (k & 0xf) << 40; };
        FlatIndex index;
        std::unordered_map<quint64, qint32> ref;
        for (int step = 0; step < 60000; ++step) {
            const qint32 v = qint32(rng.bounded(int(hashBits == 64 ? keys.size() : 400)));
            const quint64 k = keys[size_t(v)];
            auto eq = [&](qint32 x) { return x == v; };
            if (rng.bounded(3) == 0) {
                QCOMPARE(index.erase(hashOf(k), eq), ref.erase(k) == 1);
            } else if (index.find(hashOf(k), eq) == FlatIndex::NotFound) {
                QVERIFY(!ref.count(k));
                index.insert(hashOf(k), v);
                ref[k] = v;
            }
            QCOMPARE(index.size(), ref.size());
        }
        for (size_t v = 0; v < keys.size(); ++v) {
            const bool present = ref.count(keys[v]);
            const qint32 got = index.find(hashOf(keys[v]), [&](qint32 x) { return x == qint32(v); });
            QCOMPARE(got, present ? qint32(v) : FlatIndex::NotFound);
        }
        index.clear();
        QCOMPARE(index.size(), size_t(0));
        QCOMPARE(index.find(hashOf(keys[0]), [](qint32) { return true; }), FlatIndex::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestFlatIndex)
#include "tst_flatindex.moc"
