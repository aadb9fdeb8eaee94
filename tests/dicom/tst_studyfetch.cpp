// Dicom::StudyFetch against the real renkei-hub over TLS: a fixture study and the demo
// network's CT arrive complete with the values pydicom (Debian's python3-pydicom) reads from
// the files that were imported; the hub process stopped mid-transfer gives failed() with the
// images that had arrived kept, and retry() against the hub started again fetches only the
// rest, one instance at a time.
#include "dicomwebclient.h"
#include "hubprocess.h"
#include "studyfetch.h"
#include "studyfetchsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace {

const QString kPassword = QStringLiteral("renkei-demo-2026");
const QString kClinic = QStringLiteral("clinic-azumino");
const QString kShinshu = QStringLiteral("hosp-shinshu");
const QString kFixtures = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom");

} // namespace

using namespace StudyFetchTest;

class tst_StudyFetch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fixtureStudyArrivesIntact();
    void demoCtArrivesWithTheFirstImageEarly();
    void droppedConnectionKeepsWhatArrivedAndRetryCompletes();
    void cancelStopsWithoutSignals();

private:
    Dicom::DicomWebSettings settings(quint16 port) const;
    void compareWithReference(const QList<Dicom::Series> &series, const QJsonArray &reference);
    QString startSecondHub();

    HubProcess m_hub;
    QProcess m_secondHub;
    quint16 m_secondPort = 0;
    QByteArray m_token;
    QJsonObject m_ctSmall;  ///< pydicom: CT_small.dcm
    QJsonArray m_demoCt;    ///< pydicom: the demo's CT of p00001, one object per slice
};

void tst_StudyFetch::initTestCase()
{
    if (!QFile::exists(kFixtures + QStringLiteral("/CT_small.dcm")))
        QSKIP("../shared/fixtures/dicom is not available");
    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));

    // The demo's own CT, as written to DIR/demo-dicom/<hospital>/p00001/ and imported.
    const QStringList ctFiles = m_hub.demoDicomFiles(QStringLiteral("p00001"), QStringLiteral("CT*.dcm"));
    QCOMPARE(ctFiles.size(), 24);
    m_demoCt = pydicom(ctFiles);
    const QJsonArray small = pydicom({kFixtures + QStringLiteral("/CT_small.dcm")});
    QVERIFY2(m_demoCt.size() == 24 && small.size() == 1, "pydicom (python3-pydicom) must read the files");
    m_ctSmall = small.first().toObject();

    QString error;
    m_hub.run({QStringLiteral("import-dicom"), QStringLiteral("--facility"), kShinshu, kFixtures + QStringLiteral("/CT_small.dcm")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QString patient;
    const QJsonArray patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    for (const QJsonValue &p : patients)
        for (const QJsonValue &i : p.toObject().value(QStringLiteral("identifiers")).toArray())
            if (i.toObject().value(QStringLiteral("facility")).toString() == kShinshu
                && i.toObject().value(QStringLiteral("value")).toString() == m_ctSmall.value(QStringLiteral("PatientID")).toString())
                patient = p.toObject().value(QStringLiteral("id")).toString();
    QVERIFY(!patient.isEmpty());
    m_hub.run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), patient,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    QNetworkAccessManager network;
    QNetworkRequest request(m_hub.baseUrl().resolved(QUrl(QStringLiteral("auth/login"))));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(request, QJsonDocument(QJsonObject{{QStringLiteral("id"), QStringLiteral("demo-doctor")},
                                                                          {QStringLiteral("password"), kPassword}}).toJson());
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    m_token = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("access_token")).toString().toLatin1();
    reply->deleteLater();
    QVERIFY(!m_token.isEmpty());
}

