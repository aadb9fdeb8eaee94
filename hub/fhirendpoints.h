#pragma once

#include "tokens.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <optional>

class AuditLog;
class Store;

/// The `/fhir/` endpoints of docs/PROTOCOL.md "FHIR R4": metadata, Patient search and read,
/// clinical record search/read, `$everything` and Organization. Every patient query is
/// filtered by consent (and records by disclosure) in SQL.
class FhirEndpoints
{
public:
    FhirEndpoints(Store &store, TokenStore &tokens, AuditLog &audit, QDateTime startedAt);

    QHttpServerResponse metadata(const QHttpServerRequest &request);
    QHttpServerResponse searchPatients(const QHttpServerRequest &request);
    QHttpServerResponse readPatient(const QString &id, const QHttpServerRequest &request);

    // Clinical records and facilities (fhirrecordendpoints.cpp): consent and disclosure are
    // joined in SQL by VisibleRecords.
    QHttpServerResponse searchRecords(const QString &type, const QHttpServerRequest &request);
    QHttpServerResponse readRecord(const QString &type, const QString &id, const QHttpServerRequest &request);
    QHttpServerResponse everything(const QString &patient, const QHttpServerRequest &request);
    QHttpServerResponse searchOrganizations(const QHttpServerRequest &request);
    QHttpServerResponse readOrganization(const QString &id, const QHttpServerRequest &request);
    // Consent (consentendpoints.cpp): the user's facility's consents, from the consent table.
    QHttpServerResponse searchConsents(const QHttpServerRequest &request);
    QHttpServerResponse readConsent(const QString &id, const QHttpServerRequest &request);
    /// `POST /audit/print`: the viewer reports a print or PDF export of a patient's records.
    QHttpServerResponse recordExport(const QHttpServerRequest &request);

private:
    /// The session, or the response to send instead (401, or 500 on a store failure).
    std::optional<QHttpServerResponse> authenticate(const QHttpServerRequest &request,
                                                    TokenStore::Session &session);
    /// Size, method (GET only) and login checks every record endpoint starts with.
    std::optional<QHttpServerResponse> admitGet(const QHttpServerRequest &request,
                                                TokenStore::Session &session);
    void audit(const TokenStore::Session &session, const QString &action, const QString &patient,
               const QString &detail, bool ok);

    Store &m_store;
    TokenStore &m_tokens;
    AuditLog &m_audit;
    QDateTime m_startedAt;
};
