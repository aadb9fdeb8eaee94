#include "authendpoints.h"

#include "audit.h"
#include "facilities.h"
#include "httpsupport.h"
#include "loginqueue.h"
#include "store.h"
#include "tokens.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QtDebug>

namespace {

// Longer IDs are no one's; refusing them keeps junk out of the throttle table.
constexpr qsizetype kMaxLoginIdLength = 256;
constexpr qsizetype kMaxPasswordLength = 4096;

QHttpServerResponse oauthError(Http::Status status, const QString &error, const QString &code,
                               const QString &description)
{
    QHttpServerResponse response = Http::json(
        QJsonObject{{QStringLiteral("error"), error},
                    {QStringLiteral("error_code"), code},
                    {QStringLiteral("error_description"), description}},
        status);
    response.setHeader(QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache"));
    return response;
}

QHttpServerResponse lockedResponse(qint64 retryAfter)
{
    QJsonObject body{{QStringLiteral("error"), QStringLiteral("invalid_grant")},
                     {QStringLiteral("error_code"), QStringLiteral("account_locked")},
                     {QStringLiteral("error_description"),
                      QStringLiteral("Too many failed logins or the account is locked")}};
    if (retryAfter > 0)
        body.insert(QStringLiteral("retry_after"), retryAfter);
    QHttpServerResponse response = Http::json(body, Http::Status::TooManyRequests);
    if (retryAfter > 0)
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter));
    return response;
}

void logAuditFailure(const Status &status)
{
    if (!status)
        qWarning().noquote() << "renkei-hub: audit write failed:" << status.error();
}

} // namespace

AuthEndpoints::AuthEndpoints(Store &store, LoginQueue &logins, TokenStore &tokens,
                             AuditLog &audit)
    : m_store(store)
    , m_logins(logins)
    , m_tokens(tokens)
    , m_audit(audit)
{
}

void AuthEndpoints::login(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    QString loginId;
    QString password;
    if (const std::optional<QHttpServerResponse> refused = readCredentials(request, &loginId, &password)) {
        refused->write(std::move(responder));
        return;
    }

    // The responder is kept until the hash is checked. It points at the socket, which Qt
    // deletes if the client hangs up meanwhile: then the login is still concluded (the
    // throttle must count it) but nothing is written.
    QPointer<QTcpSocket> socket = responder.socket();
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    const bool queued = m_logins.submit(
        loginId, password,
        [this, loginId, socket, pending](const Result<Authenticator::Attempt> &attempt) {
            const QHttpServerResponse response = loginResponse(loginId, attempt);
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                response.write(std::move(*pending));
        });
    if (!queued) {
        qWarning().noquote() << "renkei-hub: login refused," << LoginQueue::kMaxPending
                             << "logins already pending";
        QHttpServerResponse busy = oauthError(Http::Status::ServiceUnavailable,
                                              QStringLiteral("temporarily_unavailable"),
                                              QStringLiteral("busy"),
                                              QStringLiteral("Too many logins at once; try again"));
        busy.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
        busy.write(std::move(*pending));
    }
}

std::optional<QHttpServerResponse> AuthEndpoints::readCredentials(const QHttpServerRequest &request,
                                                                  QString *loginId, QString *password)
{
    if (Http::bodyTooLarge(request))
        return oauthError(Http::Status::PayloadTooLarge, QStringLiteral("invalid_request"),
                          QStringLiteral("body_too_large"),
                          QStringLiteral("Request body larger than 64 KiB"));
    if (request.method() != QHttpServerRequest::Method::Post)
        return Http::methodNotAllowed(request, QByteArrayLiteral("POST"));

    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    const QJsonObject body = document.object();
    const QJsonValue idValue = body.value(QStringLiteral("id"));
    const QJsonValue passwordValue = body.value(QStringLiteral("password"));
    if (!document.isObject() || !idValue.isString() || !passwordValue.isString()
        || idValue.toString().size() > kMaxLoginIdLength
        || passwordValue.toString().size() > kMaxPasswordLength) {
        logAuditFailure(m_audit.append({{}, {}, QStringLiteral("login"), {},
                                        QStringLiteral("malformed request"), QStringLiteral("failure")}));
        return oauthError(Http::Status::BadRequest, QStringLiteral("invalid_request"),
                          QStringLiteral("malformed_request"),
                          QStringLiteral("Expected a JSON object with string 'id' and 'password'"));
    }
    *loginId = idValue.toString();
    *password = passwordValue.toString();
    return std::nullopt;
}

