#include "hubprocess.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

namespace {

const QString kPassword = QStringLiteral("renkei-demo-2026");
const QString kClinic = QStringLiteral("clinic-azumino");

struct Reply
{
    int status = 0;
    QByteArray contentType;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray body;
    QList<QSslError> sslErrors;
    QString networkError;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QString issueCode() const
    {
        return json().value(QStringLiteral("issue")).toArray().first().toObject()
            .value(QStringLiteral("code")).toString();
    }
};

// Full-width katakana → JIS X 0201 half-width katakana; voiced marks become the separate
// ﾞ / ﾟ characters (after NFD splits ダ into タ + U+3099). This table is the reverse of what
// the hub folds, written out independently from the JIS X 0201 layout.
QString toHalfWidthKana(const QString &katakana)
{
    static const QString full = QStringLiteral(
        "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン");
    static const QString half = QStringLiteral(
        "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ");
    Q_ASSERT(full.size() == half.size());
    QString out;
    for (QChar c : katakana.normalized(QString::NormalizationForm_D)) {
        if (c.unicode() == 0x3099)
            out += QChar(0xFF9E);
        else if (c.unicode() == 0x309A)
            out += QChar(0xFF9F);
        else if (const qsizetype index = full.indexOf(c); index >= 0)
            out += half.at(index);
        else
            out += c;
    }
    return out;
}

QString toHiragana(const QString &katakana)
{
    QString out;
    for (QChar c : katakana)
        out += (c.unicode() >= 0x30A1 && c.unicode() <= 0x30F6) ? QChar(char16_t(c.unicode() - 0x60)) : c;
    return out;
}

} // namespace

/// The real `renkei-hub` process on a demo network, driven over HTTPS like the viewer would.
class tst_HubServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void metadataWithoutLogin();
    void noticeWithoutLogin();
    void fhirWithoutTokenIs401_data();
    void fhirWithoutTokenIs401();
    void loginReturnsBearerToken();
    void wrongPasswordAndUnknownIdLookTheSame();
    void fiveFailuresLock_data();
    void fiveFailuresLock();
    void adminLockAndUnlock();
    void searchFindsConsentedPatient_data();
    void searchFindsConsentedPatient();
    void searchResultShape();
    void nonConsentedPatientIsInvisible();
    void filters_data();
    void filters();
    void withdrawalIsEffectiveOnNextRequest();
    void badInput_data();
    void badInput();
    void sqlMetacharactersFindNothing();
    void logoutRevokesToken();
    void auditTrail();
    void oldTlsRefused();
    void qtVerifiesServerCertificate();
    void certificateFiles();
    void demoRefusesToOverwrite();

private:
    Reply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
               const QString &token = {});
    Reply login(const QString &id, const QString &password);
    Reply search(const QUrlQuery &query, const QString &token = {});
    QStringList searchIds(const QUrlQuery &query);
    QJsonObject patient(const QString &id) const;
    QSslConfiguration trustDemoCaOnly() const;
    QString opensslPath() const;

    HubProcess m_hub;
    QNetworkAccessManager m_network;
    QString m_token;
    QJsonArray m_patients;
    QSet<QString> m_consented;    // active consent for the clinic
    QSet<QString> m_notConsented; // withdrawn or none
    QSet<QString> m_withdrawn;
};

