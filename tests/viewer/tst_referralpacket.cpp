// The referral packet's PDF from the real-shaped $everything pages: pdftotext finds the
// patient, each chosen section, values from the records and the footer; unwritable paths
// fail with a message and leave nothing; the final path never holds a partial PDF.

#include "../network/everythingdata.h"
#include "referralpacket.h"
#include "referralpacketwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace {

const QHash<QString, QString> kFacilityNames = {
    {QStringLiteral("hosp-nho"), QStringLiteral("テスト病院")},
    {QStringLiteral("clinic-azumino"), QStringLiteral("あずみの内科クリニック")},
};

PatientSummary patient()
{
    return {QStringLiteral("pdfd8a9d0c02cf48f"), QStringLiteral("患者 太郎"), QStringLiteral("カンジャ タロウ"),
            QDate(1960, 5, 10), QStringLiteral("male"), {QStringLiteral("テスト病院")}, {QStringLiteral("0012345")}};
}

/// A marked image: a grey ramp of a known size, so pdfimages can find it in the PDF.
KeyImage keyImage(const QString &patientId, const QString &sop, const QString &caption)
{
    KeyImage k;
    k.sopInstanceUid = sop;
    k.patientId = patientId;
    k.caption = caption;
    k.studyDate = QStringLiteral("20261020");
    k.institution = QStringLiteral("テスト病院");
    k.image = QImage(320, 256, QImage::Format_Grayscale8);
    for (int y = 0; y < k.image.height(); ++y)
        std::fill_n(k.image.scanLine(y), k.image.width(), uchar(y));
    return k;
}

QList<ReferralSection> allSections()
{
    QList<ReferralSection> sections;
    for (int i = 0; i < kReferralSectionCount; ++i)
        sections << ReferralSection(i);
    return sections;
}

ReferralPacket packet(const QList<ReferralSection> &sections, const QList<KeyImage> &keyImages = {})
{
    const QList<ClinicalRecord> records = EverythingData::page(QStringLiteral("page1.json"))
        + EverythingData::page(QStringLiteral("page2.json"));
    ReferralChoice choice;
    choice.cover = {QStringLiteral("信州中央病院"), QStringLiteral("消化器 花子"), QStringLiteral("胃炎の精査加療のお願い"),
                    QStringLiteral("2011年12月 胃炎で入院。\n退院後は外来で経過観察中。"),
                    QStringLiteral("あずみの内科クリニック"), QStringLiteral("demo-doctor")};
    choice.sections = sections;
    choice.labTests = {QStringLiteral("総蛋白"), QStringLiteral("A/G比")};
    choice.printedBy = QStringLiteral("demo-doctor (あずみの内科クリニック)");
    choice.printedAt = QDateTime(QDate(2026, 11, 24), QTime(9, 30));
    choice.keyImages = keyImages;
    return buildReferralPacket(patient(), records, kFacilityNames, choice);
}

/// For looking at the pages (pdftoppm): RENKEI_KEEP_PDF=/some/file.pdf keeps a copy, with
/// \a suffix before the extension when given.
void keepForLooking(const QString &pdf, const QString &suffix)
{
    QString keep = qEnvironmentVariable("RENKEI_KEEP_PDF");
    if (keep.isEmpty())
        return;
    if (!suffix.isEmpty())
        keep.insert(keep.lastIndexOf(QLatin1Char('.')), QLatin1Char('-') + suffix);
    QFile::remove(keep);
    QFile::copy(pdf, keep);
}

/// pdfimages -list's rows as "width height" pairs, or an empty list when it could not run.
QStringList pdfImageSizes(const QString &pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    QStringList sizes;
    // page num type width height ...; the first two lines are the header.
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString &line : lines.mid(2)) {
        const QStringList cols = line.simplified().split(QLatin1Char(' '));
        if (cols.size() > 4)
            sizes << cols.at(3) + QLatin1Char(' ') + cols.at(4);
    }
    return sizes;
}

/// pdftotext's -layout text of \a pdf, or an empty string when it could not run.
QString pdfText(const QString &pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class tst_ReferralPacket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void buildsTheChosenSections();
    void pdfCarriesSectionsValuesAndFooter();
    void pdfInJapanese();
    void keyImagesOfThisPatientOnly();
    void unwritablePathFails_data();
    void unwritablePathFails();
    void finalPathNeverHoldsAPartialFile();

private:
    QTemporaryDir m_dir;
};

void tst_ReferralPacket::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext is not installed (poppler-utils)");
}

