// DICOMweb of the hub's own image store (import-dicom, QIDO-RS, WADO-RS) against the real
// renkei-hub. Expected values come from pydicom (Debian's python3-pydicom) reading the
// fixtures, never from the hub's own output.
#include "dicomwebtestsupport.h"
#include "hubclient.h"
#include "hubprocess.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

namespace {

const QString kPassword = QStringLiteral("renkei-demo-2026");
const QString kClinic = QStringLiteral("clinic-azumino");
const QString kShinshu = QStringLiteral("hosp-shinshu");
const QString kFixtures = QStringLiteral(RENKEI_FIXTURES_DIR "/dicom");
const QString kAllKinds = QStringLiteral("summaries,physician-records,nursing-records,prescriptions,injections,labs,"
                                         "physiology,radiology,endoscopy,images,diagnoses,allergies");

using Reply = DicomWebReply;

} // namespace

class tst_DicomWeb : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void importRefusesWhatIsNotDicom();
    void reimportIsANoOp();
    void loginIsRequired();
    void qidoStudiesMatchTheFixture();
    void qidoSeriesAndInstances();
    void wadoInstanceIsByteIdentical();
    void metadataFramesAndRendered();
    void imagingStudyResource();
    void unconsentedPatientIs404();
    void undisclosedImagesAre404();
    void retrievalsAreAudited();

private:
    Reply get(const QString &path, const QByteArray &accept = {}, bool withToken = true);
    QString networkIdOf(const QString &localId);

    HubProcess m_hub;
    QNetworkAccessManager m_network;
    QString m_token;
    QString m_firstImport;
    QJsonObject m_ct;       // pydicom's view of CT_small.dcm (consented patient)
    QJsonObject m_mr;       // MR_small.dcm (patient without consent)
    QString m_ctPatient;
};

void tst_DicomWeb::initTestCase()
{
    if (!QFile::exists(kFixtures + QStringLiteral("/CT_small.dcm")))
        QSKIP("../shared/fixtures/dicom is not available");
    m_ct = pydicom(kFixtures + QStringLiteral("/CT_small.dcm"));
    m_mr = pydicom(kFixtures + QStringLiteral("/MR_small.dcm"));
    QVERIFY2(!m_ct.isEmpty() && !m_mr.isEmpty(), "pydicom (python3-pydicom) must read the fixtures");
    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));
    QString error;
    m_firstImport = QString::fromUtf8(m_hub.run({QStringLiteral("import-dicom"), QStringLiteral("--facility"), kShinshu, kFixtures}, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_ctPatient = networkIdOf(m_ct.value(QStringLiteral("PatientID")).toString());
    QVERIFY(!m_ctPatient.isEmpty());
    m_hub.run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), m_ctPatient,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    m_token = hubLogin(m_network, m_hub, QStringLiteral("demo-doctor"), kPassword);
    QVERIFY(!m_token.isEmpty());
}

void tst_DicomWeb::cleanupTestCase()
{
    m_hub.stop();
}

QString tst_DicomWeb::networkIdOf(const QString &localId)
{
    QString error;
    const QJsonArray patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    for (const QJsonValue &p : patients)
        for (const QJsonValue &i : p.toObject().value(QStringLiteral("identifiers")).toArray())
            if (i.toObject().value(QStringLiteral("facility")).toString() == kShinshu
                && i.toObject().value(QStringLiteral("value")).toString() == localId)
                return p.toObject().value(QStringLiteral("id")).toString();
    return {};
}