void tst_HubServer::initTestCase()
{
    const QString demoError = m_hub.createDemo();
    QVERIFY2(demoError.isEmpty(), qPrintable(demoError));
    const QString startError = m_hub.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));

    QString error;
    m_patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_patients.size() >= 240);
    const QJsonArray consents = m_hub.runJson({QStringLiteral("consent"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &value : consents) {
        const QJsonObject consent = value.toObject();
        if (consent.value(QStringLiteral("facility")).toString() != kClinic)
            continue;
        const QString status = consent.value(QStringLiteral("status")).toString();
        QVERIFY(status == QLatin1String("active") || status == QLatin1String("inactive"));
        (status == QLatin1String("active") ? m_consented : m_withdrawn)
            .insert(consent.value(QStringLiteral("patient")).toString());
    }
    for (const QJsonValue &value : std::as_const(m_patients)) {
        const QString id = value.toObject().value(QStringLiteral("id")).toString();
        if (!m_consented.contains(id))
            m_notConsented.insert(id);
    }
    // The demo's promise: about 60% consented, p00001 among them.
    QVERIFY(m_consented.contains(QStringLiteral("p00001")));
    QVERIFY(m_consented.size() > m_patients.size() / 2);
    QVERIFY(m_notConsented.size() > m_patients.size() / 5);
    QVERIFY(!m_withdrawn.isEmpty());
    QCOMPARE(patient(QStringLiteral("p00001")).value(QStringLiteral("name")).toString(), QStringLiteral("山田 太郎"));
    QCOMPARE(patient(QStringLiteral("p00001")).value(QStringLiteral("kana")).toString(), QStringLiteral("ヤマダ タロウ"));

    // One session for the whole run (each login costs a 600k-iteration PBKDF2 on the hub).
    const Reply session = login(QStringLiteral("demo-doctor"), kPassword);
    QCOMPARE(session.status, 200);
    m_token = session.json().value(QStringLiteral("access_token")).toString();
}

void tst_HubServer::cleanupTestCase()
{
    m_hub.stop();
}

QSslConfiguration tst_HubServer::trustDemoCaOnly() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

Reply tst_HubServer::send(const QByteArray &method, const QString &pathAndQuery,
                          const QByteArray &body, const QString &token)
{
    QUrl url = m_hub.baseUrl().resolved(QUrl(pathAndQuery.startsWith(QLatin1Char('/')) ? pathAndQuery.mid(1) : pathAndQuery));
    QNetworkRequest request(url);
    request.setSslConfiguration(trustDemoCaOnly());
    request.setTransferTimeout(30'000);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());

    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    Reply result;
    connect(reply, &QNetworkReply::sslErrors, reply,
            [&result](const QList<QSslError> &errors) { result.sslErrors += errors; });
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.contentType = reply->rawHeader("Content-Type");
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

Reply tst_HubServer::login(const QString &id, const QString &password)
{
    return send("POST", QStringLiteral("/auth/login"),
                QJsonDocument(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("password"), password}})
                    .toJson(QJsonDocument::Compact));
}

Reply tst_HubServer::search(const QUrlQuery &query, const QString &token)
{
    return send("GET", QStringLiteral("/fhir/Patient?") + query.toString(QUrl::FullyEncoded),
                {}, token.isEmpty() ? m_token : token);
}

QStringList tst_HubServer::searchIds(const QUrlQuery &query)
{
    QUrlQuery all = query;
    all.addQueryItem(QStringLiteral("_count"), QStringLiteral("200"));
    const Reply reply = search(all);
    if (reply.status != 200) {
        qWarning() << "search failed" << reply.status << reply.body;
        return {QStringLiteral("<HTTP %1>").arg(reply.status)};
    }
    QStringList ids;
    for (const QJsonValue &entry : reply.json().value(QStringLiteral("entry")).toArray())
        ids << entry.toObject().value(QStringLiteral("resource")).toObject().value(QStringLiteral("id")).toString();
    return ids;
}

QJsonObject tst_HubServer::patient(const QString &id) const
{
    for (const QJsonValue &value : m_patients) {
        if (value.toObject().value(QStringLiteral("id")).toString() == id)
            return value.toObject();
    }
    return {};
}

QString tst_HubServer::opensslPath() const
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

void tst_HubServer::metadataWithoutLogin()
{
    const Reply reply = send("GET", QStringLiteral("/fhir/metadata"));
    QVERIFY2(reply.sslErrors.isEmpty(), "the demo CA must be enough to verify the hub");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArrayLiteral("application/fhir+json"));
    const QJsonObject capability = reply.json();
    QCOMPARE(capability.value(QStringLiteral("resourceType")).toString(), QStringLiteral("CapabilityStatement"));
    QCOMPARE(capability.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(capability.value(QStringLiteral("kind")).toString(), QStringLiteral("instance"));
    QCOMPARE(capability.value(QStringLiteral("fhirVersion")).toString(), QStringLiteral("4.0.1"));
    QCOMPARE(capability.value(QStringLiteral("format")).toArray(), QJsonArray{QStringLiteral("json")});
    const QJsonObject patientResource = capability.value(QStringLiteral("rest")).toArray().first().toObject()
                                            .value(QStringLiteral("resource")).toArray().first().toObject();
    QCOMPARE(patientResource.value(QStringLiteral("type")).toString(), QStringLiteral("Patient"));
    QStringList interactions;
    for (const QJsonValue &value : patientResource.value(QStringLiteral("interaction")).toArray())
        interactions << value.toObject().value(QStringLiteral("code")).toString();
    QCOMPARE(interactions, (QStringList{QStringLiteral("read"), QStringLiteral("search-type")}));
    QStringList parameters;
    for (const QJsonValue &value : patientResource.value(QStringLiteral("searchParam")).toArray())
        parameters << value.toObject().value(QStringLiteral("name")).toString();
    QCOMPARE(parameters, (QStringList{QStringLiteral("name"), QStringLiteral("identifier"),
                                      QStringLiteral("birthdate"), QStringLiteral("gender")}));
}

void tst_HubServer::noticeWithoutLogin()
{
    const Reply reply = send("GET", QStringLiteral("/auth/notice"));
    QCOMPARE(reply.status, 200);
    const QString notice = reply.json().value(QStringLiteral("notice")).toString();
    QVERIFY(notice.contains(QStringLiteral("demo-doctor")));
    QVERIFY(notice.contains(kPassword));
    QVERIFY(notice.contains(QStringLiteral("デモ")));
}

void tst_HubServer::fhirWithoutTokenIs401_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("token");
    QTest::newRow("search, no token") << QStringLiteral("/fhir/Patient?name=yamada") << QString();
    QTest::newRow("read, no token") << QStringLiteral("/fhir/Patient/p00001") << QString();
    QTest::newRow("read, made-up token") << QStringLiteral("/fhir/Patient/p00001") << QString(43, QLatin1Char('x'));
    QTest::newRow("read, junk token") << QStringLiteral("/fhir/Patient/p00001") << QStringLiteral("' OR 1=1 --");
}

void tst_HubServer::fhirWithoutTokenIs401()
{
    QFETCH(QString, path);
    QFETCH(QString, token);
    const Reply reply = send("GET", path, {}, token);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.contentType, QByteArrayLiteral("application/fhir+json"));
    QCOMPARE(reply.json().value(QStringLiteral("resourceType")).toString(), QStringLiteral("OperationOutcome"));
    QCOMPARE(reply.issueCode(), QStringLiteral("login"));
    QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
}

