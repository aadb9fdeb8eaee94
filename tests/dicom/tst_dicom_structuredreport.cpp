// SR content tree to text, on data/sr_report.dcm whose content is defined in
// data/make_sr.py (and read back by DCMTK's dsrdump there), and on objects that are no SR.

#include "dicomfile.h"
#include "structuredreport.h"

#include <QProcess>
#include <QTest>

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(RENKEI_DICOM_TEST_DATA_DIR "/") + QLatin1String(name);
}

// The document's content as make_sr.py defines it.
const char16_t kExpectedText[] =
    u"Imaging Report\n"
    u"  Language of Content Item and Descendants: Japanese\n"
    u"  Person Observer Name: 山田^太郎\n"
    u"  Findings\n"
    u"    Finding: 右肺上葉に結節を認める。\n"
    u"    Diameter: 12.5 mm\n"
    u"    Finding Site: Upper lobe of right lung\n"
    u"    Source Image: 1.2.826.0.1.3680043.8.498.2001 frame 3\n"
    u"    Study Date: 2024-01-15\n"
    u"  Impressions\n"
    u"    Impression: 肺癌の疑い。\n";

} // namespace

class TestDicomStructuredReport : public QObject
{
    Q_OBJECT

private slots:
    void tree();
    void text();
    void notAReport();
    void cli();
    void cliNotAReport();
};

void TestDicomStructuredReport::tree()
{
    const auto file = Dicom::DicomFile::open(dataFile("sr_report.dcm"));
    QVERIFY2(file, qPrintable(file.error()));
    const auto report = Dicom::readStructuredReport(*file);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->completionFlag, QStringLiteral("COMPLETE"));
    QCOMPARE(report->verificationFlag, QStringLiteral("UNVERIFIED"));
    const Dicom::SrContentItem &root = report->root;
    QCOMPARE(root.valueType, QStringLiteral("CONTAINER"));
    QCOMPARE(root.conceptCode, QStringLiteral("18748-4,LN"));
    QCOMPARE(root.children.size(), 4);
    QCOMPARE(root.children[0].relationship, QStringLiteral("HAS CONCEPT MOD"));
    QCOMPARE(root.children[1].relationship, QStringLiteral("HAS OBS CONTEXT"));
    QCOMPARE(root.children[1].valueType, QStringLiteral("PNAME"));
    const Dicom::SrContentItem &findings = root.children[2];
    QCOMPARE(findings.conceptName, QStringLiteral("Findings"));
    QCOMPARE(findings.children.size(), 5);
    const Dicom::SrContentItem &diameter = findings.children[1];
    QCOMPARE(diameter.valueType, QStringLiteral("NUM"));
    QCOMPARE(diameter.conceptCode, QStringLiteral("81827009,SCT"));
    QCOMPARE(diameter.value, QStringLiteral("12.5"));
    QCOMPARE(diameter.units, QStringLiteral("mm"));
    QCOMPARE(findings.children[0].value, QStringLiteral("右肺上葉に結節を認める。"));
}

void TestDicomStructuredReport::text()
{
    const auto file = Dicom::DicomFile::open(dataFile("sr_report.dcm"));
    QVERIFY2(file, qPrintable(file.error()));
    const auto report = Dicom::readStructuredReport(*file);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(Dicom::structuredReportText(*report), QString::fromUtf16(kExpectedText));
}

void TestDicomStructuredReport::notAReport()
{
    // An image and a charset test object: both parse, neither has a content tree.
    const auto file = Dicom::DicomFile::open(dataFile("charset_sequences.dcm"));
    QVERIFY2(file, qPrintable(file.error()));
    const auto report = Dicom::readStructuredReport(*file);
    QVERIFY(!report);
    QVERIFY(report.error().contains(QStringLiteral("Structured Report")));
}

void TestDicomStructuredReport::cli()
{
    QProcess p;
    p.start(QStringLiteral(RENKEI_DICOM_EXECUTABLE),
            {QStringLiteral("sr"), dataFile("sr_report.dcm")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf16(kExpectedText));
}

void TestDicomStructuredReport::cliNotAReport()
{
    QProcess p;
    p.start(QStringLiteral(RENKEI_DICOM_EXECUTABLE),
            {QStringLiteral("sr"), dataFile("charset_sequences.dcm")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(err.count('\n'), 1);
    QVERIFY(err.startsWith("renkei-dicom: "));
}

QTEST_GUILESS_MAIN(TestDicomStructuredReport)
#include "tst_dicom_structuredreport.moc"
