// FhirEndpoints: Consent read and search (docs/PROTOCOL.md "Consent").
#include "fhirendpoints.h"

#include "consents.h"
#include "facilities.h"
#include "fhirbundle.h"
#include "fhirconsent.h"
#include "httpsupport.h"
#include "patientsearch.h"
#include "recordsearch.h"

#include <QUrl>
#include <QtDebug>

#include <algorithm>

namespace {

QString facilityName(Store &store, const QString &id)
{
    const auto facility = FacilityRepository(store).find(id);
    return facility && facility->has_value() ? (*facility)->name : QString();
}

} // namespace

QHttpServerResponse FhirEndpoints::searchConsents(const QHttpServerRequest &request)
{
    TokenStore::Session session;
    if (auto refused = admitGet(request, session))
        return std::move(*refused);
    const auto decoded = decodeQueryString(request.url().query(QUrl::FullyEncoded).toLatin1());
    if (!decoded)
        return Http::outcome(Http::Status::BadRequest, QStringLiteral("invalid"), QStringLiteral("The query string is not valid UTF-8"));
    const QueryParameters parameters = *decoded;
    QStringList patients;
    QueryParameters paging;
    for (const auto &[key, value] : parameters) {
        if (key == QLatin1String("patient")) {
            if (value.isEmpty())
                return Http::outcome(Http::Status::BadRequest, QStringLiteral("invalid"), QStringLiteral("Empty value for search parameter 'patient'"));
            for (const QString &id : value.split(QLatin1Char(',')))
                patients << (id.startsWith(QLatin1String("Patient/")) ? id.mid(8) : id);
        } else {
            paging.append({key, value}); // _count, _offset; anything else is refused below
        }
    }
    const auto parsed = parsePagingOnly(paging);
    if (!parsed.query) {
        audit(session, QStringLiteral("search"), {}, QStringLiteral("Consent?") + describeParameters(parameters)
                                                         + QStringLiteral(" (") + parsed.diagnostics + QLatin1Char(')'), false);
        return Http::outcome(Http::Status::BadRequest, parsed.issueCode, parsed.diagnostics);
    }
    const auto consents = ConsentRepository(m_store).readableBy(session.facility, patients);
    const QString described = QStringLiteral("Consent?") + describeParameters(parameters);
    if (!consents) {
        qWarning().noquote() << "renkei-hub: consent search failed:" << consents.error();
        audit(session, QStringLiteral("search"), patients.join(QLatin1Char(',')), described, false);
        return Http::internalError();
    }
    audit(session, QStringLiteral("search"), patients.join(QLatin1Char(',')),
          described + QStringLiteral(" → %1 found").arg(consents->size()), true);
    const QString name = facilityName(m_store, session.facility);
    QList<QJsonObject> resources;
    const int total = int(consents->size());
    const int end = std::min(total, parsed.query->offset + parsed.query->count);
    for (int i = parsed.query->offset; i < end; ++i)
        resources << fhirConsent(consents->at(i), name);
    const QString base = Http::fhirBaseUrl(request);
    const QString path = (base.isEmpty() ? QStringLiteral("/fhir") : base) + QStringLiteral("/Consent?");
    const QString next = end < total ? path + queryWithOffset(parameters, end) : QString();
    return Http::fhir(fhirSearchset(resources, total, base, path + queryWithOffset(parameters, parsed.query->offset), next));
}

QHttpServerResponse FhirEndpoints::readConsent(const QString &id, const QHttpServerRequest &request)
{
    TokenStore::Session session;
    if (auto refused = admitGet(request, session))
        return std::move(*refused);
    const auto consents = ConsentRepository(m_store).readableBy(session.facility);
    if (!consents) {
        qWarning().noquote() << "renkei-hub: consent read failed:" << consents.error();
        return Http::internalError();
    }
    for (const Consent &consent : *consents) {
        if (fhirConsentId(consent.patient, consent.facility) == id) {
            audit(session, QStringLiteral("read"), consent.patient, QStringLiteral("Consent/") + id, true);
            return Http::fhir(fhirConsent(consent, facilityName(m_store, session.facility)));
        }
    }
    audit(session, QStringLiteral("read"), {}, QStringLiteral("Consent/%1: not found or not visible").arg(id), false);
    return Http::outcome(Http::Status::NotFound, QStringLiteral("not-found"), QStringLiteral("Consent/%1 not found").arg(id));
}