void tst_HubServer::loginReturnsBearerToken()
{
    const Reply reply = login(QStringLiteral("demo-doctor"), kPassword);
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.json();
    const QString token = body.value(QStringLiteral("access_token")).toString();
    QVERIFY(token.size() >= 43);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(token).hasMatch());
    QVERIFY(token != m_token);
    QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QVERIFY(body.value(QStringLiteral("expires_in")).toInt() > 0);
    QCOMPARE(body.value(QStringLiteral("facility")).toString(), kClinic);
    QCOMPARE(body.value(QStringLiteral("facility_name")).toString(), QStringLiteral("あずみの内科クリニック"));
    QCOMPARE(body.value(QStringLiteral("user")).toString(), QStringLiteral("demo-doctor"));
    QCOMPARE(reply.header("Cache-Control"), QByteArrayLiteral("no-store"));
}

void tst_HubServer::wrongPasswordAndUnknownIdLookTheSame()
{
    const Reply wrong = login(QStringLiteral("demo-nurse"), QStringLiteral("not-the-password"));
    const Reply unknown = login(QStringLiteral("nobody-at-all"), QStringLiteral("not-the-password"));
    QCOMPARE(wrong.status, 400);
    QCOMPARE(unknown.status, 400);
    QCOMPARE(wrong.body, unknown.body);
    QCOMPARE(wrong.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QCOMPARE(wrong.json().value(QStringLiteral("error_code")).toString(), QStringLiteral("invalid_credentials"));
}

void tst_HubServer::fiveFailuresLock_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("existing ID") << QStringLiteral("hosp-staff");
    QTest::newRow("unknown ID") << QStringLiteral("ghost-user");
}

void tst_HubServer::fiveFailuresLock()
{
    QFETCH(QString, id);
    for (int attempt = 1; attempt <= 4; ++attempt) {
        const Reply reply = login(id, QStringLiteral("wrong password %1").arg(attempt));
        QCOMPARE(reply.status, 400);
    }
    const Reply fifth = login(id, QStringLiteral("wrong password 5"));
    QCOMPARE(fifth.status, 429);
    QCOMPARE(fifth.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QCOMPARE(fifth.json().value(QStringLiteral("error_code")).toString(), QStringLiteral("account_locked"));
    const int retryAfter = fifth.json().value(QStringLiteral("retry_after")).toInt();
    QVERIFY2(retryAfter > 0 && retryAfter <= 60, qPrintable(QString::number(retryAfter)));
    QCOMPARE(fifth.header("Retry-After").toInt(), retryAfter);

    // Locked: even the right password (for the existing ID) is refused.
    const Reply locked = login(id, kPassword);
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.json().value(QStringLiteral("error_code")).toString(), QStringLiteral("account_locked"));
}

