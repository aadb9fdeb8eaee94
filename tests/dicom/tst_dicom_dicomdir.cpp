// DICOMDIR reading on a file-set the test builds with DCMTK's dcmmkdir over copies of the
// fixtures; expected patients/records are the fixtures' own attributes (dcmdump):
//   CT_small.dcm PatientID 1CT1 (CT), MR_small.dcm 4MR1 (MR), rtdose.dcm id11111 (RTDOSE),
//   waveform_ecg.dcm 642341 (ECG, a WAVEFORM record).
// The folders and files are then renamed to lower case (and one given an ISO 9660 ";1"
// suffix), as a disc mounted on Linux shows them, and one file is removed.

#include "dicomdir.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/") + name;
}

QByteArray sha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestDicomDir : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsTheFileSet();
    void resolvesCaseInsensitively();
    void reportsMissingFiles();
    void neverWritesTheDicomDir();
    void rejectsWhatIsNotADicomDir();
    void refusesEscapingFileIds();

private:
    QTemporaryDir m_dir;
    QString m_dicomDir;
};

void TestDicomDir::initTestCase()
{
    if (!QFile::exists(fixture(QStringLiteral("CT_small.dcm"))))
        QSKIP("../shared/fixtures/dicom is absent");
    const QString dcmmkdir = QStandardPaths::findExecutable(QStringLiteral("dcmmkdir"));
    if (dcmmkdir.isEmpty())
        QSKIP("DCMTK's dcmmkdir is not installed (Debian package dcmtk)");
    QVERIFY(m_dir.isValid());
    QDir root(m_dir.path());
    QVERIFY(root.mkpath(QStringLiteral("DICOM/ST1")));
    const struct { const char *from; const char *to; } copies[] = {
        {"CT_small.dcm", "DICOM/ST1/CT1"},
        {"MR_small.dcm", "DICOM/ST1/MR1"},
        {"rtdose.dcm", "DICOM/ST1/RT1"},
        {"waveform_ecg.dcm", "DICOM/ECG1"},
    };
    for (const auto &c : copies)
        QVERIFY(QFile::copy(fixture(QString::fromLatin1(c.from)), root.filePath(QString::fromLatin1(c.to))));

    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    // +I invents the type 1 attributes the small test files lack; -N… accept their encodings.
    process.start(dcmmkdir, {QStringLiteral("-q"), QStringLiteral("+r"), QStringLiteral("+I"),
                             QStringLiteral("-Nxc"), QStringLiteral("-Nec"), QStringLiteral("-Nrc"),
                             QStringLiteral("DICOM")});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    m_dicomDir = root.filePath(QStringLiteral("DICOMDIR"));
    QVERIFY(QFile::exists(m_dicomDir));

    // As a disc mounted in lower case shows it, with one ISO 9660 version suffix left over.
    QVERIFY(root.rename(QStringLiteral("DICOM"), QStringLiteral("dicom")));
    QVERIFY(root.rename(QStringLiteral("dicom/ST1"), QStringLiteral("dicom/st1")));
    QVERIFY(root.rename(QStringLiteral("dicom/st1/CT1"), QStringLiteral("dicom/st1/ct1")));
    QVERIFY(root.rename(QStringLiteral("dicom/ECG1"), QStringLiteral("dicom/ECG1;1")));
    QVERIFY(root.remove(QStringLiteral("dicom/st1/RT1")));
}

void TestDicomDir::readsTheFileSet()
{
    const auto dir = Dicom::readDicomDir(m_dicomDir);
    QVERIFY2(dir.ok(), qPrintable(dir.error()));
    QCOMPARE(dir->patientCount, 4);
    QCOMPARE(dir->studyCount, 4);
    QCOMPARE(dir->seriesCount, 4);
    QCOMPARE(dir->entries.size(), 4);

    QHash<QString, Dicom::DicomDirEntry> byPatient;
    for (const Dicom::DicomDirEntry &entry : dir->entries)
        byPatient.insert(entry.patientId, entry);
    QCOMPARE(byPatient.keys().size(), 4);
    QCOMPARE(byPatient[QStringLiteral("1CT1")].recordType, QStringLiteral("IMAGE"));
    QCOMPARE(byPatient[QStringLiteral("1CT1")].modality, QStringLiteral("CT"));
    QCOMPARE(byPatient[QStringLiteral("1CT1")].fileId,
             (QStringList{QStringLiteral("DICOM"), QStringLiteral("ST1"), QStringLiteral("CT1")}));
    QCOMPARE(byPatient[QStringLiteral("1CT1")].studyInstanceUid,
             QStringLiteral("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"));
    QCOMPARE(byPatient[QStringLiteral("4MR1")].modality, QStringLiteral("MR"));
    QCOMPARE(byPatient[QStringLiteral("id11111")].recordType, QStringLiteral("RT DOSE"));
    QCOMPARE(byPatient[QStringLiteral("642341")].recordType, QStringLiteral("WAVEFORM"));
    QCOMPARE(byPatient[QStringLiteral("642341")].modality, QStringLiteral("ECG"));
    QCOMPARE(byPatient[QStringLiteral("642341")].patientName, QStringLiteral("Anonymous"));
    QCOMPARE(byPatient[QStringLiteral("642341")].fileId,
             (QStringList{QStringLiteral("DICOM"), QStringLiteral("ECG1")}));
}