Reply tst_DicomWeb::get(const QString &path, const QByteArray &accept, bool withToken)
{
    QNetworkRequest request(m_hub.baseUrl().resolved(QUrl(path.mid(1))));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    request.setSslConfiguration(tls);
    request.setTransferTimeout(30'000);
    if (withToken)
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    return dicomWebGet(m_network, request);
}

void tst_DicomWeb::importRefusesWhatIsNotDicom()
{
    QVERIFY2(m_firstImport.contains(QStringLiteral("LICENSE-pydicom.txt: not a DICOM file")), qPrintable(m_firstImport));
    QVERIFY2(m_firstImport.contains(QStringLiteral("failed: ") + kFixtures + QStringLiteral("/MR_truncated.dcm")), qPrintable(m_firstImport));
    QVERIFY(m_firstImport.contains(QStringLiteral("studies written")));
}

void tst_DicomWeb::reimportIsANoOp()
{
    QString error;
    const QString again = QString::fromUtf8(m_hub.run({QStringLiteral("import-dicom"), QStringLiteral("--json"), QStringLiteral("--facility"),
                                                       kShinshu, kFixtures}, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject report = QJsonDocument::fromJson(again.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("replaced")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("studies")).toInt(), 0);
    QVERIFY(report.value(QStringLiteral("unchanged")).toInt() > 0);
}

void tst_DicomWeb::loginIsRequired()
{
    QCOMPARE(get(QStringLiteral("/dicomweb/studies"), {}, false).status, 401);
}

void tst_DicomWeb::qidoStudiesMatchTheFixture()
{
    const Reply reply = get(QStringLiteral("/dicomweb/studies?PatientID=") + m_ct.value(QStringLiteral("PatientID")).toString());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArrayLiteral("application/dicom+json"));
    QCOMPARE(reply.array().size(), 1);
    const QJsonObject study = reply.array().first().toObject();
    QCOMPARE(value(study, "0020000D"), m_ct.value(QStringLiteral("StudyInstanceUID")).toString());
    QCOMPARE(value(study, "00080020"), m_ct.value(QStringLiteral("StudyDate")).toString());
    QCOMPARE(value(study, "00100020"), m_ct.value(QStringLiteral("PatientID")).toString());
    QCOMPARE(study.value(QStringLiteral("00080061")).toObject().value(QStringLiteral("Value")).toArray(),
             QJsonArray{m_ct.value(QStringLiteral("Modality"))});
    QCOMPARE(value(study, "00201208"), QStringLiteral("1"));
    QVERIFY(value(study, "00081190").endsWith(QStringLiteral("/dicomweb/studies/") + value(study, "0020000D")));
    // Every visible study, without filters: the MR patient has no consent, so it is missing.
    const QJsonArray all = get(QStringLiteral("/dicomweb/studies")).array();
    for (const QJsonValue &s : all)
        QVERIFY(value(s.toObject(), "0020000D") != m_mr.value(QStringLiteral("StudyInstanceUID")).toString());
    QCOMPARE(get(QStringLiteral("/dicomweb/studies?NoSuchKey=1")).status, 400);
}

void tst_DicomWeb::qidoSeriesAndInstances()
{
    const QString study = QStringLiteral("/dicomweb/studies/") + m_ct.value(QStringLiteral("StudyInstanceUID")).toString();
    const QJsonArray series = get(study + QStringLiteral("/series")).array();
    QCOMPARE(series.size(), 1);
    QCOMPARE(value(series.first().toObject(), "0020000E"), m_ct.value(QStringLiteral("SeriesInstanceUID")).toString());
    QCOMPARE(value(series.first().toObject(), "00080060"), m_ct.value(QStringLiteral("Modality")).toString());
    const QJsonArray instances = get(study + QStringLiteral("/series/") + m_ct.value(QStringLiteral("SeriesInstanceUID")).toString()
                                     + QStringLiteral("/instances")).array();
    QCOMPARE(instances.size(), 1);
    QCOMPARE(value(instances.first().toObject(), "00080018"), m_ct.value(QStringLiteral("SOPInstanceUID")).toString());
    QCOMPARE(value(instances.first().toObject(), "00080016"), m_ct.value(QStringLiteral("SOPClassUID")).toString());
    QCOMPARE(value(instances.first().toObject(), "00280010").toInt(), m_ct.value(QStringLiteral("Rows")).toInt());
}

void tst_DicomWeb::wadoInstanceIsByteIdentical()
{
    const QString instance = QStringLiteral("/dicomweb/studies/%1/series/%2/instances/%3")
                                 .arg(m_ct.value(QStringLiteral("StudyInstanceUID")).toString(),
                                      m_ct.value(QStringLiteral("SeriesInstanceUID")).toString(),
                                      m_ct.value(QStringLiteral("SOPInstanceUID")).toString());
    const Reply reply = get(instance, QByteArrayLiteral("multipart/related; type=\"application/dicom\""));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.startsWith("multipart/related"));
    QVERIFY(reply.contentType.contains("application/dicom"));
    const QList<QByteArray> parts = multipartBodies(reply);
    QCOMPARE(parts.size(), 1);
    QFile fixture(kFixtures + QStringLiteral("/CT_small.dcm"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QCOMPARE(parts.first(), fixture.readAll());
    // The whole study the same way.
    QCOMPARE(multipartBodies(get(QStringLiteral("/dicomweb/studies/") + m_ct.value(QStringLiteral("StudyInstanceUID")).toString())).size(), 1);
}

void tst_DicomWeb::metadataFramesAndRendered()
{
    const QString instance = QStringLiteral("/dicomweb/studies/%1/series/%2/instances/%3")
                                 .arg(m_ct.value(QStringLiteral("StudyInstanceUID")).toString(),
                                      m_ct.value(QStringLiteral("SeriesInstanceUID")).toString(),
                                      m_ct.value(QStringLiteral("SOPInstanceUID")).toString());
    const Reply metadata = get(instance + QStringLiteral("/metadata"));
    QCOMPARE(metadata.status, 200);
    QCOMPARE(metadata.array().size(), 1);
    const QJsonObject dataset = metadata.array().first().toObject();
    QCOMPARE(value(dataset, "00080018"), m_ct.value(QStringLiteral("SOPInstanceUID")).toString());
    QCOMPARE(value(dataset, "00280011").toInt(), m_ct.value(QStringLiteral("Columns")).toInt());
    QVERIFY(!dataset.value(QStringLiteral("7FE00010")).toObject().contains(QStringLiteral("Value"))); // bulk data left out

    // CT_small is uncompressed little endian: the frame is the Pixel Data value itself.
    const Reply frames = get(instance + QStringLiteral("/frames/1"));
    QCOMPARE(frames.status, 200);
    QVERIFY(frames.contentType.contains("application/octet-stream"));
    const QList<QByteArray> parts = multipartBodies(frames);
    QCOMPARE(parts.size(), 1);
    QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(parts.first(), QCryptographicHash::Sha256).toHex()),
             m_ct.value(QStringLiteral("pixelSha256")).toString());
    QCOMPARE(get(instance + QStringLiteral("/frames/2")).status, 400);

    const Reply rendered = get(instance + QStringLiteral("/rendered"), QByteArrayLiteral("image/png"));
    QCOMPARE(rendered.status, 200);
    QCOMPARE(rendered.contentType, QByteArrayLiteral("image/png"));
    const QImage image = QImage::fromData(rendered.body, "PNG");
    QCOMPARE(image.width(), m_ct.value(QStringLiteral("Columns")).toInt());
    QCOMPARE(image.height(), m_ct.value(QStringLiteral("Rows")).toInt());
}

