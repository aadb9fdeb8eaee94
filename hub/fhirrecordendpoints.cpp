// FhirEndpoints: clinical records, $everything and Organization (docs/PROTOCOL.md
// "Clinical records").
#include "fhirendpoints.h"

#include "audit.h"
#include "facilities.h"
#include "fhirbundle.h"
#include "fhirorganization.h"
#include "fhirpatient.h"
#include "httpsupport.h"
#include "namefolding.h"
#include "patientrepository.h"
#include "patientsearch.h"
#include "recordsearch.h"
#include "visiblerecords.h"

#include <QJsonDocument>
#include <QUrl>
#include <QtDebug>

#include <algorithm>

namespace {

// A stored record goes out as the text it is kept as: nothing about it changes on the way out
// (its type and id are columns), so it is spliced into the response rather than parsed and
// serialised again, which on a 200-entry $everything page was most of the request's time.
BundleResource resourceOf(const ResourceRow &row)
{
    return BundleResource{row.type, row.id, fhirObjectText(row.json)};
}

BundleResource resourceOf(const QJsonObject &resource)
{
    return BundleResource{resource.value(QStringLiteral("resourceType")).toString(),
                          resource.value(QStringLiteral("id")).toString(),
                          QJsonDocument(resource).toJson(QJsonDocument::Compact)};
}

QString baseOrRelative(const QHttpServerRequest &request)
{
    const QString base = Http::fhirBaseUrl(request);
    return base.isEmpty() ? QStringLiteral("/fhir") : base;
}

QueryParameters parametersOf(const QHttpServerRequest &request, bool &valid)
{
    const auto decoded = decodeQueryString(request.url().query(QUrl::FullyEncoded).toLatin1());
    valid = decoded.has_value();
    return decoded.value_or(QueryParameters());
}

} // namespace

std::optional<QHttpServerResponse> FhirEndpoints::admitGet(const QHttpServerRequest &request,
                                                           TokenStore::Session &session)
{
    if (Http::bodyTooLarge(request))
        return Http::bodyTooLargeOutcome();
    if (request.method() != QHttpServerRequest::Method::Get)
        return Http::methodNotAllowed(request, QByteArrayLiteral("GET"));
    return authenticate(request, session);
}

QHttpServerResponse FhirEndpoints::searchRecords(const QString &type, const QHttpServerRequest &request)
{
    if (type == QLatin1String("Consent"))
        return searchConsents(request);
    if (!recordTypes().contains(type))
        return Http::bodyTooLarge(request) ? Http::bodyTooLargeOutcome() : Http::notFound(request);
    TokenStore::Session session;
    if (auto refused = admitGet(request, session))
        return std::move(*refused);

    bool valid = false;
    const QueryParameters parameters = parametersOf(request, valid);
    const QString described = type + QLatin1Char('?') + describeParameters(parameters);
    if (!valid) {
        audit(session, QStringLiteral("search"), {}, type + QStringLiteral(": query is not valid UTF-8"), false);
        return Http::outcome(Http::Status::BadRequest, QStringLiteral("invalid"),
                             QStringLiteral("The query string is not valid UTF-8"));
    }
    const auto parsed = parseRecordSearch(type, parameters);
    const QString patients = parsed.query ? parsed.query->patients.join(QLatin1Char(',')) : QString();
    if (!parsed.query) {
        audit(session, QStringLiteral("search"), {}, described + QStringLiteral(" (") + parsed.diagnostics + QLatin1Char(')'), false);
        return Http::outcome(Http::Status::BadRequest, parsed.issueCode, parsed.diagnostics);
    }
    const auto page = VisibleRecords(m_store, session.facility).search(*parsed.query);
    if (!page) {
        qWarning().noquote() << "renkei-hub: record search failed:" << page.error();
        audit(session, QStringLiteral("search"), patients, described, false);
        return Http::internalError();
    }
    audit(session, QStringLiteral("search"), patients, described + QStringLiteral(" → %1 found").arg(page->total), true);

    QList<BundleResource> resources;
    resources.reserve(page->rows.size());
    for (const ResourceRow &row : page->rows)
        resources << resourceOf(row);
    const QString base = baseOrRelative(request);
    const int nextOffset = parsed.query->offset + int(page->rows.size());
    const QString next = nextOffset < page->total && !page->rows.isEmpty()
        ? base + QLatin1Char('/') + type + QLatin1Char('?') + queryWithOffset(parameters, nextOffset)
        : QString();
    const QString self = base + QLatin1Char('/') + type + QLatin1Char('?') + queryWithOffset(parameters, parsed.query->offset);
    return Http::fhirJson(fhirSearchsetJson(resources, page->total, Http::fhirBaseUrl(request), self, next));
}