void tst_HubServer::adminLockAndUnlock()
{
    // `user unlock` clears the throttle lock from fiveFailuresLock at once.
    QString error;
    m_hub.run({QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("--id"), QStringLiteral("hosp-staff")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(login(QStringLiteral("hosp-staff"), kPassword).status, 200);

    m_hub.run({QStringLiteral("user"), QStringLiteral("lock"), QStringLiteral("--id"), QStringLiteral("hosp-staff")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray users = m_hub.runJson({QStringLiteral("user"), QStringLiteral("list")}, &error);
    bool lockedListed = false;
    for (const QJsonValue &user : users)
        lockedListed |= user.toObject().value(QStringLiteral("id")).toString() == QLatin1String("hosp-staff")
            && user.toObject().value(QStringLiteral("locked")).toBool();
    QVERIFY(lockedListed);
    const Reply locked = login(QStringLiteral("hosp-staff"), kPassword);
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.json().value(QStringLiteral("error_code")).toString(), QStringLiteral("account_locked"));
    QVERIFY(!locked.json().contains(QStringLiteral("retry_after")));
    m_hub.run({QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("--id"), QStringLiteral("hosp-staff")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_HubServer::searchFindsConsentedPatient_data()
{
    QTest::addColumn<QString>("patientId");
    QTest::addColumn<QString>("name");

    // A consented patient other than p00001, to avoid leaning on the one hand-made entry.
    QStringList candidates(m_consented.cbegin(), m_consented.cend());
    candidates.sort();
    const QJsonObject chosen = patient(candidates.value(candidates.size() / 2));
    const QString id = chosen.value(QStringLiteral("id")).toString();
    const QString kanji = chosen.value(QStringLiteral("name")).toString();
    const QString kana = chosen.value(QStringLiteral("kana")).toString();
    const QString familyKana = kana.section(QLatin1Char(' '), 0, 0);

    QTest::newRow("kanji full name") << id << kanji;
    QTest::newRow("kanji with ideographic space") << id << QString(kanji).replace(QLatin1Char(' '), QChar(0x3000));
    QTest::newRow("kanji family name") << id << kanji.section(QLatin1Char(' '), 0, 0);
    QTest::newRow("katakana full") << id << kana;
    QTest::newRow("katakana without space") << id << QString(kana).remove(QLatin1Char(' '));
    QTest::newRow("hiragana") << id << toHiragana(kana);
    const QString halfWidth = toHalfWidthKana(familyKana);
    QVERIFY(std::all_of(halfWidth.cbegin(), halfWidth.cend(),
                        [](QChar c) { return c.unicode() >= 0xFF61 && c.unicode() <= 0xFF9F; }));
    QTest::newRow("half-width kana") << id << halfWidth;
    QTest::newRow("p00001 half-width ﾔﾏﾀﾞ") << QStringLiteral("p00001") << QStringLiteral("ﾔﾏﾀﾞ");
    QTest::newRow("p00001 hiragana やまだ") << QStringLiteral("p00001") << QStringLiteral("やまだ");
    QTest::newRow("p00001 katakana ヤマダ") << QStringLiteral("p00001") << QStringLiteral("ヤマダ");
    QTest::newRow("p00001 given name kanji") << QStringLiteral("p00001") << QStringLiteral("太郎");
}

void tst_HubServer::searchFindsConsentedPatient()
{
    QFETCH(QString, patientId);
    QFETCH(QString, name);
    QVERIFY(!m_token.isEmpty());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(name)));
    const QStringList ids = searchIds(query);
    QVERIFY2(ids.contains(patientId), qPrintable(name + QStringLiteral(" → ") + ids.join(QLatin1Char(','))));
    for (const QString &id : ids)
        QVERIFY2(m_consented.contains(id), qPrintable(id + QStringLiteral(" has no active consent")));
}

void tst_HubServer::searchResultShape()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("gender"), QStringLiteral("male"));
    query.addQueryItem(QStringLiteral("_count"), QStringLiteral("5"));
    const Reply reply = search(query);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArrayLiteral("application/fhir+json"));
    const QJsonObject bundle = reply.json();
    QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
    QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("searchset"));
    const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
    QCOMPARE(entries.size(), 5);
    int expectedTotal = 0;
    for (const QJsonValue &value : std::as_const(m_patients)) {
        const QJsonObject p = value.toObject();
        expectedTotal += m_consented.contains(p.value(QStringLiteral("id")).toString())
            && p.value(QStringLiteral("gender")).toString() == QLatin1String("male");
    }
    QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), expectedTotal);

    QString previousKana;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        QCOMPARE(entry.value(QStringLiteral("search")).toObject().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("match"));
        const QJsonObject resource = entry.value(QStringLiteral("resource")).toObject();
        const QString id = resource.value(QStringLiteral("id")).toString();
        const QJsonObject listed = patient(id);
        QCOMPARE(resource.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Patient"));
        QCOMPARE(resource.value(QStringLiteral("meta")).toObject().value(QStringLiteral("profile")).toArray(),
                 QJsonArray{QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient")});
        QCOMPARE(resource.value(QStringLiteral("gender")).toString(), QStringLiteral("male"));
        QCOMPARE(resource.value(QStringLiteral("birthDate")).toString(), listed.value(QStringLiteral("birthDate")).toString());

        const QJsonArray names = resource.value(QStringLiteral("name")).toArray();
        QCOMPARE(names.size(), 2);
        const QJsonObject ideographic = names.at(0).toObject();
        const QJsonObject syllabic = names.at(1).toObject();
        QCOMPARE(ideographic.value(QStringLiteral("extension")).toArray().first().toObject()
                     .value(QStringLiteral("valueCode")).toString(), QStringLiteral("IDE"));
        QCOMPARE(syllabic.value(QStringLiteral("extension")).toArray().first().toObject()
                     .value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"));
        QCOMPARE(syllabic.value(QStringLiteral("extension")).toArray().first().toObject()
                     .value(QStringLiteral("valueCode")).toString(), QStringLiteral("SYL"));
        QCOMPARE(ideographic.value(QStringLiteral("text")).toString(), listed.value(QStringLiteral("name")).toString());
        QCOMPARE(syllabic.value(QStringLiteral("text")).toString(), listed.value(QStringLiteral("kana")).toString());
        QCOMPARE(ideographic.value(QStringLiteral("family")).toString() + QLatin1Char(' ')
                     + ideographic.value(QStringLiteral("given")).toArray().first().toString(),
                 listed.value(QStringLiteral("name")).toString());

        // Identifiers: the network ID plus each facility's local ID with its assigner.
        const QJsonArray identifiers = resource.value(QStringLiteral("identifier")).toArray();
        QCOMPARE(identifiers.first().toObject().value(QStringLiteral("system")).toString(), QStringLiteral("urn:renkei:patient"));
        QCOMPARE(identifiers.first().toObject().value(QStringLiteral("value")).toString(), id);
        QCOMPARE(identifiers.size(), 1 + listed.value(QStringLiteral("identifiers")).toArray().size());
        for (const QJsonValue &local : listed.value(QStringLiteral("identifiers")).toArray()) {
            const QString facility = local.toObject().value(QStringLiteral("facility")).toString();
            bool found = false;
            for (const QJsonValue &identifier : identifiers) {
                const QJsonObject object = identifier.toObject();
                found |= object.value(QStringLiteral("system")).toString()
                        == QStringLiteral("urn:renkei:facility:%1:patient-id").arg(facility)
                    && object.value(QStringLiteral("value")).toString() == local.toObject().value(QStringLiteral("value")).toString()
                    && object.value(QStringLiteral("assigner")).toObject().value(QStringLiteral("reference")).toString()
                        == QStringLiteral("Organization/") + facility;
            }
            QVERIFY2(found, qPrintable(id + QLatin1Char(' ') + facility));
        }

        // Sorted by kana.
        const QString kana = listed.value(QStringLiteral("kana")).toString();
        QVERIFY2(previousKana.isEmpty() || previousKana.section(QLatin1Char(' '), 0, 0) <= kana.section(QLatin1Char(' '), 0, 0),
                 qPrintable(previousKana + QStringLiteral(" > ") + kana));
        previousKana = kana;
    }
}

void tst_HubServer::nonConsentedPatientIsInvisible()
{
    // One whose consent was withdrawn and one who never gave any.
    QStringList withdrawn(m_withdrawn.cbegin(), m_withdrawn.cend());
    withdrawn.sort();
    QStringList never;
    for (const QString &id : std::as_const(m_notConsented)) {
        if (!m_withdrawn.contains(id))
            never << id;
    }
    never.sort();
    QVERIFY(!withdrawn.isEmpty() && !never.isEmpty());
    for (const QString &id : {withdrawn.first(), never.first()}) {
        const QJsonObject hidden = patient(id);
        for (const QString &name : {hidden.value(QStringLiteral("name")).toString(),
                                    hidden.value(QStringLiteral("kana")).toString()}) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(name)));
            const QStringList ids = searchIds(query);
            QVERIFY2(!ids.contains(id), qPrintable(id));
            for (const QString &found : ids)
                QVERIFY(m_consented.contains(found));
        }
        QUrlQuery byId;
        byId.addQueryItem(QStringLiteral("identifier"), id);
        QCOMPARE(searchIds(byId), QStringList());

        const Reply read = send("GET", QStringLiteral("/fhir/Patient/") + id, {}, m_token);
        QCOMPARE(read.status, 404);
        QCOMPARE(read.issueCode(), QStringLiteral("not-found"));
        // Indistinguishable from a patient that does not exist at all.
        const Reply missing = send("GET", QStringLiteral("/fhir/Patient/p99999"), {}, m_token);
        QCOMPARE(missing.status, 404);
        QCOMPARE(QString::fromUtf8(read.body).replace(id, QStringLiteral("X")),
                 QString::fromUtf8(missing.body).replace(QStringLiteral("p99999"), QStringLiteral("X")));
    }
}

