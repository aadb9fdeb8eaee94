#include "authendpoints.h"

#include "audit.h"
#include "authenticator.h"
#include "facilities.h"
#include "httpsupport.h"
#include "store.h"
#include "tokens.h"

#include <QJsonDocument>
#include <QJsonObject>
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

AuthEndpoints::AuthEndpoints(Store &store, Authenticator &authenticator, TokenStore &tokens,
                             AuditLog &audit)
    : m_store(store)
    , m_authenticator(authenticator)
    , m_tokens(tokens)
    , m_audit(audit)
{
}

QHttpServerResponse AuthEndpoints::login(const QHttpServerRequest &request)
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
    const QString loginId = idValue.toString();

    const auto attempt = m_authenticator.login(loginId, passwordValue.toString());
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
