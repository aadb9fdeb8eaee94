#include "hl7message.h"
#include "iso2022jp.h"

#include <QTest>

using namespace Ssmix2;

/// HL7 v2.5 splitting and escapes, and ISO-2022-JP decoding. Expected texts come from the HL7
/// v2.5 escape rules (chapter 2.7) and the JIS X 0208 / JIS X 0201 code tables, not from the
/// parser: e.g. 漢 = JIS 0x3441, 字 = 0x3B7A, 淫 = 0x307C (second byte is '|'), 含 = 0x345E
/// (second byte is '^'); half-width katakana ESC ( I byte b → U+FF61 + (b - 0x21).
class tst_Hl7Parser : public QObject
{
    Q_OBJECT

private slots:
    void escapes_data();
    void escapes();
    void structure();
    void customDelimiters();
    void segmentEnds_data();
    void segmentEnds();
    void garbageNeverCrashes_data();
    void garbageNeverCrashes();
    void iso2022jp_data();
    void iso2022jp();
    void delimiterBytesInsideKanji();
    void wrongEncodingRefused();
};

void tst_Hl7Parser::escapes_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");
    QTest::newRow("field") << QStringLiteral("a\\F\\b") << QStringLiteral("a|b");
    QTest::newRow("component") << QStringLiteral("a\\S\\b") << QStringLiteral("a^b");
    QTest::newRow("subcomponent") << QStringLiteral("a\\T\\b") << QStringLiteral("a&b");
    QTest::newRow("repetition") << QStringLiteral("a\\R\\b") << QStringLiteral("a~b");
    QTest::newRow("escape") << QStringLiteral("C:\\E\\temp") << QStringLiteral("C:\\temp");
    QTest::newRow("hex ascii") << QStringLiteral("\\X4142\\C") << QStringLiteral("ABC");
    QTest::newRow("hex utf-8") << QStringLiteral("\\XE6BCA2\\") << QStringLiteral("漢");
    QTest::newRow("line break") << QStringLiteral("1\\.br\\2") << QStringLiteral("1\n2");
    QTest::newRow("highlight dropped") << QStringLiteral("\\H\\bold\\N\\") << QStringLiteral("bold");
    QTest::newRow("unknown kept") << QStringLiteral("\\Zabc\\") << QStringLiteral("\\Zabc\\");
    QTest::newRow("unterminated kept") << QStringLiteral("50\\F") << QStringLiteral("50\\F");
    QTest::newRow("odd hex kept") << QStringLiteral("\\X123\\") << QStringLiteral("\\X123\\");
}

void tst_Hl7Parser::escapes()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(hl7Unescape(raw, Hl7Delimiters{}), expected);
}

