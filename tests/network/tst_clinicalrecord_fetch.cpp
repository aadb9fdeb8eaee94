// EverythingFetch against an in-test TLS server: pages arrive one by one, errors become
// HubError values, next links never leave the hub.

#include "cannedhttpsserver.h"
#include "everythingfetch.h"
#include "hubsession.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using Response = CannedHttpsServer::Response;

namespace {

const QByteArray kFirstPath = "/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=200";
const QByteArray kSecondPath = "/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=30&_page=2";
// The next link as the fetch follows it: later pages are asked 1000 at a time, the rest of
// the link (order included) unchanged.
const QByteArray kSecondRequest = "/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=1000&_page=2";

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(RENKEI_SOURCE_DIR "/tests/network/data/everything/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

class tst_EverythingFetch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pagesArriveInOrder();
    void errors_data();
    void errors();
    void foreignNextLinkIsRefused();
    void cancelSilencesTheFetch();

private:
    /// page1.json with its next link pointing at \a base instead of https://hub.test.
    QByteArray firstPage(const QByteArray &base) const;

    std::unique_ptr<CannedHttpsServer> m_server;
    std::unique_ptr<HubSession> m_session;
};

void tst_EverythingFetch::initTestCase()
{
    qRegisterMetaType<HubError>();
    qRegisterMetaType<QList<ClinicalRecord>>();
}

void tst_EverythingFetch::init()
{
    m_server = std::make_unique<CannedHttpsServer>();
    const QString error = m_server->createCertificate();
    if (error == QLatin1String("openssl not found"))
        QSKIP("openssl is not installed");
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_server->listen());
    m_server->setResponse("/auth/login", {200, R"({"access_token":"tok","token_type":"Bearer","expires_in":900})", "application/json", {}});
    m_session = std::make_unique<HubSession>();
    m_session->setNetworkUrl(m_server->baseUrl());
    QString caError;
    QVERIFY(m_session->setCaCertificatesFile(m_server->certificateFile(), &caError));
    QSignalSpy loggedIn(m_session.get(), &HubSession::loginSucceeded);
    m_session->login(QStringLiteral("demo-doctor"), QStringLiteral("secret"));
    QVERIFY(loggedIn.wait(20000));
}

void tst_EverythingFetch::cleanup()
{
    m_session.reset();
    m_server.reset();
}

QByteArray tst_EverythingFetch::firstPage(const QByteArray &base) const
{
    QByteArray body = readData(QStringLiteral("page1.json"));
    body.replace("\"url\": \"https://hub.test/fhir/Patient/pdfd8a9d0c02cf48f/$everything?_count=30&_page=2\"",
                 "\"url\": \"" + base + kSecondPath + "\"");
    return body;
}

void tst_EverythingFetch::pagesArriveInOrder()
{
    QByteArray base = m_server->baseUrl().toString().toUtf8();
    while (base.endsWith('/'))
        base.chop(1);
    m_server->setResponse(kFirstPath, {200, firstPage(base), "application/fhir+json", {}});
    m_server->setResponse(kSecondRequest, {200, readData(QStringLiteral("page2.json")), "application/fhir+json", {}});

    EverythingFetch fetch(m_session.get());
    QSignalSpy patient(&fetch, &EverythingFetch::patientArrived);
    QSignalSpy pages(&fetch, &EverythingFetch::pageArrived);
    QSignalSpy finished(&fetch, &EverythingFetch::finished);
    QSignalSpy failed(&fetch, &EverythingFetch::failed);
    fetch.start(QStringLiteral("pdfd8a9d0c02cf48f"));
    QVERIFY(fetch.isBusy());
    QVERIFY(finished.wait(20000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(patient.size(), 1);
    QCOMPARE(pages.size(), 2);
    QCOMPARE(pages.at(0).at(0).value<QList<ClinicalRecord>>().size(), 29);
    QCOMPARE(pages.at(1).at(0).value<QList<ClinicalRecord>>().size(), 26);
    QCOMPARE(fetch.total(), 56);
    QCOMPARE(fetch.received(), 55);
    QVERIFY(!fetch.isBusy());
    const QList<CannedHttpsServer::Request> requests = m_server->requests();
    QCOMPARE(requests.last().path, kSecondRequest);
    QCOMPARE(requests.last().headers.value("authorization"), QByteArray("Bearer tok"));
}

void tst_EverythingFetch::errors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<HubError::Kind>("kind");
    QTest::addColumn<bool>("sessionExpired");

    QTest::newRow("404 consent withdrawn") << 404
        << QByteArray(R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]})")
        << HubError::Kind::NotFound << false;
    QTest::newRow("401 token expired") << 401 << QByteArray("{}") << HubError::Kind::SessionExpired << true;
    QTest::newRow("500") << 500 << QByteArray("{}") << HubError::Kind::ServerError << false;
    QTest::newRow("not a bundle") << 200 << QByteArray(R"({"resourceType":"Patient"})")
        << HubError::Kind::ProtocolError << false;
}

void tst_EverythingFetch::errors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    m_server->setResponse(kFirstPath, {status, body, "application/fhir+json", {}});
    EverythingFetch fetch(m_session.get());
    QSignalSpy failed(&fetch, &EverythingFetch::failed);
    QSignalSpy expired(m_session.get(), &HubSession::sessionExpired);
    fetch.start(QStringLiteral("pdfd8a9d0c02cf48f"));
    QVERIFY(failed.wait(20000));
    const HubError error = failed.first().first().value<HubError>();
    QTEST(error.kind, "kind");
    QVERIFY(!error.message.isEmpty());
    if (error.kind == HubError::Kind::NotFound)
        QVERIFY2(error.message.contains(QLatin1String("consent")), qPrintable(error.message));
    QFETCH(bool, sessionExpired);
    QCOMPARE(expired.size(), sessionExpired ? 1 : 0);
}

void tst_EverythingFetch::foreignNextLinkIsRefused()
{
    m_server->setResponse(kFirstPath, {200, firstPage("https://elsewhere.example"), "application/fhir+json", {}});
    EverythingFetch fetch(m_session.get());
    QSignalSpy pages(&fetch, &EverythingFetch::pageArrived);
    QSignalSpy failed(&fetch, &EverythingFetch::failed);
    fetch.start(QStringLiteral("pdfd8a9d0c02cf48f"));
    QVERIFY(failed.wait(20000));
    QCOMPARE(pages.size(), 1); // the first page is still shown
    QCOMPARE(failed.first().first().value<HubError>().kind, HubError::Kind::ProtocolError);
}

void tst_EverythingFetch::cancelSilencesTheFetch()
{
    m_server->setResponse(kFirstPath, {200, readData(QStringLiteral("page2.json")), "application/fhir+json", {}});
    EverythingFetch fetch(m_session.get());
    QSignalSpy pages(&fetch, &EverythingFetch::pageArrived);
    QSignalSpy finished(&fetch, &EverythingFetch::finished);
    QSignalSpy failed(&fetch, &EverythingFetch::failed);
    fetch.start(QStringLiteral("pdfd8a9d0c02cf48f"));
    fetch.cancel();
    QVERIFY(!fetch.isBusy());
    QTest::qWait(500);
    QCOMPARE(pages.size() + finished.size() + failed.size(), 0);
}

QTEST_GUILESS_MAIN(tst_EverythingFetch)
#include "tst_clinicalrecord_fetch.moc"