void tst_HubServer::filters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    // Expected results computed here from `patient list --json` and `consent list --json`.
    auto expect = [this](const std::function<bool(const QJsonObject &)> &matches) {
        QStringList ids;
        for (const QJsonValue &value : std::as_const(m_patients)) {
            const QJsonObject p = value.toObject();
            if (m_consented.contains(p.value(QStringLiteral("id")).toString()) && matches(p))
                ids << p.value(QStringLiteral("id")).toString();
        }
        ids.sort();
        return ids;
    };
    auto born = [](const QJsonObject &p) { return p.value(QStringLiteral("birthDate")).toString(); };

    QStringList consented(m_consented.cbegin(), m_consented.cend());
    consented.sort();
    const QJsonObject someone = patient(consented.value(3));
    const QString someoneId = someone.value(QStringLiteral("id")).toString();
    const QJsonObject local = someone.value(QStringLiteral("identifiers")).toArray().first().toObject();
    const QString localFacility = local.value(QStringLiteral("facility")).toString();
    const QString localValue = local.value(QStringLiteral("value")).toString();
    const QString birthDate = born(someone);

    QTest::newRow("identifier: network ID") << QStringLiteral("identifier=") + someoneId << QStringList{someoneId};
    QTest::newRow("identifier: network system|ID")
        << QStringLiteral("identifier=urn:renkei:patient%7C") + someoneId << QStringList{someoneId};
    QTest::newRow("identifier: local ID")
        << QStringLiteral("identifier=") + localValue
        << expect([&](const QJsonObject &p) {
               for (const QJsonValue &i : p.value(QStringLiteral("identifiers")).toArray())
                   if (i.toObject().value(QStringLiteral("value")).toString() == localValue)
                       return true;
               return false;
           });
    QTest::newRow("identifier: facility system|local ID")
        << QStringLiteral("identifier=urn:renkei:facility:%1:patient-id%7C%2").arg(localFacility, localValue)
        << QStringList{someoneId};
    QTest::newRow("identifier: unknown system") << QStringLiteral("identifier=urn:other%7C") + someoneId << QStringList();
    QTest::newRow("birthdate: exact day") << QStringLiteral("birthdate=") + birthDate
                                          << expect([&](const QJsonObject &p) { return born(p) == birthDate; });
    QTest::newRow("birthdate: month") << QStringLiteral("birthdate=") + birthDate.left(7)
                                      << expect([&](const QJsonObject &p) { return born(p).startsWith(birthDate.left(7)); });
    QTest::newRow("birthdate: ge1950 & le1959")
        << QStringLiteral("birthdate=ge1950&birthdate=le1959")
        << expect([&](const QJsonObject &p) { return born(p) >= QLatin1String("1950-01-01") && born(p) <= QLatin1String("1959-12-31"); });
    QTest::newRow("birthdate: gt2000-06")
        << QStringLiteral("birthdate=gt2000-06")
        << expect([&](const QJsonObject &p) { return born(p) > QLatin1String("2000-06-30"); });
    QTest::newRow("birthdate: lt1940-02-15")
        << QStringLiteral("birthdate=lt1940-02-15")
        << expect([&](const QJsonObject &p) { return born(p) < QLatin1String("1940-02-15"); });
    QTest::newRow("gender: female")
        << QStringLiteral("gender=female")
        << expect([](const QJsonObject &p) { return p.value(QStringLiteral("gender")).toString() == QLatin1String("female"); });
    QTest::newRow("gender + birthdate")
        << QStringLiteral("gender=male&birthdate=le1945")
        << expect([&](const QJsonObject &p) {
               return p.value(QStringLiteral("gender")).toString() == QLatin1String("male")
                   && born(p) <= QLatin1String("1945-12-31");
           });
}

void tst_HubServer::filters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    // Every row but the unknown system must expect someone, or the row proves nothing.
    QVERIFY(!expected.isEmpty() || query.contains(QStringLiteral("urn:other")));
    QStringList ids = searchIds(QUrlQuery(query));
    ids.sort();
    QCOMPARE(ids, expected);
}