void TestDicomDir::resolvesCaseInsensitively()
{
    const auto dir = Dicom::readDicomDir(m_dicomDir);
    QVERIFY(dir.ok());
    const QDir root(m_dir.path());
    QStringList expected{root.filePath(QStringLiteral("dicom/st1/ct1")),
                         root.filePath(QStringLiteral("dicom/st1/MR1")),
                         root.filePath(QStringLiteral("dicom/ECG1;1"))};
    QStringList files = dir->files();
    files.sort();
    expected.sort();
    QCOMPARE(files, expected);
    // Every resolved file is the fixture it was copied from.
    for (const Dicom::DicomDirEntry &entry : dir->entries) {
        if (entry.patientId == u"1CT1")
            QCOMPARE(sha256(entry.path), sha256(fixture(QStringLiteral("CT_small.dcm"))));
        if (entry.patientId == u"642341")
            QCOMPARE(sha256(entry.path), sha256(fixture(QStringLiteral("waveform_ecg.dcm"))));
    }
    QCOMPARE(Dicom::resolveFileId(m_dir.path(), {QStringLiteral("DiCoM"), QStringLiteral("St1"),
                                                 QStringLiteral("Mr1")}),
             root.filePath(QStringLiteral("dicom/st1/MR1")));
}

void TestDicomDir::reportsMissingFiles()
{
    const auto dir = Dicom::readDicomDir(m_dicomDir);
    QVERIFY(dir.ok());
    QCOMPARE(dir->missingFiles(), QStringList{QStringLiteral("DICOM/ST1/RT1")});
}

void TestDicomDir::neverWritesTheDicomDir()
{
    const QByteArray before = sha256(m_dicomDir);
    const QDateTime modified = QFileInfo(m_dicomDir).lastModified();
    for (int i = 0; i < 2; ++i)
        QVERIFY(Dicom::readDicomDir(m_dicomDir).ok());
    QCOMPARE(sha256(m_dicomDir), before);
    QCOMPARE(QFileInfo(m_dicomDir).lastModified(), modified);
    QVERIFY(Dicom::isDicomDirName(m_dicomDir));
    QVERIFY(Dicom::isDicomDirName(QStringLiteral("/media/cdrom/dicomdir;1")));
    QVERIFY(!Dicom::isDicomDirName(fixture(QStringLiteral("CT_small.dcm"))));
}

void TestDicomDir::rejectsWhatIsNotADicomDir()
{
    QVERIFY(!Dicom::readDicomDir(m_dir.filePath(QStringLiteral("nothing/DICOMDIR"))).ok());
    const auto image = Dicom::readDicomDir(fixture(QStringLiteral("CT_small.dcm")));
    QVERIFY(!image.ok());
    QVERIFY2(image.error().contains(QStringLiteral("Directory Record Sequence")),
             qPrintable(image.error()));
    const QString garbage = m_dir.filePath(QStringLiteral("GARBAGE"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2000, 'x'));
    file.close();
    const QByteArray before = sha256(garbage);
    QVERIFY(!Dicom::readDicomDir(garbage).ok());
    QCOMPARE(sha256(garbage), before);
}

void TestDicomDir::refusesEscapingFileIds()
{
    QVERIFY(Dicom::resolveFileId(m_dir.path() + QStringLiteral("/dicom"),
                                 {QStringLiteral(".."), QStringLiteral("DICOMDIR")})
                .isEmpty());
    QVERIFY(Dicom::resolveFileId(m_dir.path(), {QStringLiteral("/etc"), QStringLiteral("passwd")})
                .isEmpty());
    QVERIFY(Dicom::resolveFileId(m_dir.path(), {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestDicomDir)
#include "tst_dicom_dicomdir.moc"
