#include "fhirrecordstest.h"

#include <QDir>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

QJsonObject FhirRecordsTest::resourceOf(const QJsonValue &entry)
{
    return entry.toObject().value(QStringLiteral("resource")).toObject();
}

QString FhirRecordsTest::key(const QJsonObject &resource)
{
    return resource.value(QStringLiteral("resourceType")).toString() + QLatin1Char('/')
        + resource.value(QStringLiteral("id")).toString();
}

QString FhirRecordsTest::source(const QJsonObject &resource)
{
    return resource.value(QStringLiteral("meta")).toObject().value(QStringLiteral("source")).toString();
}

QString FhirRecordsTest::clinicalDate(const QJsonObject &r)
{
    const QString type = r.value(QStringLiteral("resourceType")).toString();
    auto first = [&](std::initializer_list<const char *> paths) {
        for (const char *path : paths) {
            const QStringList parts = QString::fromLatin1(path).split(QLatin1Char('.'));
            QJsonValue value = r;
            for (const QString &part : parts)
                value = value.toObject().value(part);
            if (value.isString())
                return value.toString();
        }
        return QString();
    };
    if (type == QLatin1String("Encounter")) return first({"period.start"});
    if (type == QLatin1String("Condition") || type == QLatin1String("AllergyIntolerance"))
        return first({"onsetDateTime", "recordedDate"});
    if (type == QLatin1String("MedicationRequest") || type == QLatin1String("ServiceRequest")) return first({"authoredOn"});
    if (type == QLatin1String("MedicationAdministration")) return first({"effectiveDateTime", "effectivePeriod.start"});
    if (type == QLatin1String("Observation")) return first({"effectiveDateTime"});
    if (type == QLatin1String("DiagnosticReport")) return first({"effectiveDateTime", "issued"});
    if (type == QLatin1String("ImagingStudy")) return first({"started"});
    if (type == QLatin1String("DocumentReference")) return first({"date"});
    return {};
}

bool FhirRecordsTest::hasCoding(const QJsonValue &concepts, const QString &system, const QString &code)
{
    const QJsonArray list = concepts.isArray() ? concepts.toArray() : QJsonArray{concepts};
    for (const QJsonValue &cc : list) {
        for (const QJsonValue &coding : cc.toObject().value(QStringLiteral("coding")).toArray()) {
            const QJsonObject c = coding.toObject();
            if (c.value(QStringLiteral("code")).toString() == code
                && (system.isEmpty() || c.value(QStringLiteral("system")).toString() == system))
                return true;
        }
    }
    return false;
}

bool FhirRecordsTest::isLab(const QJsonObject &r)
{
    return r.value(QStringLiteral("resourceType")).toString() == QLatin1String("Observation")
        && hasCoding(r.value(QStringLiteral("category")), kObservationCategory, QStringLiteral("laboratory"));
}

