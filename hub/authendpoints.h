#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

class AuditLog;
class Authenticator;
class Store;
class TokenStore;

/// `/auth/login`, `/auth/logout`, `/auth/notice` (docs/PROTOCOL.md "Authentication").
class AuthEndpoints
{
public:
    AuthEndpoints(Store &store, Authenticator &authenticator, TokenStore &tokens, AuditLog &audit);

    QHttpServerResponse login(const QHttpServerRequest &request);
    QHttpServerResponse logout(const QHttpServerRequest &request);
    QHttpServerResponse notice(const QHttpServerRequest &request);

private:
    Store &m_store;
    Authenticator &m_authenticator;
    TokenStore &m_tokens;
    AuditLog &m_audit;
};