void tst_Hl7Parser::structure()
{
    const auto message = Hl7Message::parse(QStringLiteral(
        "MSH|^~\\&|HIS|SEND|||20110701||RDE^O11^RDE_O11|1|P|2.5\r"
        "PID|0001||9999013^^^^PI||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19480405|M\r"
        "TQ1|1||1013044400000000&内服・経口・１日３回朝昼夕食後&JAMISDP01|||5^d\r"
        "OBX|1|TX|X^a\\F\\b\\S\\c||x\\T\\y\\R\\z\r"));
    QVERIFY2(message, qPrintable(message.error()));
    QCOMPARE(message->segments().size(), 4);
    const Hl7Segment &msh = message->msh();
    QCOMPARE(msh.value(1), QStringLiteral("|"));
    QCOMPARE(msh.value(2), QStringLiteral("^~\\&"));
    QCOMPARE(msh.value(3), QStringLiteral("HIS"));
    QCOMPARE(msh.value(9, 1), QStringLiteral("RDE"));
    QCOMPARE(msh.value(9, 3), QStringLiteral("RDE_O11"));
    QCOMPARE(msh.value(12), QStringLiteral("2.5"));

    const Hl7Segment *pid = message->first(QStringLiteral("PID"));
    QVERIFY(pid);
    QCOMPARE(pid->value(3), QStringLiteral("9999013"));
    QCOMPARE(pid->value(3, 5), QStringLiteral("PI"));
    QCOMPARE(pid->repetitionCount(5), 2);
    QCOMPARE(pid->value(5, 1, 1, 0), QStringLiteral("患者"));
    QCOMPARE(pid->value(5, 8, 1, 0), QStringLiteral("I"));
    QCOMPARE(pid->value(5, 2, 1, 1), QStringLiteral("タロウ"));
    QCOMPARE(pid->value(5, 8, 1, 1), QStringLiteral("P"));
    QCOMPARE(pid->value(8), QStringLiteral("M"));
    QCOMPARE(pid->repetitionCount(4), 0);
    QCOMPARE(pid->value(99), QString()); // absent reads as empty

    const Hl7Segment *tq1 = message->first(QStringLiteral("TQ1"));
    QCOMPARE(tq1->value(3, 1, 1), QStringLiteral("1013044400000000"));
    QCOMPARE(tq1->value(3, 1, 2), QStringLiteral("内服・経口・１日３回朝昼夕食後"));
    QCOMPARE(tq1->value(3, 1, 3), QStringLiteral("JAMISDP01"));
    QCOMPARE(tq1->value(6, 2), QStringLiteral("d"));

    // Escapes are resolved after splitting: an escaped delimiter never splits.
    const Hl7Segment *obx = message->first(QStringLiteral("OBX"));
    QCOMPARE(obx->value(3, 2), QStringLiteral("a|b^c"));
    QCOMPARE(obx->value(5), QStringLiteral("x&y~z"));
    QCOMPARE(obx->repetitionCount(5), 1);
}

void tst_Hl7Parser::customDelimiters()
{
    // MSH-2 decides: here component '!', repetition '@', escape '/', subcomponent '%'.
    const auto message = Hl7Message::parse(QStringLiteral("MSH#!@/%#A!B@C!D%E#x/F/y\r"));
    QVERIFY2(message, qPrintable(message.error()));
    const Hl7Segment &msh = message->msh();
    QCOMPARE(msh.value(1), QStringLiteral("#"));
    QCOMPARE(msh.value(2), QStringLiteral("!@/%"));
    QCOMPARE(msh.value(3, 2), QStringLiteral("B"));
    QCOMPARE(msh.value(3, 2, 2, 1), QStringLiteral("E"));
    QCOMPARE(msh.value(4), QStringLiteral("x#y"));
}

void tst_Hl7Parser::segmentEnds_data()
{
    QTest::addColumn<QString>("separator");
    QTest::newRow("CR") << QStringLiteral("\r");
    QTest::newRow("CRLF") << QStringLiteral("\r\n");
    QTest::newRow("LF") << QStringLiteral("\n");
}

void tst_Hl7Parser::segmentEnds()
{
    QFETCH(QString, separator);
    const QString text = QStringList{QStringLiteral("MSH|^~\\&|A"), QStringLiteral("PID|1||X"),
                                     QStringLiteral("PV1|1|I"), QString()}
                             .join(separator);
    const auto message = Hl7Message::parse(text);
    QVERIFY(message);
    QCOMPARE(message->segments().size(), 3);
    QCOMPARE(message->segments().at(2).name(), QStringLiteral("PV1"));
    QCOMPARE(message->segments().at(2).value(2), QStringLiteral("I"));
}

void tst_Hl7Parser::garbageNeverCrashes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("parses");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no MSH") << QStringLiteral("PID|1\r") << false;
    QTest::newRow("short MSH") << QStringLiteral("MSH|^") << false;
    QTest::newRow("letters as delimiters") << QStringLiteral("MSHabcde|x") << false;
    QTest::newRow("MSH only") << QStringLiteral("MSH|^~\\&") << true;
    QTest::newRow("bare segment names") << QStringLiteral("MSH|^~\\&|A\rAL1\rMSH\rOBX|1|NM|aaa|bbb\r") << true;
    QTest::newRow("trailing escape") << QStringLiteral("MSH|^~\\&|A\\") << true;
}

