#pragma once

#include "authenticator.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>

#include <optional>

class AuditLog;
class LoginQueue;
class Store;
class TokenStore;

/// `/auth/login`, `/auth/logout`, `/auth/notice` (docs/PROTOCOL.md "Authentication").
class AuthEndpoints
{
public:
    AuthEndpoints(Store &store, LoginQueue &logins, TokenStore &tokens, AuditLog &audit);

    /// Answers later, once the password is checked on the login pool (see LoginQueue).
    void login(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    QHttpServerResponse logout(const QHttpServerRequest &request);
    QHttpServerResponse notice(const QHttpServerRequest &request);

private:
    /// Reads ID and password from a login request; or the answer refusing a malformed one.
    std::optional<QHttpServerResponse> readCredentials(const QHttpServerRequest &request,
                                                       QString *loginId, QString *password);
    QHttpServerResponse loginResponse(const QString &loginId,
                                      const Result<Authenticator::Attempt> &attempt);

    Store &m_store;
    LoginQueue &m_logins;
    TokenStore &m_tokens;
    AuditLog &m_audit;
};
