#include "hubserver.h"

#include "dicomwebendpoints.h"
#include "httpsupport.h"
#include "lastviewed.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <memory>

namespace {

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    return file.readAll();
}

} // namespace

HubServer::HubServer(Store &store, Clock clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_authenticator(store, clock)
    , m_logins(m_authenticator)
    , m_tokens(store, clock)
    , m_audit(store, clock)
    , m_auth(store, m_logins, m_tokens, m_audit)
    , m_fhir(store, m_tokens, m_audit, clock())
{
    addRoutes();
}

void HubServer::addRoutes()
{
    using Method = QHttpServerRequest::Method;
    // Every method is routed to the handler, which answers 405 itself: QHttpServer would
    // otherwise treat a wrong method as an unknown path.
    m_server.route(QStringLiteral("/auth/login"), Method::AnyKnown,
                   [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                       m_auth.login(request, std::move(responder));
                   });
    m_server.route(QStringLiteral("/auth/logout"), Method::AnyKnown,
                   [this](const QHttpServerRequest &request) { return m_auth.logout(request); });
    m_server.route(QStringLiteral("/auth/notice"), Method::AnyKnown,
                   [this](const QHttpServerRequest &request) { return m_auth.notice(request); });
    m_server.route(QStringLiteral("/fhir/metadata"), Method::AnyKnown,
                   [this](const QHttpServerRequest &request) { return m_fhir.metadata(request); });
    m_server.route(QStringLiteral("/fhir/Patient"), Method::AnyKnown,
                   [this](const QHttpServerRequest &request) {
                       return m_fhir.searchPatients(request);
                   });
    m_server.route(QStringLiteral("/fhir/Patient/<arg>"), Method::AnyKnown,
                   [this](const QString &id, const QHttpServerRequest &request) {
                       return m_fhir.readPatient(id, request);
                   });
    auto lastViewed = std::make_shared<LastViewed>(m_store, m_tokens, m_audit);
    m_server.route(QStringLiteral("/fhir/Patient/<arg>/<arg>"), Method::AnyKnown,
                   [this, lastViewed](const QString &id, const QString &operation, const QHttpServerRequest &request) {
                       if (operation == QLatin1String("$last-viewed"))
                           return lastViewed->handle(id, request);
                       if (operation != QLatin1String("$everything"))
                           return Http::bodyTooLarge(request) ? Http::bodyTooLargeOutcome() : Http::notFound(request);
                       return m_fhir.everything(id, request);
                   });
    m_server.route(QStringLiteral("/fhir/Organization"), Method::AnyKnown,
                   [this](const QHttpServerRequest &request) { return m_fhir.searchOrganizations(request); });
    m_server.route(QStringLiteral("/fhir/Organization/<arg>"), Method::AnyKnown,
                   [this](const QString &id, const QHttpServerRequest &request) {
                       return m_fhir.readOrganization(id, request);
                   });
    m_server.route(QStringLiteral("/audit/print"), Method::AnyKnown,
                   [this](const QHttpServerRequest &request) { return m_fhir.recordExport(request); });
    // Clinical record types; the handlers answer 404 for a type the hub does not serve.
    m_server.route(QStringLiteral("/fhir/<arg>"), Method::AnyKnown,
                   [this](const QString &type, const QHttpServerRequest &request) {
                       return m_fhir.searchRecords(type, request);
                   });
    m_server.route(QStringLiteral("/fhir/<arg>/<arg>"), Method::AnyKnown,
                   [this](const QString &type, const QString &id, const QHttpServerRequest &request) {
                       return m_fhir.readRecord(type, id, request);
                   });
    // DICOMweb paths have up to eight segments; rather than a route per depth, everything
    // under /dicomweb/ reaches its dispatcher from here.
    auto *dicomweb = new DicomWebEndpoints(m_store, m_tokens, m_audit, this);
    m_server.setMissingHandler([dicomweb](const QHttpServerRequest &request,
                                          QHttpServerResponder &&responder) {
        const QString path = request.url().path();
        if (path.startsWith(QLatin1String("/dicomweb/")) && !Http::bodyTooLarge(request)) {
            dicomweb->handle(path.mid(10).split(QLatin1Char('/'), Qt::SkipEmptyParts), request, std::move(responder));
            return;
        }
        const QHttpServerResponse response = Http::bodyTooLarge(request)
            ? Http::bodyTooLargeOutcome()
            : Http::notFound(request);
        response.write(std::move(responder));
    });
}

Result<QSslConfiguration> HubServer::tlsConfiguration(const QString &certificateFile,
                                                      const QString &keyFile)
{
    const auto certificatePem = readFile(certificateFile);
    if (!certificatePem)
        return Failure{certificatePem.error()};
    const auto keyPem = readFile(keyFile);
    if (!keyPem)
        return Failure{keyPem.error()};

    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (chain.isEmpty())
        return Failure{QStringLiteral("%1 holds no PEM certificate").arg(certificateFile)};
    QSslKey key(*keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        return Failure{QStringLiteral("%1 holds no usable EC or RSA private key").arg(keyFile)};

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    // TLS 1.0/1.1 are deprecated (RFC 8996) and refused by the MHLW guideline.
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients log in with tokens
    return configuration;
}

Result<quint16> HubServer::listen(const QHostAddress &address, quint16 port,
                                  const QSslConfiguration &tls)
{
    m_server.sslSetup(tls);
    const quint16 bound = m_server.listen(address, port);
    if (bound == 0) {
        // QHttpServer discards its failed socket; a probe on the same address recovers why.
        QTcpServer probe;
        const QString reason = probe.listen(address, port) ? QStringLiteral("unknown error")
                                                           : probe.errorString();
        return Failure{QStringLiteral("cannot listen on %1:%2: %3")
                           .arg(address.toString())
                           .arg(port)
                           .arg(reason)};
    }
    return bound;
}