QHttpServerResponse FhirEndpoints::readRecord(const QString &type, const QString &id, const QHttpServerRequest &request)
{
    if (type == QLatin1String("Consent"))
        return readConsent(id, request);
    // A Binary is stored with its DocumentReference's patient and disclosure kind, so the same
    // consent and policy join decides whether it is visible.
    if (!recordTypes().contains(type) && type != QLatin1String("Binary"))
        return Http::bodyTooLarge(request) ? Http::bodyTooLargeOutcome() : Http::notFound(request);
    TokenStore::Session session;
    if (auto refused = admitGet(request, session))
        return std::move(*refused);

    // Missing, not consented and not disclosed all look the same to the client.
    auto notFound = [&] {
        audit(session, QStringLiteral("read"), {}, type + QLatin1Char('/') + id + QStringLiteral(": not found or not visible"), false);
        return Http::outcome(Http::Status::NotFound, QStringLiteral("not-found"),
                             QStringLiteral("%1/%2 not found").arg(type, id));
    };
    if (!isValidRecordId(id))
        return notFound();
    const auto row = VisibleRecords(m_store, session.facility).read(type, id);
    if (!row) {
        qWarning().noquote() << "renkei-hub: record read failed:" << row.error();
        audit(session, QStringLiteral("read"), {}, type + QLatin1Char('/') + id + QStringLiteral(": internal error"), false);
        return Http::internalError();
    }
    if (!row->has_value())
        return notFound();
    audit(session, QStringLiteral("read"), (*row)->patient, type + QLatin1Char('/') + id, true);
    return Http::fhirJson(fhirObjectText((*row)->json));
}

QHttpServerResponse FhirEndpoints::everything(const QString &patientId, const QHttpServerRequest &request)
{
    TokenStore::Session session;
    if (auto refused = admitGet(request, session))
        return std::move(*refused);

    bool valid = false;
    const QueryParameters parameters = parametersOf(request, valid);
    const QString described = describeParameters(parameters);
    if (!valid) {
        audit(session, QStringLiteral("everything"), patientId, QStringLiteral("query is not valid UTF-8"), false);
        return Http::outcome(Http::Status::BadRequest, QStringLiteral("invalid"),
                             QStringLiteral("The query string is not valid UTF-8"));
    }
    const auto parsed = parseEverything(parameters);
    if (!parsed.query) {
        audit(session, QStringLiteral("everything"), patientId, described + QStringLiteral(" (") + parsed.diagnostics + QLatin1Char(')'), false);
        return Http::outcome(Http::Status::BadRequest, parsed.issueCode, parsed.diagnostics);
    }
    auto notFound = [&] {
        audit(session, QStringLiteral("everything"), patientId, QStringLiteral("not found or no active consent"), false);
        return Http::outcome(Http::Status::NotFound, QStringLiteral("not-found"),
                             QStringLiteral("Patient/%1 not found").arg(patientId));
    };
    if (!isValidRecordId(patientId))
        return notFound();
    const auto patient = PatientRepository(m_store).readVisible(session.facility, patientId);
    if (!patient) {
        qWarning().noquote() << "renkei-hub: $everything failed:" << patient.error();
        audit(session, QStringLiteral("everything"), patientId, QStringLiteral("internal error"), false);
        return Http::internalError();
    }
    if (!patient->has_value())
        return notFound();

    // Entry 0 is the Patient, then the records; offsets count entries of that whole list. A
    // `next` link carries a cursor instead (the last record's date and id): its page is read
    // from the index where the previous one ended, without counting or skipping, so each page
    // costs the same (bench/README.md); it has no Bundle.total, which the first page gave.
    const EverythingQuery &q = *parsed.query;
    const bool withPatient = !q.after && q.offset == 0;
    const int recordOffset = std::max(0, q.offset - 1);
    const int recordLimit = q.count - (withPatient ? 1 : 0);
    const auto page = VisibleRecords(m_store, session.facility).everything(patientId, q, recordOffset, recordLimit);
    if (!page) {
        qWarning().noquote() << "renkei-hub: $everything failed:" << page.error();
        audit(session, QStringLiteral("everything"), patientId, QStringLiteral("internal error"), false);
        return Http::internalError();
    }
    const int total = page->total >= 0 ? page->total + 1 : -1;

    QList<BundleResource> resources;
    resources.reserve(page->rows.size() + 1);
    if (withPatient)
        resources << resourceOf(fhirPatient(**patient));
    for (const ResourceRow &row : page->rows)
        resources << resourceOf(row);
    audit(session, QStringLiteral("everything"), patientId,
          described + (total >= 0 ? QStringLiteral(" → %1 entries").arg(total)
                                  : QStringLiteral(" → %1 more entries").arg(resources.size())),
          true);
    const QString path = baseOrRelative(request) + QStringLiteral("/Patient/") + patientId + QStringLiteral("/$everything?");
    QString next;
    if (page->more) {
        // After a page of only the Patient (_count=1) the cursor is before every record.
        const EverythingCursor after = page->rows.isEmpty() ? EverythingCursor{}
                                                            : EverythingCursor{page->rows.last().date, page->rows.last().id};
        next = path + queryWithCursor(parameters, after);
    }
    const QString self = path + (q.after ? queryWithCursor(parameters, *q.after) : queryWithOffset(parameters, q.offset));
    return Http::fhirJson(fhirSearchsetJson(resources, total, Http::fhirBaseUrl(request), self, next));
}