QHttpServerResponse AuthEndpoints::loginResponse(const QString &loginId,
                                                 const Result<Authenticator::Attempt> &attempt)
{
    if (!attempt) {
        qWarning().noquote() << "renkei-hub: login failed internally:" << attempt.error();
        return Http::internalError();
    }

    switch (attempt->outcome) {
    case Authenticator::Outcome::Success:
        break;
    case Authenticator::Outcome::InvalidCredentials:
        logAuditFailure(m_audit.append({loginId, attempt->facility, QStringLiteral("login"), {},
                                        attempt->reason, QStringLiteral("failure")}));
        return oauthError(Http::Status::BadRequest, QStringLiteral("invalid_grant"),
                          QStringLiteral("invalid_credentials"),
                          QStringLiteral("Unknown ID or wrong password"));
    case Authenticator::Outcome::Locked:
    case Authenticator::Outcome::AdminLocked:
        logAuditFailure(m_audit.append({loginId, attempt->facility, QStringLiteral("login"), {},
                                        attempt->reason, QStringLiteral("failure")}));
        return lockedResponse(attempt->retryAfterSeconds);
    }

    const auto token = m_tokens.issue(loginId);
    const auto facility = FacilityRepository(m_store).find(attempt->facility);
    if (!token || !facility || !facility->has_value()) {
        qWarning().noquote() << "renkei-hub: cannot open a session:"
                             << (token ? facility.error() : token.error());
        return Http::internalError();
    }
    logAuditFailure(m_audit.append({loginId, attempt->facility, QStringLiteral("login"), {}, {},
                                    QStringLiteral("success")}));

    QHttpServerResponse response = Http::json(
        QJsonObject{{QStringLiteral("access_token"), *token},
                    {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                    {QStringLiteral("expires_in"), TokenStore::kIdleSeconds},
                    {QStringLiteral("facility"), attempt->facility},
                    {QStringLiteral("facility_name"), (*facility)->name},
                    {QStringLiteral("user"), loginId}},
        Http::Status::Ok);
    response.setHeader(QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache"));
    return response;
}

QHttpServerResponse AuthEndpoints::logout(const QHttpServerRequest &request)
{
    if (Http::bodyTooLarge(request))
        return Http::bodyTooLargeOutcome();
    if (request.method() != QHttpServerRequest::Method::Post)
        return Http::methodNotAllowed(request, QByteArrayLiteral("POST"));

    const QString token = Http::bearerToken(request);
    const auto session = m_tokens.validate(token);
    if (!session) {
        qWarning().noquote() << "renkei-hub: logout failed internally:" << session.error();
        return Http::internalError();
    }
    if (!session->has_value())
        return Http::unauthorized(QStringLiteral("Unknown, expired or revoked token"));

    const auto revoked = m_tokens.revoke(token);
    if (!revoked) {
        qWarning().noquote() << "renkei-hub: logout failed internally:" << revoked.error();
        return Http::internalError();
    }
    logAuditFailure(m_audit.append({(*session)->user, (*session)->facility,
                                    QStringLiteral("logout"), {}, {}, QStringLiteral("success")}));
    QHttpServerResponse response(Http::Status::NoContent);
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

QHttpServerResponse AuthEndpoints::notice(const QHttpServerRequest &request)
{
    if (Http::bodyTooLarge(request))
        return Http::bodyTooLargeOutcome();
    if (request.method() != QHttpServerRequest::Method::Get)
        return Http::methodNotAllowed(request, QByteArrayLiteral("GET"));
    const auto text = m_store.setting(QStringLiteral("login_notice"));
    if (!text) {
        qWarning().noquote() << "renkei-hub: cannot read the notice:" << text.error();
        return Http::internalError();
    }
    return Http::json(QJsonObject{{QStringLiteral("notice"), *text}}, Http::Status::Ok);
}
