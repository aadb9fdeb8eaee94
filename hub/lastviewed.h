#pragma once

#include "clock.h"
#include "result.h"
#include "tokens.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>

#include <optional>

class AuditLog;
class Store;

/// `GET /fhir/Patient/{id}/$last-viewed` (docs/PROTOCOL.md "New since my last view"): when
/// the requesting user last opened this patient's record, read from the audit trail the hub
/// keeps anyway (the latest successful `everything` row of that user and patient). The viewer
/// asks before it fetches the record, so the answer is the previous view, and marks what the
/// hub stored since as new, without keeping anything about the patient on the clinic PC.
class LastViewed
{
public:
    LastViewed(Store &store, TokenStore &tokens, AuditLog &audit);

    QHttpServerResponse handle(const QString &patient, const QHttpServerRequest &request);

    /// The time of \a user's latest successful `$everything` of \a patient, if any.
    static Result<std::optional<QDateTime>> previousView(const Store &store, const QString &user,
                                                         const QString &patient);
    /// A FHIR Parameters resource: `patient` (valueReference), and `lastViewed`
    /// (valueInstant) only when there was a view.
    static QJsonObject parameters(const QString &patient, const std::optional<QDateTime> &time);

private:
    Store &m_store;
    TokenStore &m_tokens;
    AuditLog &m_audit;
};
