// DicomWebClient against a real Orthanc with its DICOMweb plugin, started by the test on
// loopback: QIDO values vs the fixtures' pydicom references (golden/*.json), retrieved bytes
// vs the files uploaded, cancellation, a server killed mid-transfer, and a retry that
// completes after Orthanc comes back. Plus the multipart parser on hand-made streams.

#include "dicomwebclient.h"
#include "multipartparser.h"
#include "orthancprocess.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Dicom::DicomWebClient;
using Dicom::DicomWebPart;
using Dicom::DicomWebReply;

namespace {

constexpr int kSeriesSize = 48; // 48 x 512 KiB: more than loopback socket buffers hold
const QString kStudyUid = QStringLiteral("1.2.826.0.1.3680043.8.498.77.1");
const QString kSeriesUid = QStringLiteral("1.2.826.0.1.3680043.8.498.77.2");

QJsonObject golden(const QString &fixture)
{
    QFile f(QStringLiteral(RENKEI_DICOM_GOLDEN_DIR "/%1.json").arg(fixture));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One CT slice of a generated series, 512x512 16-bit noise, written with DCMTK.
QString writeSlice(const QString &dir, int index)
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    const QByteArray sop = QStringLiteral("1.2.826.0.1.3680043.8.498.77.3.%1").arg(index + 1).toLatin1();
    ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, sop.constData());
    ds->putAndInsertString(DCM_StudyInstanceUID, kStudyUid.toLatin1().constData());
    ds->putAndInsertString(DCM_SeriesInstanceUID, kSeriesUid.toLatin1().constData());
    ds->putAndInsertString(DCM_PatientID, "WEB-1");
    ds->putAndInsertString(DCM_PatientName, "Web^Series");
    ds->putAndInsertString(DCM_Modality, "CT");
    ds->putAndInsertString(DCM_InstanceNumber, QByteArray::number(index + 1).constData());
    ds->putAndInsertUint16(DCM_Rows, 512);
    ds->putAndInsertUint16(DCM_Columns, 512);
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 16);
    ds->putAndInsertUint16(DCM_HighBit, 15);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    std::vector<Uint16> pixels(512 * 512);
    QRandomGenerator rng(quint32(index + 1));
    for (Uint16 &p : pixels)
        p = Uint16(rng.bounded(4096));
    ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), unsigned(pixels.size()));
    const QString path = QStringLiteral("%1/slice%2.dcm").arg(dir).arg(index + 1, 3, 10, QChar(u'0'));
    if (file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).bad())
        return {};
    return path;
}

// Collects what a reply hands out; optionally acts on the first part.
struct Collector
{
    QMap<QString, QByteArray> instances;
    QList<DicomWebPart> parts;
    int finishedCount = 0;
    int partsAfterFinish = 0;
};

void collect(DicomWebReply *reply, Collector &c)
{
    QObject::connect(reply, &DicomWebReply::partReceived, reply, [&c, reply](const DicomWebPart &p) {
        if (reply->isFinished())
            ++c.partsAfterFinish;
        c.parts << p;
        c.instances.insert(p.sopInstanceUid, p.body);
    });
    QObject::connect(reply, &DicomWebReply::finished, reply, [&c] { ++c.finishedCount; });
}

bool waitFinished(DicomWebReply *reply, int timeoutMs = 120'000)
{
    return QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs);
}

} // namespace

class TestDicomWebClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void multipart_data();
    void multipart();
    void contentTypeParameters();

    void searchStudies();
    void searchSeriesAndInstances();
    void metadata();
    void retrieveInstanceBytes();
    void retrieveSeriesStreams();
    void retrieveFrame();
    void httpErrorIsAValue();
    void cancelStops();
    void killedServerGivesError();
    void retryAfterRestartCompletes();

private:
    DicomWebClient *client(int maxRetries = 4, int backoffMs = 200);
    QString fixture(const char *name) const
    {
        return QStringLiteral(RENKEI_FIXTURES_DIR "/dicom/") + QLatin1String(name);
    }

    OrthancProcess m_orthanc;
    QTemporaryDir m_seriesDir;
    QMap<QString, QString> m_seriesFiles; // SOP Instance UID -> file
    QList<DicomWebClient *> m_clients;
};

DicomWebClient *TestDicomWebClient::client(int maxRetries, int backoffMs)
{
    Dicom::DicomWebSettings settings;
    settings.baseUrl = m_orthanc.dicomWebUrl();
    settings.maxRetries = maxRetries;
    settings.initialBackoffMs = backoffMs;
    settings.readBufferSize = 256 * 1024;
    auto *c = new DicomWebClient(settings);
    m_clients << c;
    return c;
}