void tst_HubServer::withdrawalIsEffectiveOnNextRequest()
{
    QStringList consented(m_consented.cbegin(), m_consented.cend());
    consented.sort();
    const QString id = consented.value(7);
    QUrlQuery byId;
    byId.addQueryItem(QStringLiteral("identifier"), id);
    QCOMPARE(searchIds(byId), QStringList{id});
    QCOMPARE(send("GET", QStringLiteral("/fhir/Patient/") + id, {}, m_token).status, 200);

    QString error;
    m_hub.run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), id,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QCOMPARE(searchIds(byId), QStringList());
    QCOMPARE(send("GET", QStringLiteral("/fhir/Patient/") + id, {}, m_token).status, 404);

    m_hub.run({QStringLiteral("consent"), QStringLiteral("grant"), QStringLiteral("--patient"), id,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(searchIds(byId), QStringList{id});
}

void tst_HubServer::badInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("withToken");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // error_code (auth) or OperationOutcome issue code

    const QByteArray big = "{\"id\":\"demo-doctor\",\"password\":\"" + QByteArray(100 * 1024, 'a') + "\"}";
    QTest::newRow("login: malformed JSON") << QByteArray("POST") << QStringLiteral("/auth/login")
                                           << QByteArray("{\"id\": \"demo-doctor\", ") << false << 400 << QStringLiteral("malformed_request");
    QTest::newRow("login: password not a string") << QByteArray("POST") << QStringLiteral("/auth/login")
                                                  << QByteArray("{\"id\":\"demo-doctor\",\"password\":123}") << false << 400 << QStringLiteral("malformed_request");
    QTest::newRow("login: JSON array") << QByteArray("POST") << QStringLiteral("/auth/login")
                                       << QByteArray("[\"demo-doctor\"]") << false << 400 << QStringLiteral("malformed_request");
    QTest::newRow("login: 100 KiB body") << QByteArray("POST") << QStringLiteral("/auth/login") << big << false << 413
                                         << QStringLiteral("body_too_large");
    QTest::newRow("FHIR: 100 KiB body") << QByteArray("POST") << QStringLiteral("/fhir/Patient") << big << true << 413
                                        << QStringLiteral("too-long");
    QTest::newRow("unknown parameter") << QByteArray("GET") << QStringLiteral("/fhir/Patient?foo=bar") << QByteArray() << true
                                       << 400 << QStringLiteral("not-supported");
    QTest::newRow("modifier not supported") << QByteArray("GET") << QStringLiteral("/fhir/Patient?name:exact=x") << QByteArray()
                                            << true << 400 << QStringLiteral("not-supported");
    QTest::newRow("no criteria") << QByteArray("GET") << QStringLiteral("/fhir/Patient") << QByteArray() << true << 400
                                 << QStringLiteral("invalid");
    QTest::newRow("birthdate: month 13") << QByteArray("GET") << QStringLiteral("/fhir/Patient?birthdate=1950-13")
                                         << QByteArray() << true << 400 << QStringLiteral("invalid");
    QTest::newRow("birthdate: Feb 30") << QByteArray("GET") << QStringLiteral("/fhir/Patient?birthdate=1950-02-30")
                                       << QByteArray() << true << 400 << QStringLiteral("invalid");
    QTest::newRow("birthdate: bad prefix") << QByteArray("GET") << QStringLiteral("/fhir/Patient?birthdate=xx1950")
                                           << QByteArray() << true << 400 << QStringLiteral("invalid");
    QTest::newRow("gender: bad value") << QByteArray("GET") << QStringLiteral("/fhir/Patient?gender=m") << QByteArray()
                                       << true << 400 << QStringLiteral("invalid");
    QTest::newRow("_count: 0") << QByteArray("GET") << QStringLiteral("/fhir/Patient?gender=male&_count=0") << QByteArray()
                               << true << 400 << QStringLiteral("invalid");
    QTest::newRow("_count: 201") << QByteArray("GET") << QStringLiteral("/fhir/Patient?gender=male&_count=201") << QByteArray()
                                 << true << 400 << QStringLiteral("invalid");
    QTest::newRow("_count: text") << QByteArray("GET") << QStringLiteral("/fhir/Patient?gender=male&_count=ten") << QByteArray()
                                  << true << 400 << QStringLiteral("invalid");
    QTest::newRow("empty name") << QByteArray("GET") << QStringLiteral("/fhir/Patient?name=") << QByteArray() << true << 400
                                << QStringLiteral("invalid");
    QTest::newRow("invalid UTF-8") << QByteArray("GET") << QStringLiteral("/fhir/Patient?name=%FF%FE") << QByteArray() << true
                                   << 400 << QStringLiteral("invalid");
    QTest::newRow("wrong method on search") << QByteArray("DELETE") << QStringLiteral("/fhir/Patient?name=x") << QByteArray()
                                            << true << 405 << QStringLiteral("not-supported");
    QTest::newRow("wrong method on read") << QByteArray("PUT") << QStringLiteral("/fhir/Patient/p00001") << QByteArray("{}")
                                          << true << 405 << QStringLiteral("not-supported");
    QTest::newRow("wrong method on login") << QByteArray("GET") << QStringLiteral("/auth/login") << QByteArray() << false
                                           << 405 << QStringLiteral("not-supported");
    QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/nowhere") << QByteArray() << false << 404
                                  << QStringLiteral("not-found");
    QTest::newRow("unknown resource type") << QByteArray("GET") << QStringLiteral("/fhir/Medication") << QByteArray() << true
                                           << 404 << QStringLiteral("not-found");
    QTest::newRow("path below read") << QByteArray("GET") << QStringLiteral("/fhir/Patient/p00001/_history") << QByteArray()
                                     << true << 404 << QStringLiteral("not-found");
}

