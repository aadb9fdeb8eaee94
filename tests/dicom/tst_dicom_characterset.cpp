// Specific Character Set conversion against values decoded by pydicom/Python codecs
// (golden/charsets.json) and the fixtures' names.

#include "characterset.h"
#include "dicomfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(Dicom::ItemStep)

class TestDicomCharacterSet : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void resetsAtDelimiters();
    void yamadaFixture();
    void sequenceItems_data();
    void sequenceItems();
    void unknownBytesDoNotFail();
};

void TestDicomCharacterSet::decode_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QFile f(QStringLiteral(RENKEI_DICOM_GOLDEN_DIR "/charsets.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray cases = QJsonDocument::fromJson(f.readAll()).array();
    QVERIFY(cases.size() >= 10);
    for (const QJsonValue &v : cases) {
        const QJsonObject c = v.toObject();
        const int kind = c[u"kind"].toString() == u"PN" ? int(Dicom::TextKind::PersonName)
                                                         : int(Dicom::TextKind::ShortText);
        QTest::newRow(qPrintable(c[u"name"].toString()))
            << QByteArray::fromHex(c[u"rawHex"].toString().toLatin1())
            << c[u"specificCharacterSet"].toString().toLatin1() << kind
            << c[u"expected"].toString();
    }
}

void TestDicomCharacterSet::decode()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, charset);
    QFETCH(int, kind);
    QFETCH(QString, expected);
    QCOMPARE(Dicom::decodeText(raw, charset, Dicom::TextKind(kind)), expected);
    QVERIFY(Dicom::isKnownCharacterSet(charset));
}

void TestDicomCharacterSet::resetsAtDelimiters()
{
    // PS3.5 6.1.2.5.3: kanji mode ends before '^', and the next component starts in the
    // initial set again (ASCII here), so "Tarou" is not read as JIS X 0208 pairs.
    const QByteArray raw("\x1b$B;3ED\x1b(B^Tarou");
    QCOMPARE(Dicom::decodeText(raw, "\\ISO 2022 IR 87", Dicom::TextKind::PersonName),
             QStringLiteral("山田^Tarou"));
    // JIS X 0201 Romaji (ISO_IR 13 G0): 0x5C is the yen sign.
    QCOMPARE(Dicom::decodeText("100\\", "ISO_IR 13", Dicom::TextKind::LongText),
             QStringLiteral("100\u00A5"));
}

void TestDicomCharacterSet::yamadaFixture()
{
    const QString path = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/chrH31.dcm");
    if (!QFileInfo::exists(path))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
    const auto file = Dicom::DicomFile::open(path);
    QVERIFY2(file, qPrintable(file.error()));
    // The value fixtures/README.md documents.
    QCOMPARE(file->text(0x0010, 0x0010, Dicom::TextKind::PersonName),
             QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう"));
}

void TestDicomCharacterSet::sequenceItems_data()
{
    // data/charset_sequences.dcm (made by data/make_charset_sequences.py, which also checks
    // that pydicom decodes it the same way) holds the encoded examples of PS3.5 Annexes H, I
    // and J inside sequence items; the dataset declares "\\ISO 2022 IR 87" and some items
    // declare their own Specific Character Set. Expected strings: the standard's renderings.
    using Path = QList<Dicom::ItemStep>;
    QTest::addColumn<Path>("path");
    QTest::addColumn<int>("tag");
    QTest::addColumn<QString>("expected");
    const QString yamada = QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう");
    QTest::newRow("top level PN, IR 87 (H.3.1)") << Path{} << 0x00100010 << yamada;
    QTest::newRow("code meaning inherits IR 87")
        << Path{{0x0008, 0x1032, 0}} << 0x00080104 << QStringLiteral("胸部CT");
    QTest::newRow("observer PN inherits IR 87")
        << Path{{0x0040, 0xA073, 0}} << 0x0040A075 << yamada;
    QTest::newRow("item's own IR 13 + IR 87 (H.3.2)")
        << Path{{0x0040, 0xA073, 1}} << 0x0040A075
        << QStringLiteral("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
    QTest::newRow("item's own IR 149 (I.2)")
        << Path{{0x0040, 0x0275, 0}} << 0x00321032
        << QStringLiteral("Hong^Gildong=洪^吉洞=홍^길동");
    QTest::newRow("item's own GB18030 (J.3)")
        << Path{{0x0040, 0x0275, 1}} << 0x00321032 << QStringLiteral("Wang^XiaoDong=王^小東");
    QTest::newRow("nested item inherits GB18030 from its parent item")
        << Path{{0x0040, 0x0275, 1}, {0x0040, 0x0008, 0}} << 0x00080104
        << QStringLiteral("胸部");
    QTest::newRow("missing item") << Path{{0x0040, 0xA073, 2}} << 0x0040A075 << QString();
    QTest::newRow("not a sequence") << Path{{0x0010, 0x0010, 0}} << 0x00080104 << QString();
}

void TestDicomCharacterSet::sequenceItems()
{
    QFETCH(QList<Dicom::ItemStep>, path);
    QFETCH(int, tag);
    QFETCH(QString, expected);
    const auto file = Dicom::DicomFile::open(
        QStringLiteral(RENKEI_DICOM_TEST_DATA_DIR "/charset_sequences.dcm"));
    QVERIFY2(file, qPrintable(file.error()));
    QCOMPARE(file->textAt(path, quint16(uint(tag) >> 16), quint16(tag & 0xFFFF)), expected);
}

void TestDicomCharacterSet::unknownBytesDoNotFail()
{
    QVERIFY(!Dicom::decodeText("\x1b$B\xff", "\\ISO 2022 IR 87").isNull());
    QVERIFY(!Dicom::decodeText("\xa1\xe0", "ISO 2022 IR 13").isEmpty());
    QVERIFY(!Dicom::isKnownCharacterSet("ISO_IR 999"));
}

QTEST_GUILESS_MAIN(TestDicomCharacterSet)
#include "tst_dicom_characterset.moc"