void tst_ReferralPacket::buildsTheChosenSections()
{
    const ReferralPacket p = packet({ReferralSection::Medication, ReferralSection::Labs});
    QCOMPARE(p.sectionNames(), QStringList({QStringLiteral("Medication"), QStringLiteral("Labs")}));
    QVERIFY(p.dischargeSummary.has_value());
    QCOMPARE(p.dischargeSummary->facility, QStringLiteral("テスト病院"));
    QCOMPARE(p.medication.size(), 3);
    QCOMPARE(p.medication.first().drug, QStringLiteral("ダーゼン錠（５mg)"));
    QCOMPARE(p.labs.tests.size(), 2);
    QVERIFY(!p.labs.times.isEmpty());
    QVERIFY(p.allergies.size() >= 1);
    QCOMPARE(p.sourceFacilities(), QStringList({QStringLiteral("テスト病院"), QStringLiteral("あずみの内科クリニック")}));
}

void tst_ReferralPacket::pdfCarriesSectionsValuesAndFooter()
{
    const QString path = m_dir.filePath(QStringLiteral("packet.pdf"));
    const ReferralWriteResult result = ReferralPacketWriter::writePdf(packet(allSections()), path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.pages >= 2);
    keepForLooking(path, QString());
    const QString text = pdfText(path);
    QVERIFY2(!text.isEmpty(), "pdftotext failed");
    // No translator is loaded: headings come out in their English source texts.
    const QStringList expected = {
        QStringLiteral("Referral Letter"), QStringLiteral("患者 太郎"), QStringLiteral("pdfd8a9d0c02cf48f"),
        QStringLiteral("Discharge summary"), QStringLiteral("Current medication"),
        QStringLiteral("Laboratory results"), QStringLiteral("Diagnoses"), QStringLiteral("Allergies"),
        QStringLiteral("ダーゼン錠"), QStringLiteral("8.9 g/dl"), QStringLiteral("胃炎"), QStringLiteral("ペニシリン"),
        QStringLiteral("信州中央病院"), QStringLiteral("胃炎の精査加療のお願い"), QStringLiteral("経過観察中"),
        QStringLiteral("テスト病院"), QStringLiteral("あずみの内科クリニック"),
        QStringLiteral("1 / %1").arg(result.pages), QStringLiteral("%1 / %1").arg(result.pages),
        QStringLiteral("demo-doctor"), QStringLiteral("2026/11/24 09:30"),
    };
    for (const QString &word : expected)
        QVERIFY2(text.contains(word), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(word, text)));
    // Every page has its footer.
    QCOMPARE(text.count(QStringLiteral("Patient: 患者 太郎 (ID pdfd8a9d0c02cf48f)")), result.pages);
}

void tst_ReferralPacket::pdfInJapanese()
{
    // With the Japanese translation the packet is a 診療情報提供書 (the name Japanese clinics
    // use), and no English heading is left. It once printed in English: its texts had no
    // translation context (see tst_translations).
    QTranslator japanese;
    QVERIFY2(japanese.load(QStringLiteral(RENKEI_JA_QM)), RENKEI_JA_QM);
    QCoreApplication::installTranslator(&japanese);
    const QString path = m_dir.filePath(QStringLiteral("packet-ja.pdf"));
    const ReferralWriteResult result = ReferralPacketWriter::writePdf(packet(allSections()), path);
    QCoreApplication::removeTranslator(&japanese);
    QVERIFY2(result.ok(), qPrintable(result.error));
    keepForLooking(path, QStringLiteral("ja"));
    const QString text = pdfText(path);
    QVERIFY2(!text.isEmpty(), "pdftotext failed");
    QVERIFY2(text.contains(QStringLiteral("診療情報提供書")), qPrintable(text));
    for (const QString &english : {QStringLiteral("Referral Letter"), QStringLiteral("Discharge summary"),
                                   QStringLiteral("Current medication"), QStringLiteral("Laboratory results"),
                                   QStringLiteral("Diagnoses"), QStringLiteral("Allergies"),
                                   QStringLiteral("Patient:"), QStringLiteral("Printed")}) {
        QVERIFY2(!text.contains(english),
                 qPrintable(QStringLiteral("\"%1\" left in English:\n%2").arg(english, text)));
    }
    // The values themselves are unchanged.
    for (const QString &value : {QStringLiteral("患者 太郎"), QStringLiteral("ダーゼン錠"),
                                 QStringLiteral("8.9 g/dl"), QStringLiteral("ペニシリン")})
        QVERIFY2(text.contains(value), qPrintable(QStringLiteral("missing \"%1\"").arg(value)));
}