void TestDicomWebClient::initTestCase()
{
    if (!OrthancProcess::isAvailable())
        QSKIP("Orthanc with the DICOMweb plugin is not installed (apt install orthanc-dicomweb)");
    if (!QFileInfo::exists(fixture("CT_small.dcm")))
        QSKIP("DICOM fixtures not found (../shared/fixtures/dicom)");
    const QString error = m_orthanc.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const char *name : {"CT_small.dcm", "MR_small.dcm"}) {
        const QString upload = m_orthanc.upload(fixture(name));
        QVERIFY2(upload.isEmpty(), qPrintable(upload));
    }
    for (int i = 0; i < kSeriesSize; ++i) {
        const QString path = writeSlice(m_seriesDir.path(), i);
        QVERIFY(!path.isEmpty());
        m_seriesFiles.insert(QStringLiteral("1.2.826.0.1.3680043.8.498.77.3.%1").arg(i + 1), path);
        const QString upload = m_orthanc.upload(path);
        QVERIFY2(upload.isEmpty(), qPrintable(upload));
    }
}

void TestDicomWebClient::cleanupTestCase()
{
    qDeleteAll(m_clients);
    m_orthanc.stop();
}

void TestDicomWebClient::multipart_data()
{
    QTest::addColumn<int>("chunk");
    QTest::newRow("whole") << 100000;
    QTest::newRow("byte by byte") << 1;
    QTest::newRow("7 bytes") << 7;
    QTest::newRow("boundary-sized") << 13;
}

void TestDicomWebClient::multipart()
{
    // RFC 2046 layout: preamble, parts with headers (one without), CRLF before each
    // delimiter, close delimiter, epilogue. Bodies hold CRLF and a near-boundary "--bound".
    QFETCH(int, chunk);
    const QByteArray stream =
        "preamble\r\n"
        "--b0und\r\nContent-Type: application/dicom\r\nX-A:  1 \r\n\r\nfirst\r\n--bound\r\n"
        "--b0und\r\n\r\n\r\nsecond\r\n"
        "--b0und\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--b0un\r\n"
        "--b0und--\r\nepilogue";
    QList<Dicom::MultipartPart> parts;
    Dicom::MultipartParser parser("b0und", [&](Dicom::MultipartPart &&p) { parts << p; });
    for (qsizetype i = 0; i < stream.size(); i += chunk)
        QVERIFY2(parser.feed(stream.mid(i, chunk)), qPrintable(parser.error()));
    QVERIFY(parser.isComplete());
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts[0].header("content-type"), QByteArray("application/dicom"));
    QCOMPARE(parts[0].header("x-a"), QByteArray("1"));
    QCOMPARE(parts[0].body, QByteArray("first\r\n--bound"));
    QVERIFY(parts[1].headers.isEmpty());
    QCOMPARE(parts[1].body, QByteArray("\r\nsecond"));
    QCOMPARE(parts[2].body, QByteArray("\r\n--b0un"));

    // Cut short: no close delimiter, so not complete; the finished parts were handed out.
    parts.clear();
    Dicom::MultipartParser cut("b0und", [&](Dicom::MultipartPart &&p) { parts << p; });
    QVERIFY(cut.feed(stream.left(stream.indexOf("second"))));
    QVERIFY(!cut.isComplete());
    QCOMPARE(parts.size(), 1);
}

void TestDicomWebClient::contentTypeParameters()
{
    const QByteArray ct = "multipart/related; type=\"application/octet-stream; "
                          "transfer-syntax=1.2.840.10008.1.2.1\"; boundary=abc-123";
    QCOMPARE(Dicom::mediaType(ct), QByteArray("multipart/related"));
    QCOMPARE(*Dicom::contentTypeParameter(ct, "boundary"), QByteArray("abc-123"));
    QCOMPARE(*Dicom::contentTypeParameter(ct, "type"),
             QByteArray("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1"));
    QVERIFY(!Dicom::contentTypeParameter(ct, "start"));
}

