// HubSession against a real TLS server started by the test: certificate checks and the
// mapping of the hub's login answers (docs/PROTOCOL.md) to HubError kinds.

#include "cannedhttpsserver.h"
#include "hubsession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using Response = CannedHttpsServer::Response;

class tst_HubSessionErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void untrustedCertificateIsRefused();
    void trustedCertificateLogsIn();
    void loginErrors_data();
    void loginErrors();
    void closedPortIsUnreachable();
    void nonHttpsUrlIsRefused();
    void noticeIsFetched();
    void logoutRevokesAndForgets();

private:
    /// Logs \a session in with canned credentials and returns the single signal outcome.
    HubError attemptLogin(HubSession &session);

    std::unique_ptr<CannedHttpsServer> m_server;
};

void tst_HubSessionErrors::initTestCase()
{
    qRegisterMetaType<HubError>();
}

void tst_HubSessionErrors::init()
{
    m_server = std::make_unique<CannedHttpsServer>();
    const QString error = m_server->createCertificate();
    if (error == QLatin1String("openssl not found"))
        QSKIP("openssl is not installed");
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_server->listen());
}

void tst_HubSessionErrors::cleanup()
{
    m_server.reset();
}

HubError tst_HubSessionErrors::attemptLogin(HubSession &session)
{
    QSignalSpy succeeded(&session, &HubSession::loginSucceeded);
    QSignalSpy failed(&session, &HubSession::loginFailed);
    session.login(QStringLiteral("demo-doctor"), QStringLiteral("correct horse battery"));
    // Nothing may be reported synchronously: callers set up their busy state after login().
    if (!succeeded.isEmpty() || !failed.isEmpty())
        qWarning("login() reported synchronously");
    if (!QTest::qWaitFor([&] { return succeeded.size() + failed.size() > 0; }, 20000))
        return {HubError::Kind::None, QStringLiteral("timeout"), -1, {}};
    if (!succeeded.isEmpty())
        return {};
    return failed.first().first().value<HubError>();
}

void tst_HubSessionErrors::untrustedCertificateIsRefused()
{
    m_server->setResponse("/auth/login", {200, R"({"access_token":"x","token_type":"Bearer"})", "application/json", {}});
    HubSession session;
    session.setNetworkUrl(m_server->baseUrl());

    const HubError error = attemptLogin(session);
    QCOMPARE(hubErrorKindName(error.kind), QStringLiteral("UntrustedCertificate"));
    QVERIFY2(error.message.contains(QLatin1String("not trusted")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("self-signed")), qPrintable(error.message));
    QVERIFY(!error.detail.isEmpty());
    QVERIFY(!session.isLoggedIn());
    // The password never left the machine: no handshake completed, no request arrived.
    QCOMPARE(m_server->encryptedConnections(), 0);
    QVERIFY(m_server->requests().isEmpty());
}

