// DocumentFetch against an in-test TLS server: a DocumentReference's Binary is fetched,
// decoded off the GUI thread into CDA / PDF / text, cached encrypted, and every failure is a
// HubError value. The CDA is the hub's own demo discharge summary (hub/demodocuments.h).

#include "cannedhttpsserver.h"
#include "../../hub/demodocuments.h" // the demo network's discharge summaries
#include "documentfetch.h"
#include "encryptedcache.h"
#include "hubsession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using Response = CannedHttpsServer::Response;

namespace {

QByteArray demoCda()
{
    const QTimeZone jst(9 * 3600);
    return DemoDocuments::dischargeSummaryCda(
        {QStringLiteral("hosp-matsumoto"), QStringLiteral("松本市立総合病院"), QStringLiteral("0001234"),
         QStringLiteral("山田"), QStringLiteral("太郎"), QStringLiteral("male"), QStringLiteral("1948-03-02"),
         QStringLiteral("高橋"), QStringLiteral("誠"), QDateTime(QDate(2024, 11, 28), QTime(10, 0), jst),
         QDateTime(QDate(2024, 12, 4), QTime(11, 0), jst), QDateTime(QDate(2024, 12, 4), QTime(13, 0), jst)});
}

QByteArray binary(const QString &id, const QString &contentType, const QByteArray &bytes)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Binary")},
                                     {QStringLiteral("id"), id},
                                     {QStringLiteral("contentType"), contentType},
                                     {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}})
        .toJson(QJsonDocument::Compact);
}

ClinicalRecord documentReference(const QString &url, const QString &contentType)
{
    const QJsonObject attachment{{QStringLiteral("contentType"), contentType}, {QStringLiteral("url"), url}};
    const QJsonObject resource{
        {QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
        {QStringLiteral("id"), QStringLiteral("doc-1")},
        {QStringLiteral("date"), QStringLiteral("2024-12-04T13:00:00+09:00")},
        {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("attachment"), attachment}}}}};
    return parseClinicalRecord(resource);
}

} // namespace

class tst_DocumentFetch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cdaDischargeSummary();
    void textAndPdf_data();
    void textAndPdf();
    void errors_data();
    void errors();
    void foreignUrlIsNeverFetched();
    void cachedDocumentIsReadBackWithoutTheHub();

private:
    DocumentContent fetch(const ClinicalRecord &record, HubError *error = nullptr);

    std::unique_ptr<CannedHttpsServer> m_server;
    std::unique_ptr<HubSession> m_session;
    std::unique_ptr<DocumentFetch> m_fetch;
};

void tst_DocumentFetch::initTestCase()
{
    qRegisterMetaType<HubError>();
    qRegisterMetaType<DocumentContent>();
}

void tst_DocumentFetch::init()
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
    m_fetch = std::make_unique<DocumentFetch>(m_session.get());
}

void tst_DocumentFetch::cleanup()
{
    m_fetch.reset();
    m_session.reset();
    m_server.reset();
}

DocumentContent tst_DocumentFetch::fetch(const ClinicalRecord &record, HubError *error)
{
    QSignalSpy finished(m_fetch.get(), &DocumentFetch::finished);
    QSignalSpy failed(m_fetch.get(), &DocumentFetch::failed);
    m_fetch->start(record);
    // Answers always come after start() returned.
    if (!finished.isEmpty() || !failed.isEmpty())
        qFatal("synchronous answer");
    if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 20000))
        return {};
    if (!failed.isEmpty()) {
        if (error)
            *error = failed.at(0).at(0).value<HubError>();
        return {};
    }
    return finished.at(0).at(0).value<DocumentContent>();
}

void tst_DocumentFetch::cdaDischargeSummary()
{
    m_server->setResponse("/fhir/Binary/doc-2", {200, binary(QStringLiteral("doc-2"), QStringLiteral("text/xml"), demoCda()),
                                                 "application/fhir+json", {}});
    const DocumentContent content = fetch(documentReference(QStringLiteral("Binary/doc-2"), QStringLiteral("text/xml")));
    QCOMPARE(content.format, DocumentContent::Format::Cda);
    QVERIFY2(content.cda.isValid(), qPrintable(content.cda.error));
    QCOMPARE(content.cda.title, QStringLiteral("退院時サマリー"));
    QCOMPARE(content.cda.sections.size(), 4);
    QCOMPARE(content.cda.sections.at(3).title, QString::fromUtf8(DemoDocuments::kSections[3]));
    QCOMPARE(content.bytes, demoCda());
    QCOMPARE(m_server->requests().last().headers.value("authorization"), QByteArray("Bearer tok"));
}

