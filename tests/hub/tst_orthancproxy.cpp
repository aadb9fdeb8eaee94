// "Distributed" images: a real Orthanc with its DICOMweb plugin, started by this test on
// loopback, holds the images; the real renkei-hub indexes it (import-dicomweb) and answers
// QIDO-RS / WADO-RS for it over TLS by proxying, with the same consent and disclosure rules.
// Expected values come from pydicom reading the fixtures.
#include "dicomwebtestsupport.h"
#include "hubclient.h"
#include "hubprocess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kOrthanc = QStringLiteral("/usr/sbin/Orthanc");
const QString kPlugin = QStringLiteral("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
const QString kClinic = QStringLiteral("clinic-azumino");
const QString kMatsumoto = QStringLiteral("hosp-matsumoto");
const QString kFixtures = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom");
const QString kAllKinds = QStringLiteral("summaries,physician-records,nursing-records,prescriptions,injections,labs,"
                                         "physiology,radiology,endoscopy,images,diagnoses,allergies");

using Reply = DicomWebReply;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class tst_OrthancProxy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void qidoListsTheRemoteStudy();
    void qidoSeriesIsProxied();
    void wadoInstanceIsByteIdentical();
    void unconsentedPatientIs404();
    void undisclosedImagesAre404();
    void retrievalIsAudited();

private:
    Reply get(const QUrl &url, const QByteArray &accept = {}, bool tls = true);
    Reply hubGet(const QString &path, const QByteArray &accept = {}) { return get(m_hub.baseUrl().resolved(QUrl(path.mid(1))), accept); }
    QString networkIdOf(const QString &localId);

    QTemporaryDir m_orthancDir;
    QProcess m_orthanc;
    QUrl m_orthancUrl;
    HubProcess m_hub;
    QNetworkAccessManager m_network;
    QString m_token;
    QJsonObject m_ct;
    QJsonObject m_mr;
    QString m_ctPatient;
};