void tst_HubSessionErrors::trustedCertificateLogsIn()
{
    const QByteArray token = "k3Jx2bq0oVwq3Dk9yJ7m8o2LZy4pQ1wE5rT6uY7iO8p";
    QJsonObject answer{{"access_token", QString::fromLatin1(token)}, {"token_type", "Bearer"},
                       {"expires_in", 900}, {"facility", "clinic-azumino"},
                       {"facility_name", QStringLiteral("あずみの内科クリニック")},
                       {"user", "demo-doctor"}};
    m_server->setResponse("/auth/login", {200, QJsonDocument(answer).toJson(), "application/json", {}});

    HubSession session;
    session.setNetworkUrl(m_server->baseUrl());
    QString caError;
    QVERIFY2(session.setCaCertificatesFile(m_server->certificateFile(), &caError),
             qPrintable(caError));

    const HubError error = attemptLogin(session);
    QCOMPARE(hubErrorKindName(error.kind), QStringLiteral("None"));
    QVERIFY(session.isLoggedIn());
    QCOMPARE(session.userId(), QStringLiteral("demo-doctor"));
    QCOMPARE(session.facilityId(), QStringLiteral("clinic-azumino"));
    QCOMPARE(session.facilityName(), QStringLiteral("あずみの内科クリニック"));
    QCOMPARE(session.tokenLifetimeSeconds(), 900);

    QCOMPARE(m_server->requests().size(), 1);
    const CannedHttpsServer::Request request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/auth/login"));
    QVERIFY(request.headers.value("content-type").startsWith("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value("id").toString(), QStringLiteral("demo-doctor"));
    QCOMPARE(body.value("password").toString(), QStringLiteral("correct horse battery"));
}

void tst_HubSessionErrors::loginErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfterHeader");
    QTest::addColumn<QString>("expectedKind");
    QTest::addColumn<int>("expectedRetryAfter");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("invalid credentials")
        << 400
        << QByteArray(R"({"error":"invalid_grant","error_code":"invalid_credentials","error_description":"x"})")
        << QByteArray() << "WrongCredentials" << -1 << "incorrect";
    QTest::newRow("account locked with retry_after")
        << 429
        << QByteArray(R"({"error":"invalid_grant","error_code":"account_locked","retry_after":120})")
        << QByteArray("120") << "AccountLocked" << 120 << "2 minute";
    QTest::newRow("account locked, less than a minute")
        << 429
        << QByteArray(R"({"error":"invalid_grant","error_code":"account_locked","retry_after":45})")
        << QByteArray() << "AccountLocked" << 45 << "1 minute";
    QTest::newRow("account locked, header only")
        << 429 << QByteArray(R"({"error":"invalid_grant","error_code":"account_locked"})")
        << QByteArray("240") << "AccountLocked" << 240 << "4 minute";
    QTest::newRow("locked by administrator")
        << 429 << QByteArray(R"({"error":"invalid_grant","error_code":"account_locked"})")
        << QByteArray() << "AccountLocked" << -1 << "administrator";
    QTest::newRow("malformed request")
        << 400 << QByteArray(R"({"error":"invalid_request","error_code":"malformed_request"})")
        << QByteArray() << "ProtocolError" << -1 << "unexpected";
    QTest::newRow("non-JSON 200") << 200 << QByteArray("<html>proxy login page</html>")
                                  << QByteArray() << "ProtocolError" << -1 << "unexpected";
    QTest::newRow("JSON without token") << 200 << QByteArray(R"({"token_type":"Bearer"})")
                                        << QByteArray() << "ProtocolError" << -1 << "unexpected";
    QTest::newRow("JSON array") << 200 << QByteArray("[1,2]") << QByteArray() << "ProtocolError"
                                << -1 << "unexpected";
    // What the hub answers when 64 logins are already being checked (hub/loginqueue.h).
    QTest::newRow("hub busy with logins")
        << 503
        << QByteArray(R"({"error":"temporarily_unavailable","error_code":"busy","error_description":"x"})")
        << QByteArray("1") << "ServerError" << -1 << "logging in right now";
    QTest::newRow("server error") << 503 << QByteArray(R"({"error":"busy"})") << QByteArray()
                                  << "ServerError" << -1 << "try again later";
}

void tst_HubSessionErrors::loginErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfterHeader);
    QFETCH(QString, expectedKind);
    QFETCH(int, expectedRetryAfter);
    QFETCH(QString, messageContains);

    Response response{status, body, "application/json", {}};
    if (!retryAfterHeader.isEmpty())
        response.headers.append({"Retry-After", retryAfterHeader});
    m_server->setResponse("/auth/login", response);

    HubSession session;
    session.setNetworkUrl(m_server->baseUrl());
    QVERIFY(session.setCaCertificatesFile(m_server->certificateFile(), nullptr));

    const HubError error = attemptLogin(session);
    QCOMPARE(hubErrorKindName(error.kind), expectedKind);
    QCOMPARE(error.retryAfterSeconds, expectedRetryAfter);
    QVERIFY2(error.message.contains(messageContains, Qt::CaseInsensitive),
             qPrintable(error.message));
    QVERIFY(!session.isLoggedIn());
    QCOMPARE(m_server->requests().size(), 1);
}

void tst_HubSessionErrors::closedPortIsUnreachable()
{
    QUrl url = m_server->baseUrl();
    url.setPort(CannedHttpsServer::closedPort());
    HubSession session;
    session.setNetworkUrl(url);

    const HubError error = attemptLogin(session);
    QCOMPARE(hubErrorKindName(error.kind), QStringLiteral("Unreachable"));
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.detail.isEmpty());
}

void tst_HubSessionErrors::nonHttpsUrlIsRefused()
{
    QUrl url = m_server->baseUrl();
    url.setScheme(QStringLiteral("http"));
    HubSession session;
    session.setNetworkUrl(url);
    const HubError error = attemptLogin(session);
    QCOMPARE(hubErrorKindName(error.kind), QStringLiteral("Unreachable"));
    QVERIFY(error.message.contains(QLatin1String("https://")));
    QVERIFY(m_server->requests().isEmpty());
}

void tst_HubSessionErrors::noticeIsFetched()
{
    m_server->setResponse("/auth/notice", {200, R"({"notice":"デモ用ID: demo-doctor"})", "application/json", {}});
    HubSession session;
    session.setNetworkUrl(m_server->baseUrl());
    QVERIFY(session.setCaCertificatesFile(m_server->certificateFile(), nullptr));
    QSignalSpy received(&session, &HubSession::noticeReceived);
    session.fetchNotice();
    QVERIFY(received.wait(20000));
    QCOMPARE(received.first().first().toString(), QStringLiteral("デモ用ID: demo-doctor"));
}

void tst_HubSessionErrors::logoutRevokesAndForgets()
{
    m_server->setResponse("/auth/login", {200, R"({"access_token":"tok123","token_type":"Bearer","expires_in":900,"facility":"f","facility_name":"F","user":"u"})", "application/json", {}});
    m_server->setResponse("/auth/logout", {204, {}, "application/json", {}});
    HubSession session;
    session.setNetworkUrl(m_server->baseUrl());
    QVERIFY(session.setCaCertificatesFile(m_server->certificateFile(), nullptr));
    QCOMPARE(hubErrorKindName(attemptLogin(session).kind), QStringLiteral("None"));

    QSignalSpy loggedOut(&session, &HubSession::loggedOut);
    session.logout();
    QVERIFY(!session.isLoggedIn());
    QVERIFY(loggedOut.wait(20000));
    QCOMPARE(loggedOut.size(), 1);
    QCOMPARE(m_server->requests().size(), 2);
    const CannedHttpsServer::Request request = m_server->requests().at(1);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/auth/logout"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tok123"));
}

QTEST_GUILESS_MAIN(tst_HubSessionErrors)
#include "tst_hubsession_errors.moc"
