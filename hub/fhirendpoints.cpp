#include "fhirendpoints.h"

#include "audit.h"
#include "facilities.h"
#include "fhircapability.h"
#include "fhirpatient.h"
#include "httpsupport.h"
#include "patientrepository.h"
#include "patientsearch.h"

#include <QUrl>
#include <QtDebug>

FhirEndpoints::FhirEndpoints(Store &store, TokenStore &tokens, AuditLog &audit,
                             QDateTime startedAt)
    : m_store(store)
    , m_tokens(tokens)
    , m_audit(audit)
    , m_startedAt(std::move(startedAt))
{
}

std::optional<QHttpServerResponse> FhirEndpoints::authenticate(const QHttpServerRequest &request,
                                                               TokenStore::Session &session)
{
    return Http::authenticate(m_tokens, request, session);
}

void FhirEndpoints::audit(const TokenStore::Session &session, const QString &action,
                          const QString &patient, const QString &detail, bool ok)
{
    const Status written = m_audit.append({session.user, session.facility, action, patient, detail,
                                           ok ? QStringLiteral("success") : QStringLiteral("failure")});
    if (!written)
        qWarning().noquote() << "renkei-hub: audit write failed:" << written.error();
}

QHttpServerResponse FhirEndpoints::metadata(const QHttpServerRequest &request)
{
    if (Http::bodyTooLarge(request))
        return Http::bodyTooLargeOutcome();
    if (request.method() != QHttpServerRequest::Method::Get)
        return Http::methodNotAllowed(request, QByteArrayLiteral("GET"));
    return Http::fhir(fhirCapabilityStatement(m_startedAt));
}

QHttpServerResponse FhirEndpoints::searchPatients(const QHttpServerRequest &request)
{
    if (Http::bodyTooLarge(request))
        return Http::bodyTooLargeOutcome();
    if (request.method() != QHttpServerRequest::Method::Get)
        return Http::methodNotAllowed(request, QByteArrayLiteral("GET"));
    TokenStore::Session session;
    if (auto refused = authenticate(request, session))
        return std::move(*refused);

    const auto parameters = decodeQueryString(request.url().query(QUrl::FullyEncoded).toLatin1());
    if (!parameters) {
        audit(session, QStringLiteral("search"), {}, QStringLiteral("query is not valid UTF-8"), false);
        return Http::outcome(Http::Status::BadRequest, QStringLiteral("invalid"),
                             QStringLiteral("The query string is not valid UTF-8"));
    }
    const QString described = describeParameters(*parameters);
    const PatientSearchParse parsed = parsePatientSearch(*parameters);
    if (!parsed.query) {
        audit(session, QStringLiteral("search"), {}, described + QStringLiteral(" (") + parsed.diagnostics + QLatin1Char(')'), false);
        return Http::outcome(Http::Status::BadRequest, parsed.issueCode, parsed.diagnostics);
    }

    const auto found = PatientRepository(m_store).search(session.facility, *parsed.query);
    if (!found) {
        qWarning().noquote() << "renkei-hub: search failed:" << found.error();
        audit(session, QStringLiteral("search"), {}, described, false);
        return Http::internalError();
    }
    audit(session, QStringLiteral("search"), {},
          described + QStringLiteral(" → %1 found").arg(found->total), true);
    return Http::fhir(fhirSearchBundle(found->patients, found->total, Http::fhirBaseUrl(request)));
}

QHttpServerResponse FhirEndpoints::readPatient(const QString &id, const QHttpServerRequest &request)
{
    if (Http::bodyTooLarge(request))
        return Http::bodyTooLargeOutcome();
    if (request.method() != QHttpServerRequest::Method::Get)
        return Http::methodNotAllowed(request, QByteArrayLiteral("GET"));
    TokenStore::Session session;
    if (auto refused = authenticate(request, session))
        return std::move(*refused);

    // "Does not exist" and "not visible to you" must look the same to the client.
    auto notFound = [&] {
        audit(session, QStringLiteral("read"), id, QStringLiteral("not found or no active consent"), false);
        return Http::outcome(Http::Status::NotFound, QStringLiteral("not-found"),
                             QStringLiteral("Patient/%1 not found").arg(id));
    };
    if (!isValidRecordId(id))
        return notFound();
    const auto patient = PatientRepository(m_store).readVisible(session.facility, id);
    if (!patient) {
        qWarning().noquote() << "renkei-hub: read failed:" << patient.error();
        audit(session, QStringLiteral("read"), id, QStringLiteral("internal error"), false);
        return Http::internalError();
    }
    if (!patient->has_value())
        return notFound();
    audit(session, QStringLiteral("read"), id, {}, true);
    return Http::fhir(fhirPatient(**patient));
}
