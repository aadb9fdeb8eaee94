#pragma once

#include "tokens.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <optional>

class AuditLog;
class Store;

/// `/fhir/metadata`, `/fhir/Patient` search and `/fhir/Patient/{id}` read
/// (docs/PROTOCOL.md "FHIR R4"). Every patient query is filtered by consent in SQL.
class FhirEndpoints
{
public:
    FhirEndpoints(Store &store, TokenStore &tokens, AuditLog &audit, QDateTime startedAt);

    QHttpServerResponse metadata(const QHttpServerRequest &request);
    QHttpServerResponse searchPatients(const QHttpServerRequest &request);
    QHttpServerResponse readPatient(const QString &id, const QHttpServerRequest &request);

private:
    /// The session, or the response to send instead (401, or 500 on a store failure).
    std::optional<QHttpServerResponse> authenticate(const QHttpServerRequest &request,
                                                    TokenStore::Session &session);
    void audit(const TokenStore::Session &session, const QString &action, const QString &patient,
               const QString &detail, bool ok);

    Store &m_store;
    TokenStore &m_tokens;
    AuditLog &m_audit;
    QDateTime m_startedAt;
};