void FhirRecordsTest::initTestCase()
{
    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));
    QString error;
    m_hub.run({QStringLiteral("import-ssmix2"), QStringLiteral("--facility"), kShinshu,
               QStringLiteral(RENKEI_FIXTURES_DIR "/ssmix2/nho-sample")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_fixturePatient = networkIdOf(kShinshu, QStringLiteral("9999013"));
    QVERIFY(!m_fixturePatient.isEmpty());
    run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), m_fixturePatient,
         QStringLiteral("--facility"), kClinic});

    const QJsonArray consents = m_hub.runJson({QStringLiteral("consent"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &value : consents) {
        const QJsonObject consent = value.toObject();
        if (consent.value(QStringLiteral("facility")).toString() == kClinic
            && consent.value(QStringLiteral("status")).toString() == QLatin1String("active"))
            m_consented.insert(consent.value(QStringLiteral("patient")).toString());
    }

    // The generated storages name the patients with a history: DIR/demo-ssmix2/<hospital>/ID[0:3]/ID[3:6]/ID.
    QSet<QString> withHistory;
    for (const QString &hospital : {kShinshu, kMatsumoto}) {
        const QDir root(m_hub.dataDir() + QStringLiteral("/demo-ssmix2/") + hospital);
        for (const QString &a : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            for (const QString &b : QDir(root.filePath(a)).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                for (const QString &id : QDir(root.filePath(a + QLatin1Char('/') + b)).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                    withHistory.insert(networkIdOf(hospital, id));
    }
    withHistory.remove(QString());
    m_historyPatients = withHistory.values();
    m_historyPatients.sort();
    QVERIFY(m_historyPatients.contains(QStringLiteral("p00001")));
    QVERIFY2(m_historyPatients.size() >= 24, "a few dozen patients have histories");

    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    m_token = hubLogin(m_network, m_hub, QStringLiteral("demo-doctor"), kPassword);
    QVERIFY(!m_token.isEmpty());
}

void FhirRecordsTest::cleanupTestCase()
{
    m_hub.stop();
}

QString FhirRecordsTest::networkIdOf(const QString &facility, const QString &localId) const
{
    for (const QJsonValue &value : m_patients) {
        for (const QJsonValue &identifier : value.toObject().value(QStringLiteral("identifiers")).toArray()) {
            if (identifier.toObject().value(QStringLiteral("facility")).toString() == facility
                && identifier.toObject().value(QStringLiteral("value")).toString() == localId)
                return value.toObject().value(QStringLiteral("id")).toString();
        }
    }
    return {};
}

QString FhirRecordsTest::run(const QStringList &arguments)
{
    QString error;
    const QByteArray out = m_hub.run(arguments, &error);
    if (!error.isEmpty())
        qWarning().noquote() << arguments.join(QLatin1Char(' ')) << "failed:" << error;
    return error.isEmpty() ? QString::fromUtf8(out) : QStringLiteral("ERROR ") + error;
}

FhirRecordsTest::Reply FhirRecordsTest::get(const QString &pathOrUrl, const QString &token)
{
    // next links are absolute and fetched as they are; paths are resolved against the hub.
    const QUrl url = pathOrUrl.startsWith(QLatin1String("https://"))
        ? QUrl(pathOrUrl)
        : m_hub.baseUrl().resolved(QUrl(pathOrUrl.mid(1)));
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    request.setSslConfiguration(tls);
    request.setTransferTimeout(30'000);
    if (token != QLatin1String("-"))
        request.setRawHeader("Authorization", "Bearer " + (token.isEmpty() ? m_token : token).toLatin1());
    QNetworkReply *reply = m_network.get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

QList<QJsonObject> FhirRecordsTest::all(const QString &path, int *total, int *pages)
{
    QList<QJsonObject> resources;
    QString next = path;
    int pageCount = 0;
    int firstTotal = -1;
    while (!next.isEmpty() && pageCount < 500) {
        const Reply reply = get(next);
        if (reply.status != 200) {
            qWarning() << "GET" << next << "→" << reply.status << reply.body;
            return {};
        }
        const QJsonObject bundle = reply.json();
        if (firstTotal < 0)
            firstTotal = bundle.value(QStringLiteral("total")).toInt(-1);
        for (const QJsonValue &entry : bundle.value(QStringLiteral("entry")).toArray())
            resources << resourceOf(entry);
        next.clear();
        for (const QJsonValue &link : bundle.value(QStringLiteral("link")).toArray()) {
            if (link.toObject().value(QStringLiteral("relation")).toString() == QLatin1String("next"))
                next = link.toObject().value(QStringLiteral("url")).toString();
        }
        ++pageCount;
    }
    if (total)
        *total = firstTotal;
    if (pages)
        *pages = pageCount;
    return resources;
}

FhirRecordsTest::Reply FhirRecordsTest::post(const QString &path, const QByteArray &body)
{
    QNetworkRequest request(m_hub.baseUrl().resolved(QUrl(path)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    QNetworkReply *reply = m_network.post(request, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

QString FhirRecordsTest::dischargeSummaryBinaryOf(const QString &patient)
{
    const QList<QJsonObject> found = all(QStringLiteral("/fhir/DocumentReference?patient=%1&type=http://loinc.org%7C18842-5").arg(patient));
    if (found.size() != 1)
        return {};
    return found.first().value(QStringLiteral("content")).toArray().first().toObject()
        .value(QStringLiteral("attachment")).toObject().value(QStringLiteral("url")).toString();
}