void tst_Hl7Parser::garbageNeverCrashes()
{
    QFETCH(QString, text);
    QFETCH(bool, parses);
    const auto message = Hl7Message::parse(text);
    QCOMPARE(message.ok(), parses);
    if (message) {
        for (const Hl7Segment &segment : message->segments())
            QCOMPARE(segment.value(42, 7, 3, 5), QString());
    }
}

void tst_Hl7Parser::iso2022jp_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ascii") << QByteArray("PID|1") << QStringLiteral("PID|1");
    QTest::newRow("JIS X 0208 ESC $ B") << QByteArray("\x1b$B\x34\x41\x3b\x7a\x1b(B|") << QStringLiteral("漢字|");
    QTest::newRow("JIS C 6226 ESC $ @") << QByteArray("\x1b$@\x34\x41\x1b(B") << QStringLiteral("漢");
    // JIS-Roman differs from ASCII in two places: 0x5C is YEN SIGN, 0x7E is OVERLINE.
    QTest::newRow("JIS-Roman ESC ( J") << QByteArray("\x1b(J\x5c\x7e" "A\x1b(B") << QStringLiteral("\u00a5\u203eA");
    // ｶﾝｼﾞｬ: ｶ U+FF76 = 0x36, ﾝ U+FF9D = 0x5D, ｼ U+FF7C = 0x3C, ﾞ U+FF9E = 0x5E ('^'), ｬ U+FF6C = 0x2C.
    QTest::newRow("half-width katakana ESC ( I")
        << QByteArray("\x1b(I\x36\x5d\x3c\x5e\x2c\x1b(B^") << QStringLiteral("\uff76\uff9d\uff7c\uff9e\uff6c^");
    // JIS0208.TXT mappings where Windows CP932 differs: 0x2141 〜 U+301C, 0x215D − U+2212.
    QTest::newRow("JIS X 0208 standard mapping") << QByteArray("\x1b$B\x21\x41\x21\x5d\x1b(B") << QStringLiteral("\u301c\u2212");
    QTest::newRow("empty runs") << QByteArray("\x1b$B\x1b(B\x1b(I\x1b(BA") << QStringLiteral("A");
    QTest::newRow("mixed") << QByteArray("A\x1b$B\x34\x41\x1b(B\x1b(I\x31\x1b(BZ") << QStringLiteral("A漢\uff71Z");
}

void tst_Hl7Parser::iso2022jp()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const auto text = decodeIso2022Jp(bytes);
    QVERIFY2(text, qPrintable(text.error()));
    QCOMPARE(*text, expected);
}

void tst_Hl7Parser::delimiterBytesInsideKanji()
{
    // 淫 (0x30 0x7C) and 含 (0x34 0x5E) hold the bytes of '|' and '^'; decoded first, they
    // cannot split a field. So does the half-width ﾞ (0x5E under ESC ( I).
    const QByteArray bytes("MSH|^~\\&|A\rOBX|1|TX|C^\x1b$B\x30\x7c\x34\x5e\x1b(B^L||\x1b(I\x3c\x5e\x1b(B|x\r");
    const auto text = decodeIso2022Jp(bytes);
    QVERIFY2(text, qPrintable(text.error()));
    const auto message = Hl7Message::parse(*text);
    QVERIFY(message);
    const Hl7Segment *obx = message->first(QStringLiteral("OBX"));
    QCOMPARE(obx->value(3, 2), QStringLiteral("\u6deb\u542b"));
    QCOMPARE(obx->value(3, 3), QStringLiteral("L"));
    QCOMPARE(obx->value(5), QStringLiteral("\uff7c\uff9e"));
    QCOMPARE(obx->value(6), QStringLiteral("x"));
}

void tst_Hl7Parser::wrongEncodingRefused()
{
    QVERIFY(!decodeIso2022Jp(QByteArray("\xfb\xfc")));            // the fixture's misplaced file
    QVERIFY(!decodeIso2022Jp(QByteArray("\xe6\xbc\xa2")));        // UTF-8 漢
    QVERIFY(!decodeIso2022Jp(QByteArray("\x8a\xbf")));            // Shift_JIS 漢
}

QTEST_GUILESS_MAIN(tst_Hl7Parser)
#include "tst_hl7parser.moc"
