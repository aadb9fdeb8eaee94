#include "lastviewed.h"

#include "audit.h"
#include "facilities.h"
#include "httpsupport.h"
#include "patientrepository.h"
#include "store.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QtDebug>

LastViewed::LastViewed(Store &store, TokenStore &tokens, AuditLog &audit)
    : m_store(store)
    , m_tokens(tokens)
    , m_audit(audit)
{
}

Result<std::optional<QDateTime>> LastViewed::previousView(const Store &store, const QString &user,
                                                          const QString &patient)
{
    // seq orders the rows as written; the chain makes it trustworthy.
    auto query = store.exec(QStringLiteral("SELECT time FROM audit WHERE user_id = ? AND patient = ? "
                                           "AND action = 'everything' AND outcome = 'success' "
                                           "ORDER BY seq DESC LIMIT 1"),
                            {user, patient});
    if (!query)
        return Failure{query.error()};
    if (!query->next())
        return std::optional<QDateTime>();
    QDateTime time = QDateTime::fromString(query->value(0).toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return Failure{QStringLiteral("unreadable audit time: %1").arg(query->value(0).toString())};
    return std::optional<QDateTime>(time.toUTC());
}

QJsonObject LastViewed::parameters(const QString &patient, const std::optional<QDateTime> &time)
{
    // Never viewed is the absence of lastViewed; the patient is always named, so the answer
    // is never an empty Parameters.
    QJsonArray parameter{QJsonObject{{QStringLiteral("name"), QStringLiteral("patient")},
                                     {QStringLiteral("valueReference"),
                                      QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + patient}}}}};
    if (time) {
        parameter.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("lastViewed")},
                                     {QStringLiteral("valueInstant"), Store::timeText(*time)}});
    }
    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Parameters")},
                       {QStringLiteral("parameter"), parameter}};
}

QHttpServerResponse LastViewed::handle(const QString &patient, const QHttpServerRequest &request)
{
    TokenStore::Session session;
    if (auto refused = Http::admitGet(m_tokens, request, session))
        return std::move(*refused);
    if (!request.query().isEmpty())
        return Http::outcome(Http::Status::BadRequest, QStringLiteral("not-supported"),
                             QStringLiteral("$last-viewed takes no parameters"));

    const auto notFound = [&] {
        return Http::outcome(Http::Status::NotFound, QStringLiteral("not-found"),
                             QStringLiteral("Patient/%1 not found").arg(patient));
    };
    const auto audit = [&](bool ok, const QString &detail) {
        const Status written = m_audit.append({session.user, session.facility, QStringLiteral("read"), patient,
                                               QStringLiteral("Patient/%1/$last-viewed").arg(patient) + detail,
                                               ok ? QStringLiteral("success") : QStringLiteral("failure")});
        if (!written)
            qWarning().noquote() << "renkei-hub: audit write failed:" << written.error();
    };
    // Only a patient the user may see has a "last view" to tell: the same answer as a read.
    if (!isValidRecordId(patient))
        return notFound();
    const auto visible = PatientRepository(m_store).readVisible(session.facility, patient);
    if (!visible) {
        qWarning().noquote() << "renkei-hub: $last-viewed failed:" << visible.error();
        return Http::internalError();
    }
    if (!visible->has_value()) {
        audit(false, QStringLiteral(" (not found or no active consent)"));
        return notFound();
    }
    const auto time = previousView(m_store, session.user, patient);
    if (!time) {
        qWarning().noquote() << "renkei-hub: $last-viewed failed:" << time.error();
        return Http::internalError();
    }
    audit(true, {});
    return Http::fhir(parameters(patient, *time));
}
