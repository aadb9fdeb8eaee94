// POST /audit/print (docs/PROTOCOL.md "Printing and export"): what leaves the screen on paper
// or as a PDF is recorded like a read, for a patient the user may see.

#include "fhirendpoints.h"

#include "audit.h"
#include "facilities.h"
#include "httpsupport.h"
#include "patientrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtDebug>

namespace {

constexpr int kMaxSections = 32;

/// The audit action for a `what` value, or empty when it is not one we know.
QString actionFor(const QString &what)
{
    if (what == QLatin1String("print"))
        return QStringLiteral("print");
    if (what == QLatin1String("pdf-export"))
        return QStringLiteral("export");
    return {};
}

} // namespace

QHttpServerResponse FhirEndpoints::recordExport(const QHttpServerRequest &request)
{
    if (Http::bodyTooLarge(request))
        return Http::bodyTooLargeOutcome();
    if (request.method() != QHttpServerRequest::Method::Post)
        return Http::methodNotAllowed(request, QByteArrayLiteral("POST"));
    TokenStore::Session session;
    if (auto refused = authenticate(request, session))
        return std::move(*refused);

    const QJsonDocument document = QJsonDocument::fromJson(request.body());
    const QJsonObject body = document.object();
    const QString patient = body.value(QLatin1String("patient")).toString();
    const QString action = actionFor(body.value(QLatin1String("what")).toString());
    const QJsonArray sectionArray = body.value(QLatin1String("sections")).toArray();
    QStringList sections;
    for (const QJsonValue &section : sectionArray) {
        if (section.isString() && !section.toString().isEmpty() && section.toString().size() <= 64)
            sections << section.toString();
    }
    if (!document.isObject() || patient.isEmpty() || action.isEmpty()
        || sections.size() != sectionArray.size() || sections.size() > kMaxSections) {
        return Http::outcome(Http::Status::BadRequest, QStringLiteral("invalid"),
                             QStringLiteral("Expected {\"patient\": id, \"what\": \"print\"|\"pdf-export\", "
                                            "\"sections\": [names]}"));
    }

    if (!isValidRecordId(patient))
        return Http::outcome(Http::Status::NotFound, QStringLiteral("not-found"),
                             QStringLiteral("Patient/%1 not found").arg(patient));
    const auto visible = PatientRepository(m_store).readVisible(session.facility, patient);
    if (!visible) {
        qWarning().noquote() << "renkei-hub: export audit failed:" << visible.error();
        return Http::internalError();
    }
    const QString detail = QStringLiteral("sections: ") + sections.join(QStringLiteral(", "));
    if (!visible->has_value()) {
        audit(session, action, patient, detail + QStringLiteral(" (not found or no active consent)"), false);
        return Http::outcome(Http::Status::NotFound, QStringLiteral("not-found"),
                             QStringLiteral("Patient/%1 not found").arg(patient));
    }
    audit(session, action, patient, detail, true);
    return QHttpServerResponse(Http::Status::NoContent);
}