void tst_HubServer::badInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(bool, withToken);
    QFETCH(int, status);
    QFETCH(QString, code);

    const Reply reply = send(method, path, body, withToken ? m_token : QString());
    QVERIFY2(reply.networkError.isEmpty(), qPrintable(reply.networkError));
    QCOMPARE(reply.status, status);
    const QJsonObject json = reply.json();
    if (json.contains(QStringLiteral("error_code")))
        QCOMPARE(json.value(QStringLiteral("error_code")).toString(), code);
    else
        QCOMPARE(reply.issueCode(), code);
    if (status == 405)
        QVERIFY(!reply.header("Allow").isEmpty());
}

void tst_HubServer::sqlMetacharactersFindNothing()
{
    for (const QString &name : {QStringLiteral("'; DROP TABLE patients;--"), QStringLiteral("%"),
                                QStringLiteral("_"), QStringLiteral("\\"), QStringLiteral("\" OR 1=1 --")}) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(name)));
        const Reply reply = search(query);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), 0);
        QVERIFY(reply.json().value(QStringLiteral("entry")).toArray().isEmpty());
    }
    // Still answering, with the data intact.
    QUrlQuery yamada;
    yamada.addQueryItem(QStringLiteral("name"), QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("山田 太郎"))));
    QVERIFY(searchIds(yamada).contains(QStringLiteral("p00001")));
    QString error;
    QCOMPARE(m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error).size(), m_patients.size());
}

void tst_HubServer::logoutRevokesToken()
{
    const Reply loggedIn = login(QStringLiteral("demo-nurse"), kPassword);
    QCOMPARE(loggedIn.status, 200);
    const QString token = loggedIn.json().value(QStringLiteral("access_token")).toString();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("identifier"), QStringLiteral("p00001"));
    QCOMPARE(search(query, token).status, 200);

    QCOMPARE(send("POST", QStringLiteral("/auth/logout"), {}, token).status, 204);
    QCOMPARE(search(query, token).status, 401);
    QCOMPARE(send("GET", QStringLiteral("/fhir/Patient/p00001"), {}, token).status, 401);
    const Reply again = send("POST", QStringLiteral("/auth/logout"), {}, token);
    QCOMPARE(again.status, 401);
    QCOMPARE(again.json().value(QStringLiteral("resourceType")).toString(), QStringLiteral("OperationOutcome"));
    // The other session is untouched.
    QCOMPARE(search(query).status, 200);
}

