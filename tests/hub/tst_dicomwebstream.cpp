// WADO-RS retrieve of stored instances streams: a series much larger than the hub's send
// buffer (2 MiB high-water mark, 256 KiB reads) arrives whole, byte-identical to the files on
// disk and in Instance Number order, and while the client reads slowly the hub holds only a
// bounded part of it in memory. The files are written by pydicom (python3-pydicom), so the
// expected bytes and order come from the files themselves, not from the hub.
#include "dicomwebtestsupport.h"
#include "hubclient.h"
#include "hubprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

const QString kPassword = QStringLiteral("renkei-demo-2026");
const QString kStudy = QStringLiteral("1.2.826.0.1.3680043.8.498.4242.1");
const QString kSeries = QStringLiteral("1.2.826.0.1.3680043.8.498.4242.1.1");
constexpr int kInstances = 20;
// 1024 x 1024 x 16 bit: 2 MiB of pixels per file, 40 MiB in all, 20 times the high-water mark.
const char *const kMakeSeries = R"(
import sys, random
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian
out, n, study, series = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rng = random.Random(5)
for i in range(n):
    number = n - i  # file names run against Instance Number: the order must come from the number
    sop = series + '.' + str(100 + i)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.2'
    meta.MediaStorageSOPInstanceUID = sop
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = sop
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.PatientID = 'STREAM-1'
    ds.PatientName = 'Stream^Test'
    ds.Modality = 'CT'
    ds.StudyDate = '20260101'
    ds.InstanceNumber = number
    ds.Rows = 1024
    ds.Columns = 1024
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = 'MONOCHROME2'
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 0
    ds.PixelData = rng.randbytes(1024 * 1024 * 2)
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.save_as('%s/f%02d.dcm' % (out, i), write_like_original=False)
    print(number, '%s/f%02d.dcm' % (out, i))
)";

// VmRSS of a process in KiB, -1 if unknown.
qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

// The `renkei-hub serve` serving @p dataDir (its folder is unique to this test).
qint64 servePid(const QString &dataDir)
{
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> args = cmdline.readAll().split('\0');
        if (args.contains("serve") && args.contains(dataDir.toUtf8()))
            return pid;
    }
    return -1;
}

} // namespace

class tst_DicomWebStream : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void seriesIsByteIdenticalInInstanceNumberOrder();
    void hubMemoryStaysBoundedForASlowClient();

private:
    QNetworkRequest request(const QString &path) const;

    HubProcess m_hub;
    QTemporaryDir m_files;
    QNetworkAccessManager m_network;
    QString m_token;
    QList<QString> m_inOrder; ///< the files by Instance Number
};

void tst_DicomWebStream::initTestCase()
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromUtf8(kMakeSeries), m_files.path(),
                                                      QString::number(kInstances), kStudy, kSeries});
    QVERIFY2(python.waitForFinished(120'000) && python.exitCode() == 0,
             qPrintable(QStringLiteral("pydicom (python3-pydicom) must write the series: ")
                        + QString::fromUtf8(python.readAllStandardError())));
    QMap<int, QString> byNumber;
    for (const QByteArray &line : python.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split(' ');
        if (fields.size() == 2)
            byNumber.insert(fields.at(0).toInt(), QString::fromUtf8(fields.at(1)));
    }
    QCOMPARE(byNumber.size(), kInstances);
    m_inOrder = byNumber.values();

    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));
    QString error;
    m_hub.run({QStringLiteral("import-dicom"), QStringLiteral("--facility"), QStringLiteral("hosp-shinshu"), m_files.path()}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QString patient;
    for (const QJsonValue &p : m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error))
        for (const QJsonValue &i : p.toObject().value(QStringLiteral("identifiers")).toArray())
            if (i.toObject().value(QStringLiteral("value")).toString() == QLatin1String("STREAM-1"))
                patient = p.toObject().value(QStringLiteral("id")).toString();
    QVERIFY2(!patient.isEmpty(), "import-dicom made no patient for STREAM-1");
    m_hub.run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), patient,
               QStringLiteral("--facility"), QStringLiteral("clinic-azumino")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    m_token = hubLogin(m_network, m_hub, QStringLiteral("demo-doctor"), kPassword);
    QVERIFY(!m_token.isEmpty());
}

void tst_DicomWebStream::cleanupTestCase()
{
    m_hub.stop();
}