void tst_DicomWeb::imagingStudyResource()
{
    QNetworkRequest request;
    const Reply reply = get(QStringLiteral("/fhir/ImagingStudy?patient=") + m_ctPatient);
    QCOMPARE(reply.status, 200);
    const QJsonArray entries = QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("entry")).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject study = entries.first().toObject().value(QStringLiteral("resource")).toObject();
    QCOMPARE(study.value(QStringLiteral("identifier")).toArray().first().toObject().value(QStringLiteral("value")).toString(),
             QStringLiteral("urn:oid:") + m_ct.value(QStringLiteral("StudyInstanceUID")).toString());
    QCOMPARE(study.value(QStringLiteral("numberOfSeries")).toInt(), 1);
    QCOMPARE(study.value(QStringLiteral("numberOfInstances")).toInt(), 1);
    const QJsonObject series = study.value(QStringLiteral("series")).toArray().first().toObject();
    QCOMPARE(series.value(QStringLiteral("uid")).toString(), m_ct.value(QStringLiteral("SeriesInstanceUID")).toString());
    QCOMPARE(series.value(QStringLiteral("modality")).toObject().value(QStringLiteral("code")).toString(),
             m_ct.value(QStringLiteral("Modality")).toString());
    QCOMPARE(series.value(QStringLiteral("instance")).toArray().first().toObject().value(QStringLiteral("uid")).toString(),
             m_ct.value(QStringLiteral("SOPInstanceUID")).toString());
    QVERIFY(study.value(QStringLiteral("started")).toString().startsWith(QStringLiteral("2004-01-19")));
    QCOMPARE(study.value(QStringLiteral("endpoint")).toArray().first().toObject().value(QStringLiteral("reference")).toString(),
             QStringLiteral("#dicomweb"));
}

