#pragma once

#include "audit.h"
#include "authendpoints.h"
#include "authenticator.h"
#include "clock.h"
#include "loginqueue.h"
#include "fhirendpoints.h"
#include "result.h"
#include "tokens.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslConfiguration>

class Store;

/// The hub's HTTPS front: TLS 1.2+ only, the routes of docs/PROTOCOL.md, OperationOutcome 404
/// for everything else. Requests are handled on the thread that owns this object.
class HubServer : public QObject
{
    Q_OBJECT

public:
    HubServer(Store &store, Clock clock, QObject *parent = nullptr);

    /// Loads the certificate and key (PEM) into a TLS configuration that refuses < TLS 1.2.
    static Result<QSslConfiguration> tlsConfiguration(const QString &certificateFile,
                                                      const QString &keyFile);

    /// Starts listening; returns the port actually bound (useful with port 0).
    Result<quint16> listen(const QHostAddress &address, quint16 port,
                           const QSslConfiguration &tls);

private:
    void addRoutes();

    Store &m_store;
    Clock m_clock;
    Authenticator m_authenticator;
    LoginQueue m_logins;
    TokenStore m_tokens;
    AuditLog m_audit;
    AuthEndpoints m_auth;
    FhirEndpoints m_fhir;
    QHttpServer m_server;
};