void tst_StudyFetch::cleanupTestCase()
{
    m_hub.stop();
    if (m_secondHub.state() != QProcess::NotRunning) {
        m_secondHub.terminate();
        if (!m_secondHub.waitForFinished(5'000))
            m_secondHub.kill();
        m_secondHub.waitForFinished(5'000);
    }
}

Dicom::DicomWebSettings tst_StudyFetch::settings(quint16 port) const
{
    Dicom::DicomWebSettings s;
    s.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/dicomweb/").arg(port));
    s.bearerToken = m_token;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    s.ssl = tls;
    s.maxRetries = 2; // keeps the failure test short; the mechanism is the client's own
    s.initialBackoffMs = 50;
    s.transferTimeoutMs = 15'000;
    return s;
}

void tst_StudyFetch::compareWithReference(const QList<Dicom::Series> &series, const QJsonArray &reference)
{
    QHash<QString, const Dicom::SeriesImage *> bySop;
    for (const Dicom::Series &s : series)
        for (const Dicom::SeriesImage &image : s.images) {
            QVERIFY2(image.file.has_value(), qPrintable(image.error));
            bySop.insert(image.file->text(0x0008, 0x0018), &image);
        }
    QCOMPARE(bySop.size(), reference.size());
    for (const QJsonValue &value : reference) {
        const QJsonObject ref = value.toObject();
        const Dicom::SeriesImage *image = bySop.value(ref.value(QStringLiteral("SOPInstanceUID")).toString());
        QVERIFY2(image, qPrintable(ref.value(QStringLiteral("SOPInstanceUID")).toString()));
        QCOMPARE(image->attributes.patientId, ref.value(QStringLiteral("PatientID")).toString());
        QCOMPARE(image->attributes.patientName, ref.value(QStringLiteral("PatientName")).toString());
        QCOMPARE(image->attributes.studyInstanceUid, ref.value(QStringLiteral("StudyInstanceUID")).toString());
        QCOMPARE(image->attributes.seriesInstanceUid, ref.value(QStringLiteral("SeriesInstanceUID")).toString());
        QCOMPARE(image->attributes.modality, ref.value(QStringLiteral("Modality")).toString());
        if (ref.value(QStringLiteral("InstanceNumber")).toInt() > 0)
            QCOMPARE(image->attributes.instanceNumber.value_or(-1), ref.value(QStringLiteral("InstanceNumber")).toInt());
        const auto info = image->file->imageInfo();
        QVERIFY(info);
        QCOMPARE(info->rows, ref.value(QStringLiteral("Rows")).toInt());
        QCOMPARE(info->columns, ref.value(QStringLiteral("Columns")).toInt());
        // Uncompressed, all bits used as stored: the decoded frame is the Pixel Data as pydicom reads it.
        QCOMPARE(pixelSha(*image), ref.value(QStringLiteral("pixelSha256")).toString());
    }
}

void tst_StudyFetch::fixtureStudyArrivesIntact()
{
    Dicom::DicomWebClient client(settings(m_hub.port()));
    Dicom::StudyFetch fetch(&client);
    QSignalSpy finished(&fetch, &Dicom::StudyFetch::finished);
    QSignalSpy failed(&fetch, &Dicom::StudyFetch::failed);
    fetch.start(m_ctSmall.value(QStringLiteral("StudyInstanceUID")).toString());
    QVERIFY(fetch.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 60'000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const auto series = finished.first().first().value<QList<Dicom::Series>>();
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.first().images.size(), 1);
    compareWithReference(series, QJsonArray{m_ctSmall});
    QVERIFY(!fetch.isRunning());
    QCOMPARE(fetch.instancesExpected(), 1);
}

void tst_StudyFetch::demoCtArrivesWithTheFirstImageEarly()
{
    Dicom::DicomWebClient client(settings(m_hub.port()));
    Dicom::StudyFetch fetch(&client);
    QSignalSpy finished(&fetch, &Dicom::StudyFetch::finished);
    QSignalSpy failed(&fetch, &Dicom::StudyFetch::failed);
    QSignalSpy progress(&fetch, &Dicom::StudyFetch::progress);
    int finishedWhenFirstImage = -1;
    connect(&fetch, &Dicom::StudyFetch::firstImageRead, this, [&](const Dicom::Series &preview) {
        finishedWhenFirstImage = int(finished.size());
        QCOMPARE(preview.images.size(), 1);
    });
    fetch.start(m_demoCt.first().toObject().value(QStringLiteral("StudyInstanceUID")).toString());
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 120'000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(finishedWhenFirstImage, 0); // the preview came before the whole study
    const auto series = finished.first().first().value<QList<Dicom::Series>>();
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.first().images.size(), 24);
    compareWithReference(series, m_demoCt);
    // Sorted along the slice normal like a series read from disk: positions ascend.
    for (qsizetype i = 1; i < series.first().images.size(); ++i)
        QVERIFY(*series.first().images[i - 1].attributes.slicePosition() < *series.first().images[i].attributes.slicePosition());
    // The QIDO count is known up front, so every progress report has the real total.
    QVERIFY(!progress.isEmpty());
    for (const QList<QVariant> &report : progress)
        QCOMPARE(report.at(1).toInt(), 24);
    QCOMPARE(progress.last().at(0).toInt(), 24);
}

QString tst_StudyFetch::startSecondHub()
{
    // The same data folder served again (a new port: HubProcess asks for port 0).
    m_secondHub.setProcessChannelMode(QProcess::MergedChannels);
    m_secondHub.start(HubProcess::executable(), {QStringLiteral("serve"), QStringLiteral("--dir"), m_hub.dataDir(),
                                                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    if (!m_secondHub.waitForStarted(10'000))
        return {};
    static const QRegularExpression listening(QStringLiteral("listening on https://127\\.0\\.0\\.1:(\\d+)"));
    QByteArray output;
    QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired() && m_secondHub.state() == QProcess::Running) {
        m_secondHub.waitForReadyRead(200);
        output += m_secondHub.readAll();
        const auto match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch())
            return match.captured(1);
    }
    return {};
}

void tst_StudyFetch::droppedConnectionKeepsWhatArrivedAndRetryCompletes()
{
    TcpRelay relay(m_hub.port());
    relay.setBytesPerTick(24 * 1024); // ~2.4 MB/s: the 3 MB CT takes over a second
    Dicom::DicomWebClient client(settings(relay.port()));
    Dicom::StudyFetch fetch(&client);
    QSignalSpy finished(&fetch, &Dicom::StudyFetch::finished);
    QSignalSpy failed(&fetch, &Dicom::StudyFetch::failed);
    bool stopped = false;
    connect(&fetch, &Dicom::StudyFetch::progress, this, [&](int done, int) {
        if (stopped || done < 3)
            return;
        stopped = true;
        m_hub.stop();  // the hub process goes away mid-transfer...
        relay.cut();   // ...and with it every connection through the relay
    });
    fetch.start(m_demoCt.first().toObject().value(QStringLiteral("StudyInstanceUID")).toString());
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 120'000);
    QVERIFY(stopped);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 1);
    QVERIFY(!failed.first().first().toString().isEmpty());
    QCOMPARE(fetch.errorString(), failed.first().first().toString());
    QVERIFY(!fetch.isRunning());

    // What arrived is kept, readable, and equal to the files.
    const int kept = fetch.instancesDone();
    QVERIFY2(kept >= 3 && kept < 24, qPrintable(QString::number(kept)));
    const QList<Dicom::Series> partial = fetch.received();
    QCOMPARE(partial.size(), 1);
    QCOMPARE(int(partial.first().images.size()), kept);
    QSet<QString> keptSops;
    for (const Dicom::SeriesImage &image : partial.first().images) {
        QVERIFY(image.file);
        keptSops.insert(image.file->text(0x0008, 0x0018));
        bool matched = false;
        for (const QJsonValue &ref : std::as_const(m_demoCt))
            if (ref.toObject().value(QStringLiteral("SOPInstanceUID")).toString() == image.file->text(0x0008, 0x0018))
                matched = pixelSha(image) == ref.toObject().value(QStringLiteral("pixelSha256")).toString();
        QVERIFY(matched);
    }

    // The hub is back (same data, same tokens); retry asks only for the missing instances.
    const QString port = startSecondHub();
    QVERIFY2(!port.isEmpty(), "renkei-hub serve did not start again");
    m_secondPort = quint16(port.toUInt());
    relay.setUpstreamPort(m_secondPort);
    fetch.retry();
    QVERIFY(fetch.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 1, 120'000);
    QVERIFY2(failed.size() == 1, qPrintable(failed.last().first().toString()));
    QCOMPARE(fetch.instancesRequested(), 24 - kept);
    const auto series = finished.first().first().value<QList<Dicom::Series>>();
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.first().images.size(), 24);
    compareWithReference(series, m_demoCt);
    for (const Dicom::SeriesImage &image : series.first().images)
        keptSops.remove(image.file->text(0x0008, 0x0018));
    QVERIFY(keptSops.isEmpty());
    QVERIFY(fetch.errorString().isEmpty());
}

void tst_StudyFetch::cancelStopsWithoutSignals()
{
    QVERIFY2(m_secondPort != 0, "needs the hub started again by the previous test");
    Dicom::DicomWebClient client(settings(m_secondPort));
    Dicom::StudyFetch fetch(&client);
    QSignalSpy finished(&fetch, &Dicom::StudyFetch::finished);
    QSignalSpy failed(&fetch, &Dicom::StudyFetch::failed);
    const QString study = m_demoCt.first().toObject().value(QStringLiteral("StudyInstanceUID")).toString();
    fetch.start(study);
    fetch.cancel();
    QVERIFY(!fetch.isRunning());
    QTest::qWait(1000);
    QCOMPARE(finished.size() + failed.size(), 0);
    // Started again, it loads normally.
    fetch.start(study);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 120'000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.first().first().value<QList<Dicom::Series>>().first().images.size(), 24);
}

QTEST_GUILESS_MAIN(tst_StudyFetch)
#include "tst_studyfetch.moc"