void tst_ReferralPacket::keyImagesOfThisPatientOnly()
{
    // The DICOM Patient ID is the facility's local ID: 0012345 is this patient at テスト病院;
    // 9999999 is someone else's CD opened in the same session and must not be printed.
    const QList<KeyImage> marked = {keyImage(QStringLiteral("0012345"), QStringLiteral("1.2.3.1"), QStringLiteral("CT  Se 2  Im 14")),
                                    keyImage(QStringLiteral("9999999"), QStringLiteral("1.2.3.2"), QStringLiteral("CT  Se 9  Im 1"))};
    const ReferralPacket p = packet({ReferralSection::CoverLetter, ReferralSection::DischargeSummary, ReferralSection::Medication, ReferralSection::Labs, ReferralSection::Diagnoses, ReferralSection::Allergies, ReferralSection::KeyImages}, marked);
    QCOMPARE(p.keyImages.size(), 1);
    QCOMPARE(p.keyImagesOfOtherPatients, 1);
    QCOMPARE(p.keyImages.first().caption, QStringLiteral("CT  Se 2  Im 14"));
    QCOMPARE(p.keyImages.first().date, QStringLiteral("2026/10/20"));
    QVERIFY(p.sourceFacilities().contains(QStringLiteral("テスト病院")));

    const QString path = m_dir.filePath(QStringLiteral("key-images.pdf"));
    const ReferralWriteResult result = ReferralPacketWriter::writePdf(p, path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    keepForLooking(path, QStringLiteral("key-images"));
    const QString text = pdfText(path);
    QVERIFY2(text.contains(QStringLiteral("Key images")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("CT Se 2 Im 14")) || text.contains(QStringLiteral("CT  Se 2  Im 14")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Se 9")), qPrintable(text));
    if (QStandardPaths::findExecutable(QStringLiteral("pdfimages")).isEmpty())
        QSKIP("pdfimages is not installed (poppler-utils)");
    // The one image of this patient is embedded at its own pixel size; no other image is.
    QCOMPARE(pdfImageSizes(path), QStringList{QStringLiteral("320 256")});
}

void tst_ReferralPacket::unwritablePathFails_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("missing folder") << m_dir.filePath(QStringLiteral("no/such/folder/packet.pdf"));
    QTest::newRow("a folder") << m_dir.path();
    // A read-only folder, unless permissions do not hold here (root, some file systems).
    const QString readOnly = m_dir.filePath(QStringLiteral("read-only"));
    QDir().mkpath(readOnly);
    QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner);
    QFile probe(readOnly + QStringLiteral("/probe"));
    if (probe.open(QIODevice::WriteOnly)) {
        probe.close();
        probe.remove();
    } else {
        QTest::newRow("read-only folder") << readOnly + QStringLiteral("/packet.pdf");
    }
}

void tst_ReferralPacket::unwritablePathFails()
{
    QFETCH(QString, path);
    const QStringList before = QDir(m_dir.path()).entryList(QDir::Files);
    const ReferralWriteResult result = ReferralPacketWriter::writePdf(packet(allSections()), path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QDir::toNativeSeparators(path)), qPrintable(result.error));
    QVERIFY(!QFileInfo(path).isFile());
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), before);
}

void tst_ReferralPacket::finalPathNeverHoldsAPartialFile()
{
    const QString path = m_dir.filePath(QStringLiteral("replaced.pdf"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("previous packet");
    old.close();

    // While pages are being written the final path still holds the previous file.
    int pagesSeen = 0;
    ReferralWriteResult result = ReferralPacketWriter::writePdf(packet(allSections()), path, [&](int, int) {
        ++pagesSeen;
        QFile file(path);
        return file.open(QIODevice::ReadOnly) && file.readAll() == "previous packet";
    });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(pagesSeen, result.pages);
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray pdf = written.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));

    // A packet abandoned half-way leaves the complete one in place, and no temporary file.
    result = ReferralPacketWriter::writePdf(packet(allSections()), path, [](int page, int) { return page < 1; });
    QVERIFY(!result.ok());
    QVERIFY(written.seek(0));
    QCOMPARE(written.readAll(), pdf);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).filter(QStringLiteral("replaced")),
             QStringList{QStringLiteral("replaced.pdf")});
}

QTEST_MAIN(tst_ReferralPacket)
#include "tst_referralpacket.moc"