void tst_DicomWeb::unconsentedPatientIs404()
{
    const QString study = QStringLiteral("/dicomweb/studies/") + m_mr.value(QStringLiteral("StudyInstanceUID")).toString();
    QCOMPARE(get(study).status, 404);
    QCOMPARE(get(study + QStringLiteral("/series")).status, 404);
    QCOMPARE(get(study + QStringLiteral("/metadata")).status, 404);
    QCOMPARE(get(QStringLiteral("/dicomweb/studies/1.2.3.999")).status, 404); // unknown looks the same
}

void tst_DicomWeb::undisclosedImagesAre404()
{
    QString error;
    const QString withoutImages = QString(kAllKinds).remove(QStringLiteral("images,"));
    m_hub.run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kShinshu, QStringLiteral("--disclose"), withoutImages}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString study = QStringLiteral("/dicomweb/studies/") + m_ct.value(QStringLiteral("StudyInstanceUID")).toString();
    const int withheld = get(study).status;
    // The demo network's own images (hub/demoimages) are at the other hospital and stay listed.
    int listed = 0;
    for (const QJsonValue &s : get(QStringLiteral("/dicomweb/studies")).array())
        listed += value(s.toObject(), "0020000D") == m_ct.value(QStringLiteral("StudyInstanceUID")).toString() ? 1 : 0;
    m_hub.run({QStringLiteral("facility"), QStringLiteral("policy"), QStringLiteral("--id"), kShinshu, QStringLiteral("--disclose"), kAllKinds}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(withheld, 404);
    QCOMPARE(listed, 0);
    QCOMPARE(get(study + QStringLiteral("/series")).status, 200);
}

void tst_DicomWeb::retrievalsAreAudited()
{
    QString error;
    const QJsonArray audit = m_hub.runJson({QStringLiteral("audit"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bool retrieved = false, refused = false;
    for (const QJsonValue &v : audit) {
        const QJsonObject e = v.toObject();
        const QString detail = e.value(QStringLiteral("detail")).toString();
        if (e.value(QStringLiteral("action")).toString() == QLatin1String("retrieve") && e.value(QStringLiteral("patient")).toString() == m_ctPatient
            && detail.contains(m_ct.value(QStringLiteral("SOPInstanceUID")).toString()) && e.value(QStringLiteral("outcome")).toString() == QLatin1String("success")
            && e.value(QStringLiteral("user")).toString() == QLatin1String("demo-doctor"))
            retrieved = true;
        if (detail.contains(m_mr.value(QStringLiteral("StudyInstanceUID")).toString()) && e.value(QStringLiteral("outcome")).toString() == QLatin1String("failure"))
            refused = true;
    }
    QVERIFY(retrieved);
    QVERIFY(refused);
}

QTEST_GUILESS_MAIN(tst_DicomWeb)
#include "tst_dicomweb.moc"