void tst_DocumentFetch::textAndPdf_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("text");
    QTest::newRow("utf-8 text") << "text/plain; charset=utf-8" << QStringLiteral("経過良好。").toUtf8()
                                << int(DocumentContent::Format::Text) << QStringLiteral("経過良好。");
    QTest::newRow("text without charset") << "text/plain" << QStringLiteral("退院。").toUtf8()
                                          << int(DocumentContent::Format::Text) << QStringLiteral("退院。");
    QTest::newRow("pdf") << "application/pdf" << QByteArray("%PDF-1.4\n%…") << int(DocumentContent::Format::Pdf) << QString();
    QTest::newRow("unknown type") << "image/tiff" << QByteArray("II*\0", 4) << int(DocumentContent::Format::Unsupported)
                                  << QString();
}

void tst_DocumentFetch::textAndPdf()
{
    QFETCH(QString, contentType);
    QFETCH(QByteArray, bytes);
    QFETCH(int, format);
    QFETCH(QString, text);
    m_server->setResponse("/fhir/Binary/doc-3", {200, binary(QStringLiteral("doc-3"), contentType, bytes), "application/fhir+json", {}});
    const DocumentContent content = fetch(documentReference(QStringLiteral("Binary/doc-3"), contentType));
    QCOMPARE(int(content.format), format);
    QCOMPARE(content.bytes, bytes);
    QCOMPARE(content.text, text);
}

void tst_DocumentFetch::errors_data()
{
    QTest::addColumn<Response>("response");
    QTest::addColumn<int>("kind");
    QTest::newRow("not visible") << Response{404, R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]})", "application/fhir+json", {}}
                                 << int(HubError::Kind::NotFound);
    QTest::newRow("token expired") << Response{401, R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login"}]})", "application/fhir+json", {}}
                                   << int(HubError::Kind::SessionExpired);
    QTest::newRow("not json") << Response{200, "<html>", "text/html", {}} << int(HubError::Kind::ProtocolError);
    QTest::newRow("not a Binary") << Response{200, R"({"resourceType":"Patient"})", "application/fhir+json", {}}
                                  << int(HubError::Kind::ProtocolError);
    QTest::newRow("bad base64") << Response{200, R"({"resourceType":"Binary","contentType":"text/plain","data":"@@@"})", "application/fhir+json", {}}
                                << int(HubError::Kind::ProtocolError);
}

void tst_DocumentFetch::errors()
{
    QFETCH(Response, response);
    QFETCH(int, kind);
    m_server->setResponse("/fhir/Binary/doc-4", response);
    HubError error;
    fetch(documentReference(QStringLiteral("Binary/doc-4"), QStringLiteral("text/plain")), &error);
    QCOMPARE(hubErrorKindName(error.kind), hubErrorKindName(HubError::Kind(kind)));
    QVERIFY(!error.message.isEmpty());
}

void tst_DocumentFetch::foreignUrlIsNeverFetched()
{
    const int before = int(m_server->requests().size());
    HubError error;
    fetch(documentReference(QStringLiteral("https://evil.example/Binary/x"), QStringLiteral("text/plain")), &error);
    QCOMPARE(error.kind, HubError::Kind::ProtocolError);
    QCOMPARE(int(m_server->requests().size()), before);
}

void tst_DocumentFetch::cachedDocumentIsReadBackWithoutTheHub()
{
    QTemporaryDir parent;
    EncryptedCache cache;
    QString error;
    QVERIFY(cache.open(&error, parent.path()));
    m_fetch->setCache(&cache);
    m_server->setResponse("/fhir/Binary/doc-5", {200, binary(QStringLiteral("doc-5"), QStringLiteral("text/xml"), demoCda()),
                                                 "application/fhir+json", {}});
    const ClinicalRecord record = documentReference(QStringLiteral("Binary/doc-5"), QStringLiteral("text/xml"));
    QCOMPARE(fetch(record).format, DocumentContent::Format::Cda);
    QVERIFY(cache.contains(QStringLiteral("Binary/doc-5")));
    // The hub forgets the document; the second look comes from the encrypted cache.
    m_server->setResponse("/fhir/Binary/doc-5", {500, "gone", "text/plain", {}});
    const int before = int(m_server->requests().size());
    const DocumentContent again = fetch(record);
    QCOMPARE(again.format, DocumentContent::Format::Cda);
    QCOMPARE(again.cda.sections.size(), 4);
    QCOMPARE(int(m_server->requests().size()), before);
    m_fetch->setCache(nullptr);
}

QTEST_MAIN(tst_DocumentFetch)
#include "tst_documentfetch.moc"