void tst_OrthancProxy::initTestCase()
{
    if (!QFile::exists(kOrthanc) || !QFile::exists(kPlugin))
        QSKIP("Orthanc or its DICOMweb plugin is not installed (Debian: orthanc, orthanc-dicomweb)");
    if (!QFile::exists(kFixtures + QStringLiteral("/CT_small.dcm")))
        QSKIP("../shared/fixtures/dicom is not available");
    m_ct = pydicom(kFixtures + QStringLiteral("/CT_small.dcm"));
    m_mr = pydicom(kFixtures + QStringLiteral("/MR_small.dcm"));
    QVERIFY2(!m_ct.isEmpty() && !m_mr.isEmpty(), "pydicom (python3-pydicom) must read the fixtures");

    // Orthanc on loopback HTTP (its own TLS is not used: TLS ends at the hub).
    QVERIFY(m_orthancDir.isValid());
    const quint16 httpPort = freePort();
    const quint16 dicomPort = freePort();
    const QJsonObject config{
        {QStringLiteral("Name"), QStringLiteral("renkei-test")},
        {QStringLiteral("StorageDirectory"), m_orthancDir.filePath(QStringLiteral("storage"))},
        {QStringLiteral("IndexDirectory"), m_orthancDir.filePath(QStringLiteral("index"))},
        {QStringLiteral("HttpPort"), httpPort},
        {QStringLiteral("DicomPort"), dicomPort},
        {QStringLiteral("RemoteAccessAllowed"), false},
        {QStringLiteral("AuthenticationEnabled"), false},
        {QStringLiteral("Plugins"), QJsonArray{kPlugin}},
        {QStringLiteral("DicomWeb"), QJsonObject{{QStringLiteral("Enable"), true}, {QStringLiteral("Root"), QStringLiteral("/dicom-web/")}}}};
    QFile configFile(m_orthancDir.filePath(QStringLiteral("orthanc.json")));
    QVERIFY(configFile.open(QIODevice::WriteOnly));
    configFile.write(QJsonDocument(config).toJson());
    configFile.close();
    m_orthanc.setProcessChannelMode(QProcess::MergedChannels);
    m_orthanc.setStandardOutputFile(m_orthancDir.filePath(QStringLiteral("orthanc.log")));
    m_orthanc.start(kOrthanc, {configFile.fileName()});
    QVERIFY2(m_orthanc.waitForStarted(), qPrintable(m_orthanc.errorString()));
    m_orthancUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(httpPort));
    QTRY_VERIFY_WITH_TIMEOUT(get(m_orthancUrl.resolved(QUrl(QStringLiteral("system"))), {}, false).status == 200, 30'000);

    for (const QString &name : {QStringLiteral("CT_small.dcm"), QStringLiteral("MR_small.dcm")}) {
        QFile file(kFixtures + QLatin1Char('/') + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QNetworkRequest request(m_orthancUrl.resolved(QUrl(QStringLiteral("instances"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/dicom"));
        QNetworkReply *reply = m_network.post(request, file.readAll());
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    // The hub: the hospital's images live on its Orthanc; the hub only indexes them.
    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));
    QString error;
    m_hub.run({QStringLiteral("facility"), QStringLiteral("dicomweb"), QStringLiteral("--id"), kMatsumoto, QStringLiteral("--url"),
               m_orthancUrl.resolved(QUrl(QStringLiteral("dicom-web"))).toString()}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString shown = QString::fromUtf8(m_hub.run({QStringLiteral("facility"), QStringLiteral("dicomweb"), QStringLiteral("--id"), kMatsumoto,
                                                       QStringLiteral("--show")}, &error)).trimmed();
    QCOMPARE(shown, m_orthancUrl.resolved(QUrl(QStringLiteral("dicom-web"))).toString());
    const QString indexed = QString::fromUtf8(m_hub.run({QStringLiteral("import-dicomweb"), QStringLiteral("--facility"), kMatsumoto}, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(indexed.contains(QStringLiteral("indexed 2 studies")), qPrintable(indexed));
    m_ctPatient = networkIdOf(m_ct.value(QStringLiteral("PatientID")).toString());
    QVERIFY(!m_ctPatient.isEmpty());
    m_hub.run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), m_ctPatient,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    m_token = hubLogin(m_network, m_hub, QStringLiteral("demo-doctor"), QStringLiteral("renkei-demo-2026"));
    QVERIFY(!m_token.isEmpty());
}

void tst_OrthancProxy::cleanupTestCase()
{
    m_hub.stop();
    if (m_orthanc.state() != QProcess::NotRunning) {
        m_orthanc.terminate();
        if (!m_orthanc.waitForFinished(10'000))
            m_orthanc.kill();
    }
}

QString tst_OrthancProxy::networkIdOf(const QString &localId)
{
    QString error;
    for (const QJsonValue &p : m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error))
        for (const QJsonValue &i : p.toObject().value(QStringLiteral("identifiers")).toArray())
            if (i.toObject().value(QStringLiteral("facility")).toString() == kMatsumoto
                && i.toObject().value(QStringLiteral("value")).toString() == localId)
                return p.toObject().value(QStringLiteral("id")).toString();
    return {};
}

Reply tst_OrthancProxy::get(const QUrl &url, const QByteArray &accept, bool tls)
{
    QNetworkRequest request(url);
    if (tls) {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
        request.setSslConfiguration(configuration);
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    }
    request.setTransferTimeout(30'000);
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    return dicomWebGet(m_network, request);
}

void tst_OrthancProxy::qidoListsTheRemoteStudy()
{
    const Reply reply = hubGet(QStringLiteral("/dicomweb/studies?PatientID=") + m_ct.value(QStringLiteral("PatientID")).toString());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.array().size(), 1);
    const QJsonObject study = reply.array().first().toObject();
    QCOMPARE(value(study, "0020000D"), m_ct.value(QStringLiteral("StudyInstanceUID")).toString());
    QCOMPARE(value(study, "00080020"), m_ct.value(QStringLiteral("StudyDate")).toString());
    QCOMPARE(value(study, "00100020"), m_ct.value(QStringLiteral("PatientID")).toString());
    QVERIFY(value(study, "00081190").startsWith(m_hub.baseUrl().toString() + QStringLiteral("dicomweb/studies/")));
}

void tst_OrthancProxy::qidoSeriesIsProxied()
{
    const Reply reply = hubGet(QStringLiteral("/dicomweb/studies/") + m_ct.value(QStringLiteral("StudyInstanceUID")).toString() + QStringLiteral("/series"));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.contains("json"));
    QCOMPARE(reply.array().size(), 1);
    const QJsonObject series = reply.array().first().toObject();
    QCOMPARE(value(series, "0020000E"), m_ct.value(QStringLiteral("SeriesInstanceUID")).toString());
    QCOMPARE(value(series, "00080060"), m_ct.value(QStringLiteral("Modality")).toString());
    // Links lead back through the hub, never to the hospital's own server.
    QVERIFY(!reply.body.contains(m_orthancUrl.toString().toUtf8()));
}

void tst_OrthancProxy::wadoInstanceIsByteIdentical()
{
    const Reply reply = hubGet(QStringLiteral("/dicomweb/studies/%1/series/%2/instances/%3")
                                   .arg(m_ct.value(QStringLiteral("StudyInstanceUID")).toString(),
                                        m_ct.value(QStringLiteral("SeriesInstanceUID")).toString(),
                                        m_ct.value(QStringLiteral("SOPInstanceUID")).toString()),
                               QByteArrayLiteral("multipart/related; type=\"application/dicom\""));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.startsWith("multipart/related"));
    const QList<QByteArray> parts = multipartBodies(reply);
    QCOMPARE(parts.size(), 1);
    QFile fixture(kFixtures + QStringLiteral("/CT_small.dcm"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QCOMPARE(parts.first(), fixture.readAll());
}

void tst_OrthancProxy::unconsentedPatientIs404()
{
    const QString study = QStringLiteral("/dicomweb/studies/") + m_mr.value(QStringLiteral("StudyInstanceUID")).toString();
    QCOMPARE(hubGet(study).status, 404);
    QCOMPARE(hubGet(study + QStringLiteral("/series")).status, 404);
    QCOMPARE(hubGet(QStringLiteral("/dicomweb/studies?PatientID=") + m_mr.value(QStringLiteral("PatientID")).toString()).array().size(), 0);
}

void tst_OrthancProxy::undisclosedImagesAre404()
{
    QString error;
    m_hub.run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kMatsumoto, QStringLiteral("--disclose"),
               QString(kAllKinds).remove(QStringLiteral("images,"))}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const int withheld = hubGet(QStringLiteral("/dicomweb/studies/") + m_ct.value(QStringLiteral("StudyInstanceUID")).toString() + QStringLiteral("/series")).status;
    m_hub.run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kMatsumoto, QStringLiteral("--disclose"), kAllKinds}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(withheld, 404);
}

void tst_OrthancProxy::retrievalIsAudited()
{
    QString error;
    const QJsonArray audit = m_hub.runJson({QStringLiteral("audit"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bool found = false;
    for (const QJsonValue &v : audit) {
        const QJsonObject e = v.toObject();
        found |= e.value(QStringLiteral("action")).toString() == QLatin1String("retrieve")
            && e.value(QStringLiteral("patient")).toString() == m_ctPatient
            && e.value(QStringLiteral("outcome")).toString() == QLatin1String("success")
            && e.value(QStringLiteral("detail")).toString().contains(m_ct.value(QStringLiteral("SOPInstanceUID")).toString())
            && e.value(QStringLiteral("detail")).toString().contains(kMatsumoto);
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(tst_OrthancProxy)
#include "tst_orthancproxy.moc"
