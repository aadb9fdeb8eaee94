// Encapsulated PDF: PDFs written by the test (QPdfWriter), wrapped in DICOM by DCMTK's own
// pdf2dcm, must come back byte for byte, whether their length is odd (pdf2dcm pads one NUL,
// PS3.5 7.1.1) or even, and with or without Encapsulated Document Length (0042,0015), which
// pdf2dcm writes and older writers do not (removed with DCMTK's dcmodify);
// `renkei-dicom pdf` writes the same bytes.

#include "dicomfile.h"
#include "encapsulatedpdf.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray makePdf()
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(QStringLiteral("tst_dicom_pdf"));
    QPainter painter(&writer);
    painter.drawText(QPoint(100, 100), QStringLiteral("Discharge summary"));
    painter.end();
    return bytes;
}

} // namespace

class TestDicomPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void command();
    void notAnEncapsulatedDocument();

private:
    QString encapsulate(const QByteArray &pdf, const QString &name, const QStringList &extra = {});

    QTemporaryDir m_dir;
    QString m_pdf2dcm;
};

void TestDicomPdf::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pdf2dcm = QStandardPaths::findExecutable(QStringLiteral("pdf2dcm"));
    if (m_pdf2dcm.isEmpty())
        QSKIP("DCMTK's pdf2dcm is not installed (Debian package dcmtk)");
}

QString TestDicomPdf::encapsulate(const QByteArray &pdf, const QString &name,
                                  const QStringList &extra)
{
    const QString in = m_dir.filePath(name + QStringLiteral(".pdf"));
    const QString out = m_dir.filePath(name + QStringLiteral(".dcm"));
    QFile file(in);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
        return {};
    file.close();
    QProcess process;
    process.start(m_pdf2dcm, QStringList{QStringLiteral("+t"), QStringLiteral("退院時サマリー")}
                                 + extra + QStringList{in, out});
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning() << process.readAllStandardError();
        return {};
    }
    return out;
}

void TestDicomPdf::roundTrip_data()
{
    QTest::addColumn<QByteArray>("pdf");
    QTest::addColumn<bool>("withoutLength");
    QByteArray pdf = makePdf();
    QVERIFY(pdf.startsWith("%PDF-"));
    // A PDF may end right after %%EOF or with an end-of-line: make one of each parity.
    QByteArray even = pdf;
    QByteArray odd = pdf;
    if (pdf.size() % 2 == 0)
        odd.append('\n');
    else
        even.append('\n');
    QByteArray oddNoNewline = pdf;
    while (oddNoNewline.endsWith('\n') || oddNoNewline.endsWith('\r'))
        oddNoNewline.chop(1);
    if (oddNoNewline.size() % 2 == 0)
        oddNoNewline.prepend("%PDF-1.4\n%%"); // 11 bytes; the old header becomes a comment
    QCOMPARE(odd.size() % 2, 1);
    QCOMPARE(even.size() % 2, 0);
    QCOMPARE(oddNoNewline.size() % 2, 1);
    QVERIFY(oddNoNewline.endsWith("%%EOF"));
    QTest::newRow("odd length") << odd << false;
    QTest::newRow("even length") << even << false;
    QTest::newRow("odd, ends at %%EOF") << oddNoNewline << false;
    QTest::newRow("odd length, no length attribute") << odd << true;
    QTest::newRow("even length, no length attribute") << even << true;
    QTest::newRow("odd, ends at %%EOF, no length attribute") << oddNoNewline << true;
}

void TestDicomPdf::roundTrip()
{
    QFETCH(QByteArray, pdf);
    QFETCH(bool, withoutLength);
    const QString path = encapsulate(pdf, QString::fromLatin1(QTest::currentDataTag()).remove(u' ')
                                              .remove(u',').remove(u'%'),
                                     {QStringLiteral("-k"), QStringLiteral("0008,0005=ISO_IR 192")});
    QVERIFY(!path.isEmpty());
    if (withoutLength) {
        const QString dcmodify = QStandardPaths::findExecutable(QStringLiteral("dcmodify"));
        QVERIFY(!dcmodify.isEmpty());
        QCOMPARE(QProcess::execute(dcmodify, {QStringLiteral("-nb"), QStringLiteral("-e"),
                                              QStringLiteral("(0042,0015)"), path}),
                 0);
    }
    const auto file = Dicom::DicomFile::open(path);
    QVERIFY2(file.ok(), qPrintable(file.error()));
    QVERIFY(Dicom::isEncapsulatedPdf(*file));
    const auto document = Dicom::readEncapsulatedDocument(*file);
    QVERIFY2(document.ok(), qPrintable(document.error()));
    QCOMPARE(document->bytes.size(), pdf.size());
    QVERIFY(document->bytes == pdf);
    QCOMPARE(document->mimeType, QStringLiteral("application/pdf"));
    QVERIFY(document->isPdf());
    QCOMPARE(document->sopClassUid, QStringLiteral("1.2.840.10008.5.1.4.1.1.104.1"));
    QCOMPARE(document->title, QStringLiteral("退院時サマリー"));
}

void TestDicomPdf::command()
{
    QByteArray pdf = makePdf();
    if (pdf.size() % 2 == 0)
        pdf.append('\n'); // odd: the padded case
    const QString path = encapsulate(pdf, QStringLiteral("command"));
    QVERIFY(!path.isEmpty());
    const QString out = m_dir.filePath(QStringLiteral("out.pdf"));
    QProcess process;
    process.start(QStringLiteral(RENKEI_DICOM_EXECUTABLE),
                  {QStringLiteral("pdf"), path, QStringLiteral("-o"), out});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll() == pdf);

    // Not an encapsulated document: one line on stderr, exit 1, no output file.
    const QString ct = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/CT_small.dcm");
    if (QFile::exists(ct)) {
        const QString none = m_dir.filePath(QStringLiteral("none.pdf"));
        process.start(QStringLiteral(RENKEI_DICOM_EXECUTABLE),
                      {QStringLiteral("pdf"), ct, QStringLiteral("-o"), none});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(process.readAllStandardError().count('\n'), 1);
        QVERIFY(!QFile::exists(none));
    }
}

void TestDicomPdf::notAnEncapsulatedDocument()
{
    const QString ct = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/CT_small.dcm");
    if (!QFile::exists(ct))
        QSKIP("../shared/fixtures/dicom is absent");
    const auto file = Dicom::DicomFile::open(ct);
    QVERIFY(file.ok());
    QVERIFY(!Dicom::isEncapsulatedPdf(*file));
    const auto document = Dicom::readEncapsulatedDocument(*file);
    QVERIFY(!document.ok());
    QVERIFY(document.error().contains(QStringLiteral("Encapsulated Document")));
}

QTEST_MAIN(TestDicomPdf)
#include "tst_dicom_pdf.moc"
