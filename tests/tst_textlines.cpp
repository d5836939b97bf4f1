// The line splitter the text parsers share: what counts as a line, and the numbers Problems carry.
#include "parse/textlines.h"

#include <QTest>

namespace {
struct Seen
{
    QList<QByteArray> texts;
    QList<qint64> numbers;
    QList<bool> terminated;
};

Seen split(QByteArrayView text)
{
    Seen s;
    for (const TextLines::Line &line : TextLines(text)) {
        s.texts << line.text.toByteArray();
        s.numbers << line.number;
        s.terminated << line.terminated;
    }
    return s;
}
} // namespace

class TestTextLines : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyInputHasNoLines();
    void finalNewlineStartsNoLine();
    void lastLineWithoutNewline();
    void blankLinesAreCounted();
    void carriageReturnsStay();
};

void TestTextLines::emptyInputHasNoLines()
{
    QVERIFY(split({}).texts.isEmpty());
    QVERIFY(split("").texts.isEmpty());
    const Seen one = split("\n");
    QCOMPARE(one.texts, QList<QByteArray> { QByteArray() });
    QCOMPARE(one.terminated, QList<bool> { true });
}

void TestTextLines::finalNewlineStartsNoLine()
{
    const Seen s = split("a b\nc\n");
    QCOMPARE(s.texts, (QList<QByteArray> { "a b", "c" }));
    QCOMPARE(s.numbers, (QList<qint64> { 1, 2 }));
    QCOMPARE(s.terminated, (QList<bool> { true, true }));
}

void TestTextLines::lastLineWithoutNewline()
{
    const Seen s = split("a\nbc");
    QCOMPARE(s.texts, (QList<QByteArray> { "a", "bc" }));
    QCOMPARE(s.terminated, (QList<bool> { true, false }));
    QCOMPARE(split("x").terminated, QList<bool> { false });
}

void TestTextLines::blankLinesAreCounted()
{
    const Seen s = split("\n\na\n\nb");
    QCOMPARE(s.texts, (QList<QByteArray> { "", "", "a", "", "b" }));
    QCOMPARE(s.numbers, (QList<qint64> { 1, 2, 3, 4, 5 }));
}

void TestTextLines::carriageReturnsStay()
{
    // Lines end at '\n' only: a CRLF line keeps its '\r', a lone '\r' does not split.
    const Seen s = split("a\r\nb\rc\r\n");
    QCOMPARE(s.texts, (QList<QByteArray> { "a\r", "b\rc\r" }));
    QCOMPARE(s.numbers, (QList<qint64> { 1, 2 }));
}

QTEST_GUILESS_MAIN(TestTextLines)
#include "tst_textlines.moc"