void TestDicomWebClient::searchStudies()
{
    const QJsonObject ct = golden(QStringLiteral("CT_small.dcm"))[u"info"].toObject();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("PatientID"), ct[u"patientId"].toString());
    DicomWebReply *reply = client()->searchStudies(query);
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
    const auto studies = Dicom::DicomWebJson::studies(reply->json());
    QCOMPARE(studies.size(), 1);
    QCOMPARE(studies[0].studyInstanceUid, ct[u"studyInstanceUid"].toString());
    QCOMPARE(studies[0].patientName, ct[u"patientName"].toString());
    QCOMPARE(studies[0].patientId, ct[u"patientId"].toString());
    QCOMPARE(studies[0].modalitiesInStudy, QStringList{ct[u"modality"].toString()});
    QCOMPARE(studies[0].numberOfInstances, 1);
    reply->deleteLater();

    // All three studies, and none for an unknown patient.
    DicomWebReply *all = client()->searchStudies();
    QVERIFY(waitFinished(all));
    QVERIFY2(all->ok(), qPrintable(all->errorString()));
    QCOMPARE(Dicom::DicomWebJson::studies(all->json()).size(), 3);
    QUrlQuery none;
    none.addQueryItem(QStringLiteral("PatientID"), QStringLiteral("NOBODY"));
    DicomWebReply *empty = client()->searchStudies(none);
    QVERIFY(waitFinished(empty));
    QVERIFY2(empty->ok(), qPrintable(empty->errorString()));
    QVERIFY(empty->json().isEmpty());
}

void TestDicomWebClient::searchSeriesAndInstances()
{
    const QJsonObject mr = golden(QStringLiteral("MR_small.dcm"))[u"info"].toObject();
    DicomWebReply *series = client()->searchSeries(mr[u"studyInstanceUid"].toString());
    QVERIFY(waitFinished(series));
    QVERIFY2(series->ok(), qPrintable(series->errorString()));
    const auto list = Dicom::DicomWebJson::series(series->json());
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].seriesInstanceUid, mr[u"seriesInstanceUid"].toString());
    QCOMPARE(list[0].modality, mr[u"modality"].toString());

    DicomWebReply *instances = client()->searchInstances(mr[u"studyInstanceUid"].toString(),
                                                         mr[u"seriesInstanceUid"].toString());
    QVERIFY(waitFinished(instances));
    QVERIFY2(instances->ok(), qPrintable(instances->errorString()));
    const auto found = Dicom::DicomWebJson::instances(instances->json());
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].sopInstanceUid, mr[u"sopInstanceUid"].toString());

    DicomWebReply *generated = client()->searchInstances(kStudyUid, kSeriesUid);
    QVERIFY(waitFinished(generated));
    QVERIFY2(generated->ok(), qPrintable(generated->errorString()));
    QCOMPARE(Dicom::DicomWebJson::instances(generated->json()).size(), kSeriesSize);
}

void TestDicomWebClient::metadata()
{
    const QJsonObject ct = golden(QStringLiteral("CT_small.dcm"))[u"info"].toObject();
    DicomWebReply *reply = client()->retrieveMetadata(ct[u"studyInstanceUid"].toString());
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
    QCOMPARE(reply->json().size(), 1);
    const QJsonObject ds = reply->json().first().toObject();
    QCOMPARE(Dicom::DicomWebJson::text(ds, 0x00080018), ct[u"sopInstanceUid"].toString());
    QCOMPARE(Dicom::DicomWebJson::integer(ds, 0x00280010), ct[u"rows"].toInt());
    QCOMPARE(Dicom::DicomWebJson::integer(ds, 0x00280011), ct[u"columns"].toInt());
    QCOMPARE(Dicom::DicomWebJson::integer(ds, 0x00280100), ct[u"bitsAllocated"].toInt());
}

void TestDicomWebClient::retrieveInstanceBytes()
{
    const QJsonObject ct = golden(QStringLiteral("CT_small.dcm"))[u"info"].toObject();
    Collector c;
    DicomWebReply *reply = client()->retrieveInstance(ct[u"studyInstanceUid"].toString(),
                                                      ct[u"seriesInstanceUid"].toString(),
                                                      ct[u"sopInstanceUid"].toString());
    collect(reply, c);
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
    QCOMPARE(c.parts.size(), 1);
    QCOMPARE(c.parts[0].sopInstanceUid, ct[u"sopInstanceUid"].toString());
    QCOMPARE(c.parts[0].contentType, QByteArray("application/dicom"));
    QVERIFY(c.parts[0].body == readFile(fixture("CT_small.dcm")));
    QCOMPARE(c.finishedCount, 1);
}

void TestDicomWebClient::retrieveSeriesStreams()
{
    Collector c;
    DicomWebReply *reply = client()->retrieveInstances(kStudyUid, kSeriesUid);
    collect(reply, c);
    QSignalSpy progress(reply, &DicomWebReply::progress);
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
    QCOMPARE(c.instances.size(), kSeriesSize);
    for (auto it = m_seriesFiles.cbegin(); it != m_seriesFiles.cend(); ++it)
        QVERIFY2(c.instances.value(it.key()) == readFile(it.value()), qPrintable(it.key()));
    // Streamed: progress came many times, and parts before the end.
    QVERIFY(progress.size() > kSeriesSize);
    QCOMPARE(progress.last().at(2).toInt(), kSeriesSize);
    QCOMPARE(reply->requestCount(), 1);
}

