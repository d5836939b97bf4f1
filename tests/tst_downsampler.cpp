// The chart's downsampler: 24 h of 1 s samples reduced to what a chart can draw, spikes kept, gaps kept.
#include "history/downsampler.h"

#include <QTest>

namespace {
constexpr qint64 T0 = 1'700'000'000'000;
constexpr int TW = 5; // TIME_WAIT: kernel code 6, index 5

StateHistory::Sample sample(qint64 t, quint32 timeWait, bool gap = false)
{
    StateHistory::Sample s;
    s.timeMs = t;
    s.counts[TW] = timeWait;
    s.counts[0] = 10; // ESTABLISHED
    s.gapBefore = gap;
    return s;
}
} // namespace

class TestDownsampler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shortWindowIsUnreduced();
    void dayAtOneSecondFitsTheColumns();
    void gapsSplitSegments();
    void maxModeSharesX();
    void windowSelectsSamples();
};

void TestDownsampler::shortWindowIsUnreduced()
{
    StateHistory h(100);
    for (int i = 0; i < 60; ++i)
        h.append(sample(T0 + i * 1000, quint32(i)));
    const auto segs = Downsampler::run(h, T0, T0 + 59'000, 800, Downsampler::Mode::MinMax);
    QCOMPARE(segs.size(), size_t(1));
    QCOMPARE(segs[0].points[TW].size(), 60);
    QCOMPARE(segs[0].points[TW].at(59), QPointF(double(T0 + 59'000), 59));
}

void TestDownsampler::dayAtOneSecondFitsTheColumns()
{
    StateHistory h(86'400);
    for (int i = 0; i < 86'400; ++i)
        h.append(sample(T0 + qint64(i) * 1000, quint32(100 + (i % 7)) + (i == 43'210 ? 5000 : 0)));
    const int columns = 1000;
    const auto segs = Downsampler::run(h, T0, T0 + 86'399'000, columns, Downsampler::Mode::MinMax);
    QCOMPARE(segs.size(), size_t(1));
    const QList<QPointF> &tw = segs[0].points[TW];
    QVERIFY2(tw.size() <= 2 * columns + 2, qPrintable(QString::number(tw.size())));
    QVERIFY(tw.size() >= columns);
    double max = 0, min = 1e9;
    for (int i = 0; i < tw.size(); ++i) {
        max = std::max(max, tw[i].y());
        min = std::min(min, tw[i].y());
        if (i)
            QVERIFY(tw[i].x() > tw[i - 1].x()); // time order within a column too
    }
    QCOMPARE(max, 5106.0); // the one-second spike survives
    QCOMPARE(min, 100.0);
    // A constant series yields one point per column.
    QCOMPARE(segs[0].points[0].size(), columns);
}

void TestDownsampler::gapsSplitSegments()
{
    StateHistory h(100);
    for (int i = 0; i < 30; ++i)
        h.append(sample(T0 + i * 1000, 1, i == 10 || i == 20));
    auto segs = Downsampler::run(h, T0, T0 + 29'000, 800, Downsampler::Mode::MinMax);
    QCOMPARE(segs.size(), size_t(3));
    QCOMPARE(segs[1].points[TW].size(), 10);
    QCOMPARE(segs[1].points[TW].first().x(), double(T0 + 10'000));
    segs = Downsampler::run(h, T0, T0 + 29'000, 4, Downsampler::Mode::MinMax); // reduced: same split
    QCOMPARE(segs.size(), size_t(3));
    // A gap before the window's first sample starts nothing new.
    QCOMPARE(Downsampler::run(h, T0 + 10'000, T0 + 19'000, 800, Downsampler::Mode::Max).size(), size_t(1));
}

void TestDownsampler::maxModeSharesX()
{
    StateHistory h(10'000);
    for (int i = 0; i < 10'000; ++i)
        h.append(sample(T0 + i * 1000, quint32(i % 50)));
    const auto segs = Downsampler::run(h, T0, T0 + 9'999'000, 100, Downsampler::Mode::Max);
    QCOMPARE(segs.size(), size_t(1));
    QCOMPARE(segs[0].points[TW].size(), 100);
    QCOMPARE(segs[0].points[0].size(), 100);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(segs[0].points[TW][i].x(), segs[0].points[0][i].x());
        QCOMPARE(segs[0].points[TW][i].y(), 49.0);
    }
}

void TestDownsampler::windowSelectsSamples()
{
    StateHistory h(100);
    for (int i = 0; i < 100; ++i)
        h.append(sample(T0 + i * 1000, quint32(i)));
    const auto segs = Downsampler::run(h, T0 + 40'000, T0 + 49'000, 800, Downsampler::Mode::MinMax);
    QCOMPARE(segs[0].points[TW].size(), 10);
    QCOMPARE(segs[0].points[TW].first().y(), 40.0);
    QVERIFY(Downsampler::run(h, T0 + 200'000, T0 + 300'000, 800, Downsampler::Mode::MinMax).empty());
    QVERIFY(Downsampler::run(StateHistory(4), T0, T0 + 1, 10, Downsampler::Mode::MinMax).empty());
}

QTEST_GUILESS_MAIN(TestDownsampler)
#include "tst_downsampler.moc"