QNetworkRequest tst_DicomWebStream::request(const QString &path) const
{
    QNetworkRequest request(m_hub.baseUrl().resolved(QUrl(path)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    request.setSslConfiguration(tls);
    request.setTransferTimeout(60'000);
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    request.setRawHeader("Accept", "multipart/related; type=\"application/dicom\"");
    return request;
}

void tst_DicomWebStream::seriesIsByteIdenticalInInstanceNumberOrder()
{
    const DicomWebReply reply = dicomWebGet(m_network, request(QStringLiteral("dicomweb/studies/%1/series/%2").arg(kStudy, kSeries)));
    QCOMPARE(reply.status, 200);
    const QList<QByteArray> parts = multipartBodies(reply);
    QCOMPARE(parts.size(), kInstances);
    for (int i = 0; i < kInstances; ++i) {
        QFile file(m_inOrder.at(i));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray expected = file.readAll();
        QVERIFY2(expected.size() > 2 * 1024 * 1024, "each file is larger than the pump's buffer");
        QVERIFY2(parts.at(i) == expected, qPrintable(QStringLiteral("part %1 differs from %2").arg(i).arg(m_inOrder.at(i))));
    }
    // One instance, and the whole study, the same way.
    const QString sop = QStringLiteral("%1.%2").arg(kSeries).arg(100 + kInstances - 1); // Instance Number 1
    const QList<QByteArray> one = multipartBodies(dicomWebGet(
        m_network, request(QStringLiteral("dicomweb/studies/%1/series/%2/instances/%3").arg(kStudy, kSeries, sop))));
    QCOMPARE(one.size(), 1);
    QVERIFY(one.first() == parts.first());
    QCOMPARE(multipartBodies(dicomWebGet(m_network, request(QStringLiteral("dicomweb/studies/") + kStudy))).size(), kInstances);
    QCOMPARE(dicomWebGet(m_network, request(QStringLiteral("dicomweb/studies/%1/series/1.2.3.4").arg(kStudy))).status, 404);
}

void tst_DicomWebStream::hubMemoryStaysBoundedForASlowClient()
{
    const qint64 pid = servePid(m_hub.dataDir());
    if (pid < 0 || rssKiB(pid) < 0)
        QSKIP("the hub's /proc/PID/status is not readable here");
    const qint64 before = rssKiB(pid);
    const qint64 studyKiB = kInstances * 2 * 1024;

    // A client that takes only 64 KiB and then stops reading for a second: TCP fills up, and
    // a hub that kept writing into its own buffers would now hold most of the 40 MiB series
    // (the hub before the fix: all of it). Allocator churn and the socket buffers stay well
    // under 40% of it.
    QNetworkReply *reply = m_network.get(request(QStringLiteral("dicomweb/studies/%1/series/%2").arg(kStudy, kSeries)));
    reply->setReadBufferSize(64 * 1024);
    QElapsedTimer sinceFirstByte;
    QEventLoop loop;
    connect(reply, &QIODevice::readyRead, &loop, [&] {
        if (!sinceFirstByte.isValid())
            sinceFirstByte.start();
        loop.quit();
    });
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY2(sinceFirstByte.isValid(), "no bytes arrived");
    QVERIFY(!reply->isFinished());
    QTest::qWait(1000); // not reading
    const qint64 stalled = rssKiB(pid);
    qInfo("hub RSS grew by %lld KiB while the client did not read", stalled - before);
    QVERIFY2(stalled - before < studyKiB * 2 / 5,
             qPrintable(QStringLiteral("the hub grew by %1 KiB while the client did not read (series: %2 KiB)")
                            .arg(stalled - before).arg(studyKiB)));

    // Then read the rest: all of it arrives.
    reply->setReadBufferSize(0);
    qint64 received = reply->readAll().size();
    connect(reply, &QIODevice::readyRead, &loop, [&] { received += reply->readAll().size(); });
    if (!reply->isFinished()) {
        QEventLoop done;
        connect(reply, &QNetworkReply::finished, &done, &QEventLoop::quit);
        QTimer::singleShot(60'000, &done, &QEventLoop::quit);
        done.exec();
    }
    received += reply->readAll().size();
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QVERIFY2(received > studyKiB * 1024, qPrintable(QString::number(received)));
    reply->deleteLater();
}

QTEST_MAIN(tst_DicomWebStream)
#include "tst_dicomwebstream.moc"
