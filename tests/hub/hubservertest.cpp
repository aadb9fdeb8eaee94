#include "hubservertest.h"

#include <QEventLoop>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTest>

void HubServerTest::initTestCase()
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

void HubServerTest::cleanupTestCase()
{
    m_hub.stop();
}

QSslConfiguration HubServerTest::trustDemoCaOnly() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(m_hub.caFile()));
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

HubServerTest::Reply HubServerTest::send(const QByteArray &method, const QString &pathAndQuery,
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

HubServerTest::Reply HubServerTest::login(const QString &id, const QString &password)
{
    return send("POST", QStringLiteral("/auth/login"),
                QJsonDocument(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("password"), password}})
                    .toJson(QJsonDocument::Compact));
}

HubServerTest::Reply HubServerTest::search(const QUrlQuery &query, const QString &token)
{
    return send("GET", QStringLiteral("/fhir/Patient?") + query.toString(QUrl::FullyEncoded),
                {}, token.isEmpty() ? m_token : token);
}

QStringList HubServerTest::searchIds(const QUrlQuery &query)
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

QJsonObject HubServerTest::patient(const QString &id) const
{
    for (const QJsonValue &value : m_patients) {
        if (value.toObject().value(QStringLiteral("id")).toString() == id)
            return value.toObject();
    }
    return {};
}