void TestDicomWebClient::retrieveFrame()
{
    const QJsonObject ct = golden(QStringLiteral("CT_small.dcm"));
    const QJsonObject info = ct[u"info"].toObject();
    Collector c;
    DicomWebReply *reply = client()->retrieveFrames(info[u"studyInstanceUid"].toString(),
                                                    info[u"seriesInstanceUid"].toString(),
                                                    info[u"sopInstanceUid"].toString(), {1});
    collect(reply, c);
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
    QCOMPARE(c.parts.size(), 1);
    QCOMPARE(c.parts[0].frameNumber, 1);
    // The frame's bytes hash like pydicom's samples (16-bit little endian).
    QCOMPARE(QCryptographicHash::hash(c.parts[0].body, QCryptographicHash::Sha256).toHex(),
             ct[u"frames"].toArray().first()[u"sha256"].toString().toLatin1());
}

void TestDicomWebClient::httpErrorIsAValue()
{
    DicomWebReply *reply = client()->retrieveInstance(kStudyUid, kSeriesUid,
                                                      QStringLiteral("1.2.3.4.404"));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->errorKind(), DicomWebReply::ErrorKind::Http);
    QCOMPARE(reply->httpStatus(), 404);
    QVERIFY(reply->errorString().contains(u"404"));
    QCOMPARE(reply->requestCount(), 1); // 404 is an answer, not retried
}

void TestDicomWebClient::cancelStops()
{
    Collector c;
    DicomWebReply *reply = client()->retrieveInstances(kStudyUid, kSeriesUid);
    collect(reply, c);
    connect(reply, &DicomWebReply::partReceived, reply, [reply] { reply->cancel(); });
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->errorKind(), DicomWebReply::ErrorKind::Cancelled);
    QVERIFY(!reply->errorString().isEmpty());
    QTest::qWait(300); // nothing may trickle in afterwards
    QCOMPARE(c.parts.size(), 1);
    QCOMPARE(c.partsAfterFinish, 0);
    QCOMPARE(c.finishedCount, 1);
    reply->cancel(); // again: no effect
    QCOMPARE(c.finishedCount, 1);
}

void TestDicomWebClient::killedServerGivesError()
{
    Collector c;
    DicomWebReply *reply = client(2, 100)->retrieveInstances(kStudyUid, kSeriesUid);
    collect(reply, c);
    connect(reply, &DicomWebReply::partReceived, reply, [this] { m_orthanc.kill(); });
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->errorKind(), DicomWebReply::ErrorKind::Network);
    QVERIFY(!reply->errorString().isEmpty());
    QVERIFY(c.parts.size() >= 1);
    QVERIFY2(c.parts.size() < kSeriesSize, "the whole series arrived before the kill");
    qInfo("%lld of %d instances arrived before the error", qlonglong(c.parts.size()), kSeriesSize);
    QCOMPARE(c.finishedCount, 1);
    // What did arrive is intact.
    for (auto it = c.instances.cbegin(); it != c.instances.cend(); ++it)
        QVERIFY(it.value() == readFile(m_seriesFiles.value(it.key())));
    const QString error = m_orthanc.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDicomWebClient::retryAfterRestartCompletes()
{
    Collector c;
    DicomWebReply *reply = client(6, 200)->retrieveInstances(kStudyUid, kSeriesUid);
    collect(reply, c);
    QSignalSpy retrying(reply, &DicomWebReply::retrying);
    bool restarted = false;
    connect(reply, &DicomWebReply::partReceived, reply, [this, &restarted] {
        if (restarted)
            return;
        restarted = true;
        m_orthanc.kill();
        const QString error = m_orthanc.start(); // blocks ~1 s: the client must wait it out
        QVERIFY2(error.isEmpty(), qPrintable(error));
    });
    QVERIFY(waitFinished(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->errorString()));
    QVERIFY(retrying.size() >= 1);
    QVERIFY(reply->requestCount() > 1);
    qInfo("completed after %d retries in %d requests", int(retrying.size()), reply->requestCount());
    QCOMPARE(c.parts.size(), kSeriesSize); // nothing twice
    QCOMPARE(c.instances.size(), kSeriesSize);
    for (auto it = m_seriesFiles.cbegin(); it != m_seriesFiles.cend(); ++it)
        QVERIFY2(c.instances.value(it.key()) == readFile(it.value()), qPrintable(it.key()));
}

QTEST_GUILESS_MAIN(TestDicomWebClient)
#include "tst_dicomwebclient.moc"
