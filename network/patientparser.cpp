#include "patientsummary.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

const QLatin1String kRepresentationUrl(
    "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation");
const QLatin1String kNetworkIdSystem("urn:renkei:patient");

QString representationOf(const QJsonObject &name)
{
    const QJsonArray extensions = name.value(QLatin1String("extension")).toArray();
    for (const QJsonValue &value : extensions) {
        const QJsonObject extension = value.toObject();
        if (extension.value(QLatin1String("url")).toString() == kRepresentationUrl)
            return extension.value(QLatin1String("valueCode")).toString();
    }
    return {};
}

QString nameText(const QJsonObject &name)
{
    const QString text = name.value(QLatin1String("text")).toString().trimmed();
    if (!text.isEmpty())
        return text;
    QStringList parts;
    const QString family = name.value(QLatin1String("family")).toString().trimmed();
    if (!family.isEmpty())
        parts << family;
    const QJsonArray given = name.value(QLatin1String("given")).toArray();
    for (const QJsonValue &value : given) {
        const QString part = value.toString().trimmed();
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(QLatin1Char(' '));
}

void readNames(const QJsonArray &names, PatientSummary *patient)
{
    QString ideographic;
    QString syllabic;
    QString unmarked;
    QString alphabetic;
    for (const QJsonValue &value : names) {
        const QJsonObject name = value.toObject();
        const QString text = nameText(name);
        if (text.isEmpty())
            continue;
        const QString representation = representationOf(name);
        QString *slot = &unmarked;
        if (representation == QLatin1String("IDE"))
            slot = &ideographic;
        else if (representation == QLatin1String("SYL"))
            slot = &syllabic;
        else if (representation == QLatin1String("ABC"))
            slot = &alphabetic;
        if (slot->isEmpty()) // the first of each kind wins, as JP-Core lists official first
            *slot = text;
    }
    patient->kana = syllabic;
    // A row must never be nameless: fall back to whatever name the hub sent.
    for (const QString &candidate : {ideographic, unmarked, alphabetic, syllabic}) {
        if (!candidate.isEmpty()) {
            patient->name = candidate;
            break;
        }
    }
}

QString facilityOf(const QJsonObject &assigner)
{
    const QString display = assigner.value(QLatin1String("display")).toString().trimmed();
    if (!display.isEmpty())
        return display;
    // "Organization/hosp-shinshu" -> "hosp-shinshu": better than an empty column.
    const QString reference = assigner.value(QLatin1String("reference")).toString();
    return reference.section(QLatin1Char('/'), -1);
}

} // namespace

std::optional<PatientSummary> parsePatient(const QJsonObject &resource, QString *error)
{
    const QString resourceType = resource.value(QLatin1String("resourceType")).toString();
    if (resourceType != QLatin1String("Patient")) {
        if (error)
            *error = QStringLiteral("expected a Patient, got '%1'").arg(resourceType);
        return std::nullopt;
    }

    PatientSummary patient;
    patient.id = resource.value(QLatin1String("id")).toString();

    const QJsonArray identifiers = resource.value(QLatin1String("identifier")).toArray();
    for (const QJsonValue &value : identifiers) {
        const QJsonObject identifier = value.toObject();
        const QString system = identifier.value(QLatin1String("system")).toString();
        const QString idValue = identifier.value(QLatin1String("value")).toString();
        if (system == kNetworkIdSystem) {
            if (patient.id.isEmpty())
                patient.id = idValue;
            continue;
        }
        const QJsonObject assigner = identifier.value(QLatin1String("assigner")).toObject();
        if (assigner.isEmpty())
            continue;
        const QString facility = facilityOf(assigner);
        if (facility.isEmpty())
            continue;
        patient.facilities << facility;
        patient.localIds << idValue;
    }

    if (patient.id.isEmpty()) {
        if (error)
            *error = QStringLiteral("Patient without id");
        return std::nullopt;
    }

    readNames(resource.value(QLatin1String("name")).toArray(), &patient);
    patient.gender = resource.value(QLatin1String("gender")).toString();
    // Partial dates ("1948", "1948-03") are legal FHIR but give no day to compute an age from.
    patient.birthDate = QDate::fromString(resource.value(QLatin1String("birthDate")).toString(),
                                          Qt::ISODate);
    return patient;
}

std::optional<PatientSummary> parsePatientJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                ? QStringLiteral("not JSON: %1").arg(parseError.errorString())
                : QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return parsePatient(document.object(), error);
}

std::optional<QList<PatientSummary>> parsePatientBundle(const QByteArray &json, QString *error,
                                                       int *total)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("not JSON: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject bundle = document.object();
    const QString resourceType = bundle.value(QLatin1String("resourceType")).toString();
    if (!document.isObject() || resourceType != QLatin1String("Bundle")) {
        if (error)
            *error = QStringLiteral("expected a Bundle, got '%1'").arg(resourceType);
        return std::nullopt;
    }
    const QJsonValue entries = bundle.value(QLatin1String("entry"));
    if (!entries.isUndefined() && !entries.isArray()) {
        if (error)
            *error = QStringLiteral("Bundle.entry is not an array");
        return std::nullopt;
    }

    QList<PatientSummary> patients;
    const QJsonArray entryArray = entries.toArray();
    for (const QJsonValue &entry : entryArray) {
        const QJsonObject resource = entry.toObject().value(QLatin1String("resource")).toObject();
        // Other entries (an OperationOutcome with search.mode "outcome") are not patients.
        if (std::optional<PatientSummary> patient = parsePatient(resource, nullptr))
            patients << *patient;
    }
    if (total) {
        const QJsonValue declared = bundle.value(QLatin1String("total"));
        *total = declared.isDouble() ? declared.toInt() : int(patients.size());
    }
    return patients;
}