void tst_HubServer::auditTrail()
{
    QString error;
    const QJsonArray rows = m_hub.runJson({QStringLiteral("audit"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    auto count = [&](const QString &action, const QString &outcome, const QString &user, const QString &patient = {}) {
        int n = 0;
        for (const QJsonValue &value : rows) {
            const QJsonObject row = value.toObject();
            n += row.value(QStringLiteral("action")).toString() == action
                && row.value(QStringLiteral("outcome")).toString() == outcome
                && row.value(QStringLiteral("user")).toString() == user
                && (patient.isEmpty() || row.value(QStringLiteral("patient")).toString() == patient);
        }
        return n;
    };
    QVERIFY(count(QStringLiteral("login"), QStringLiteral("success"), QStringLiteral("demo-doctor")) >= 1);
    QVERIFY(count(QStringLiteral("login"), QStringLiteral("failure"), QStringLiteral("demo-nurse")) >= 1);
    QVERIFY(count(QStringLiteral("login"), QStringLiteral("failure"), QStringLiteral("ghost-user")) >= 6);
    QVERIFY(count(QStringLiteral("login"), QStringLiteral("failure"), QStringLiteral("hosp-staff")) >= 6);
    QVERIFY(count(QStringLiteral("search"), QStringLiteral("success"), QStringLiteral("demo-doctor")) >= 10);
    QVERIFY(count(QStringLiteral("search"), QStringLiteral("failure"), QStringLiteral("demo-doctor")) >= 5);
    QVERIFY(count(QStringLiteral("read"), QStringLiteral("failure"), QStringLiteral("demo-doctor"), QStringLiteral("p99999")) >= 1);
    QVERIFY(count(QStringLiteral("logout"), QStringLiteral("success"), QStringLiteral("demo-nurse")) == 1);

    QJsonObject read;
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        if (row.value(QStringLiteral("action")).toString() == QLatin1String("read")
            && row.value(QStringLiteral("outcome")).toString() == QLatin1String("success"))
            read = row;
    }
    QVERIFY(!read.isEmpty());
    QCOMPARE(read.value(QStringLiteral("facility")).toString(), kClinic);
    QVERIFY(!read.value(QStringLiteral("patient")).toString().isEmpty());
    QVERIFY(QDateTime::fromString(read.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(read.value(QStringLiteral("time")).toString().endsWith(QLatin1Char('Z')));

    // Search rows carry the query.
    bool searchDetail = false;
    for (const QJsonValue &value : rows)
        searchDetail |= value.toObject().value(QStringLiteral("detail")).toString().contains(QStringLiteral("DROP TABLE"));
    QVERIFY(searchDetail);

    const QByteArray verified = m_hub.run({QStringLiteral("audit"), QStringLiteral("verify")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(verified.contains("intact"));
}

void tst_HubServer::oldTlsRefused()
{
    const QString openssl = opensslPath();
    if (openssl.isEmpty())
        QSKIP("openssl command not found");
    auto handshake = [&](const QStringList &extra, QByteArray *output) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(openssl, QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                           QStringLiteral("127.0.0.1:%1").arg(m_hub.port()),
                                           QStringLiteral("-servername"), QStringLiteral("localhost")}
                                   + extra);
        process.closeWriteChannel();
        if (!process.waitForFinished(30'000)) {
            process.kill();
            process.waitForFinished();
            return -1;
        }
        *output = process.readAll();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };

    QByteArray old;
    const int oldExit = handshake({QStringLiteral("-tls1_1"), QStringLiteral("-cipher"),
                                   QStringLiteral("DEFAULT:@SECLEVEL=0")}, &old);
    QVERIFY2(oldExit != 0, old.constData());
    // The server itself refused: it answered with a protocol_version alert (RFC 8446 §6.2).
    QVERIFY2(old.contains("alert protocol version"), old.constData());

    // Positive control: the same command with TLS 1.2, verifying the chain and the IP SAN.
    QByteArray modern;
    const int modernExit = handshake({QStringLiteral("-tls1_2"), QStringLiteral("-CAfile"), m_hub.caFile(),
                                      QStringLiteral("-verify_return_error"), QStringLiteral("-verify_ip"),
                                      QStringLiteral("127.0.0.1")}, &modern);
    QVERIFY2(modernExit == 0, modern.constData());
    QVERIFY2(modern.contains("Verify return code: 0 (ok)"), modern.constData());
    QVERIFY2(modern.contains("TLSv1.2"), modern.constData());
}

void tst_HubServer::qtVerifiesServerCertificate()
{
    QSslSocket socket;
    socket.setSslConfiguration(trustDemoCaOnly());
    QList<QSslError> errors;
    connect(&socket, &QSslSocket::sslErrors, &socket, [&errors](const QList<QSslError> &list) { errors += list; });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_hub.port());
    QVERIFY2(socket.waitForEncrypted(15'000), qPrintable(socket.errorString()));
    QVERIFY(errors.isEmpty());
    QVERIFY(socket.sslHandshakeErrors().isEmpty());
    QVERIFY(socket.sessionProtocol() == QSsl::TlsV1_2 || socket.sessionProtocol() == QSsl::TlsV1_3);
    QCOMPARE(socket.peerCertificateChain().constLast().isSelfSigned() || socket.peerCertificateChain().size() == 1, true);

    // And a verifying client that does not trust the demo CA must refuse the hub.
    QSslSocket stranger;
    QSslConfiguration systemOnly = QSslConfiguration::defaultConfiguration();
    systemOnly.setCaCertificates({});
    stranger.setSslConfiguration(systemOnly);
    stranger.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_hub.port());
    QVERIFY(!stranger.waitForEncrypted(15'000));
    QVERIFY(!stranger.sslHandshakeErrors().isEmpty());
}

void tst_HubServer::certificateFiles()
{
    const QDir dir(m_hub.dataDir());
    for (const QString &key : {QStringLiteral("ca.key"), QStringLiteral("server.key")}) {
        const QFileDevice::Permissions permissions = QFile::permissions(dir.filePath(key));
        QCOMPARE(permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }

    const QString openssl = opensslPath();
    if (openssl.isEmpty())
        QSKIP("openssl command not found");
    auto run = [&](const QStringList &arguments) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(openssl, arguments);
        process.waitForFinished(30'000);
        return QString::fromUtf8(process.readAll());
    };
    const QString verify = run({QStringLiteral("verify"), QStringLiteral("-CAfile"), dir.filePath(QStringLiteral("ca.pem")),
                                dir.filePath(QStringLiteral("server.pem"))});
    QVERIFY2(verify.contains(QStringLiteral(": OK")), qPrintable(verify));

    const QString ca = run({QStringLiteral("x509"), QStringLiteral("-in"), dir.filePath(QStringLiteral("ca.pem")),
                            QStringLiteral("-noout"), QStringLiteral("-text")});
    QVERIFY2(ca.contains(QStringLiteral("CA:TRUE")), qPrintable(ca));
    QVERIFY2(ca.contains(QStringLiteral("Certificate Sign")), qPrintable(ca));
    QVERIFY2(ca.contains(QStringLiteral("sha256WithRSAEncryption")) || ca.contains(QStringLiteral("ecdsa-with-SHA256")), qPrintable(ca));

    const QString server = run({QStringLiteral("x509"), QStringLiteral("-in"), dir.filePath(QStringLiteral("server.pem")),
                                QStringLiteral("-noout"), QStringLiteral("-text")});
    QVERIFY2(server.contains(QStringLiteral("DNS:localhost")), qPrintable(server));
    QVERIFY2(server.contains(QStringLiteral("IP Address:127.0.0.1")), qPrintable(server));
    QVERIFY2(server.contains(QStringLiteral("IP Address:0:0:0:0:0:0:0:1")), qPrintable(server));
    QVERIFY2(server.contains(QStringLiteral("TLS Web Server Authentication")), qPrintable(server));
    QVERIFY2(server.contains(QStringLiteral("CA:FALSE")), qPrintable(server));
    QVERIFY2(server.contains(QStringLiteral("P-256")) || server.contains(QStringLiteral("2048 bit")), qPrintable(server));
}

void tst_HubServer::demoRefusesToOverwrite()
{
    QString error;
    m_hub.run({QStringLiteral("demo")}, &error);
    QVERIFY(error.contains(QStringLiteral("exit 1")));
    QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    // The running hub's data is untouched.
    QCOMPARE(m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error).size(), m_patients.size());
}

QTEST_GUILESS_MAIN(tst_HubServer)
#include "tst_hubserver.moc"