QHttpServerResponse FhirEndpoints::searchOrganizations(const QHttpServerRequest &request)
{
    TokenStore::Session session;
    if (auto refused = admitGet(request, session))
        return std::move(*refused);
    bool valid = false;
    const QueryParameters parameters = parametersOf(request, valid);
    // FHIR R4's Organization `name` (contains, names folded as patient names are) and
    // `identifier` (urn:renkei:facility|id); the rest is paging.
    QueryParameters paging;
    QStringList names;
    QStringList identifiers;
    for (const auto &[key, value] : parameters) {
        if (key == QLatin1String("name") || key == QLatin1String("identifier")) {
            if (value.isEmpty() || value.size() > 256)
                return Http::outcome(Http::Status::BadRequest, QStringLiteral("invalid"),
                                     QStringLiteral("Invalid value for search parameter '%1'").arg(key));
            (key == QLatin1String("name") ? names : identifiers) << value;
        } else {
            paging.append({key, value});
        }
    }
    const auto parsed = parsePagingOnly(paging);
    if (!valid || !parsed.query)
        return Http::outcome(Http::Status::BadRequest, valid ? parsed.issueCode : QStringLiteral("invalid"),
                             valid ? parsed.diagnostics : QStringLiteral("The query string is not valid UTF-8"));
    auto facilities = FacilityRepository(m_store).list();
    if (!facilities) {
        qWarning().noquote() << "renkei-hub: facility list failed:" << facilities.error();
        return Http::internalError();
    }
    facilities->removeIf([&](const Facility &f) {
        for (const QString &name : std::as_const(names)) {
            if (!foldNameForSearch(f.name).contains(foldNameForSearch(name)))
                return true;
        }
        for (const QString &identifier : std::as_const(identifiers)) {
            const qsizetype bar = identifier.indexOf(QLatin1Char('|'));
            const bool systemMatches = bar < 0 || identifier.left(bar) == QLatin1String("urn:renkei:facility");
            if (!systemMatches || identifier.mid(bar + 1) != f.id)
                return true;
        }
        return false;
    });
    QList<QJsonObject> resources;
    const int end = std::min(int(facilities->size()), parsed.query->offset + parsed.query->count);
    for (int i = parsed.query->offset; i < end; ++i)
        resources << fhirOrganization(facilities->at(i));
    const QString path = baseOrRelative(request) + QStringLiteral("/Organization?");
    const QString next = end < facilities->size() ? path + queryWithOffset(parameters, end) : QString();
    return Http::fhir(fhirSearchset(resources, int(facilities->size()), Http::fhirBaseUrl(request),
                                    path + queryWithOffset(parameters, parsed.query->offset), next));
}

QHttpServerResponse FhirEndpoints::readOrganization(const QString &id, const QHttpServerRequest &request)
{
    TokenStore::Session session;
    if (auto refused = admitGet(request, session))
        return std::move(*refused);
    auto notFound = [&] {
        return Http::outcome(Http::Status::NotFound, QStringLiteral("not-found"),
                             QStringLiteral("Organization/%1 not found").arg(id));
    };
    if (!isValidRecordId(id))
        return notFound();
    const auto facility = FacilityRepository(m_store).find(id);
    if (!facility) {
        qWarning().noquote() << "renkei-hub: facility read failed:" << facility.error();
        return Http::internalError();
    }
    if (!facility->has_value())
        return notFound();
    return Http::fhir(fhirOrganization(**facility));
}
