#include "clinicalrecord.h"

#include "fhirjson.h"
#include "networktr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using RenkeiNetworkPrivate::Tr;
using Kind = ClinicalRecord::Kind;

namespace {

QString text(const QJsonObject &o, const char *path)
{
    return FhirJson::at(o, QLatin1String(path)).toString();
}

/// The first non-empty of the dates at \a paths, per the clinical-date table of PROTOCOL.md.
QString firstDate(const QJsonObject &o, std::initializer_list<const char *> paths)
{
    for (const char *path : paths) {
        const QString value = text(o, path);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

bool inRenkeiCategory(const QJsonObject &o, const char *code)
{
    return FhirJson::hasCoding(o.value(QLatin1String("category")), QLatin1String(code),
                               FhirJson::kRenkeiCategory);
}

/// Prescription and injection orders share MedicationRequest; the category tells them apart
/// (a contained Medication with ingredients is an injection mix when the category is missing).
Kind medicationKind(const QJsonObject &o)
{
    if (inRenkeiCategory(o, "injection"))
        return Kind::Injections;
    if (inRenkeiCategory(o, "prescription"))
        return Kind::Prescriptions;
    return o.value(QLatin1String("contained")).toArray().isEmpty() ? Kind::Prescriptions
                                                                   : Kind::Injections;
}

Kind resultKind(const QJsonObject &o)
{
    const QJsonValue category = o.value(QLatin1String("category"));
    if (FhirJson::hasCoding(category, QStringLiteral("laboratory"))
        || FhirJson::hasCoding(category, QStringLiteral("labs"))
        || FhirJson::hasCoding(category, QStringLiteral("LAB")))
        return Kind::Labs;
    if (inRenkeiCategory(o, "physiology") || FhirJson::hasCoding(category, QStringLiteral("exam")))
        return Kind::Physiology;
    if (inRenkeiCategory(o, "radiology") || inRenkeiCategory(o, "endoscopy")
        || FhirJson::hasCoding(category, QStringLiteral("imaging"))
        || FhirJson::hasCoding(category, QStringLiteral("RAD")))
        return Kind::Imaging;
    return Kind::Other;
}

QString medicationName(const QJsonObject &o)
{
    const QString name = FhirJson::conceptText(o.value(QLatin1String("medicationCodeableConcept")));
    if (!name.isEmpty())
        return name;
    // Injection mixes: the base solution and additives are a contained Medication.
    QStringList parts;
    const QJsonArray contained = o.value(QLatin1String("contained")).toArray();
    for (const QJsonValue &medication : contained) {
        const QJsonArray ingredients = medication.toObject().value(QLatin1String("ingredient")).toArray();
        for (const QJsonValue &ingredient : ingredients)
            parts << FhirJson::conceptText(ingredient.toObject().value(QLatin1String("itemCodeableConcept")));
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" ＋ "));
}

QString encounterTitle(const QJsonObject &o)
{
    // ADT event codes as the SS-MIX2 mapping keeps them in Encounter.type.
    const QJsonValue type = o.value(QLatin1String("type"));
    QString what;
    if (FhirJson::hasCoding(type, QStringLiteral("A01")))
        what = Tr::tr("Admission");
    else if (FhirJson::hasCoding(type, QStringLiteral("A02")))
        what = Tr::tr("Transfer");
    else if (FhirJson::hasCoding(type, QStringLiteral("A03")))
        what = Tr::tr("Discharge");
    else
        what = Tr::tr("Encounter");
    const QString place = o.value(QLatin1String("location")).toArray().first().toObject()
                              .value(QLatin1String("location")).toObject()
                              .value(QLatin1String("display")).toString();
    return place.isEmpty() ? what : Tr::tr("%1 (%2)", "encounter and ward/room").arg(what, place);
}

QString observationTitle(const QJsonObject &o)
{
    const QString name = FhirJson::conceptText(o.value(QLatin1String("code")));
    const QString value = FhirJson::observationValueText(o);
    return value.isEmpty() ? name : name + QStringLiteral(" ") + value;
}

void fill(ClinicalRecord &r, const QJsonObject &o)
{
    const QString type = r.resourceType;
    QString date;
    if (type == QLatin1String("Encounter")) {
        r.kind = Kind::Admissions;
        // A discharge message carries only period.end; it still belongs on the timeline.
        date = firstDate(o, {"period.start", "period.end"});
        r.title = encounterTitle(o);
    } else if (type == QLatin1String("Condition")) {
        r.kind = Kind::Diagnoses;
        date = firstDate(o, {"onsetDateTime", "recordedDate"});
        r.title = FhirJson::conceptText(o.value(QLatin1String("code")));
    } else if (type == QLatin1String("AllergyIntolerance")) {
        r.kind = Kind::Allergies;
        date = firstDate(o, {"onsetDateTime", "recordedDate"});
        r.title = FhirJson::conceptText(o.value(QLatin1String("code")));
    } else if (type == QLatin1String("MedicationRequest")) {
        r.kind = medicationKind(o);
        date = text(o, "authoredOn");
        r.title = medicationName(o);
    } else if (type == QLatin1String("MedicationAdministration")) {
        r.kind = medicationKind(o);
        date = firstDate(o, {"effectiveDateTime", "effectivePeriod.start"});
        r.title = medicationName(o);
    } else if (type == QLatin1String("ServiceRequest")) {
        r.kind = resultKind(o);
        date = text(o, "authoredOn");
        r.title = FhirJson::conceptText(o.value(QLatin1String("code")));
    } else if (type == QLatin1String("Observation")) {
        r.kind = resultKind(o);
        date = text(o, "effectiveDateTime");
        r.title = observationTitle(o);
        const QString flag = FhirJson::interpretationCode(o);
        r.abnormal = !flag.isEmpty() && flag != QLatin1String("N");
    } else if (type == QLatin1String("DiagnosticReport")) {
        r.kind = resultKind(o);
        date = firstDate(o, {"effectiveDateTime", "issued"});
        r.title = FhirJson::conceptText(o.value(QLatin1String("code")));
    } else if (type == QLatin1String("ImagingStudy")) {
        r.kind = Kind::Imaging;
        date = text(o, "started");
        r.title = o.value(QLatin1String("description")).toString();
        if (r.title.isEmpty())
            r.title = FhirJson::conceptText(o.value(QLatin1String("procedureCode")).toArray().first());
    } else if (type == QLatin1String("DocumentReference") || type == QLatin1String("Composition")) {
        r.kind = Kind::Documents;
        date = text(o, "date");
        r.title = o.value(QLatin1String("description")).toString();
        if (r.title.isEmpty())
            r.title = o.value(QLatin1String("title")).toString();
        if (r.title.isEmpty())
            r.title = FhirJson::conceptText(o.value(QLatin1String("type")));
    } else {
        r.kind = Kind::Other;
        date = firstDate(o, {"effectiveDateTime", "dateTime", "date", "authoredOn", "issued"});
        r.title = o.value(QLatin1String("description")).toString();
        if (r.title.isEmpty())
            r.title = FhirJson::at(o, QStringLiteral("oralDiet.instruction")).toString();
    }
    if (!date.isEmpty()) {
        r.date = parseFhirDateTime(date, &r.hasTime);
        if (!r.date.isValid()) {
            r.displayable = false;
            r.problem = QStringLiteral("unreadable date '%1'").arg(date);
        }
    }
    if (r.title.isEmpty() && r.displayable) {
        // Something to click on is better than an empty mark; the detail shows the rest.
        r.title = r.resourceType;
    }
}

} // namespace

double ClinicalRecord::dayValue() const
{
    if (!date.isValid())
        return 0;
    return double(date.date().toJulianDay()) + date.time().msecsSinceStartOfDay() / 86400000.0;
}

QDateTime parseFhirDateTime(const QString &value, bool *hasTime)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$)"));
    if (hasTime)
        *hasTime = false;
    const QRegularExpressionMatch m = pattern.match(value.trimmed());
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).isEmpty() ? 1 : m.captured(2).toInt(),
                     m.captured(3).isEmpty() ? 1 : m.captured(3).toInt());
    if (!date.isValid())
        return {};
    if (m.captured(4).isEmpty())
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!time.isValid())
        return {};
    int offsetSeconds = 0;
    const QString zone = m.captured(7);
    if (zone.size() == 6) {
        offsetSeconds = (zone.mid(1, 2).toInt() * 60 + zone.mid(4, 2).toInt()) * 60;
        if (zone.startsWith(QLatin1Char('-')))
            offsetSeconds = -offsetSeconds;
    }
    if (hasTime)
        *hasTime = true;
    // Kept in its own offset: the clinical day is the one the hospital wrote down.
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds);
}

ClinicalRecord parseClinicalRecord(const QJsonObject &resource)
{
    ClinicalRecord record;
    record.raw = resource;
    record.resourceType = resource.value(QLatin1String("resourceType")).toString();
    record.id = resource.value(QLatin1String("id")).toString();
    record.facilityId = FhirJson::facilityIdOf(resource);
    if (record.resourceType.isEmpty() || record.id.isEmpty()) {
        record.kind = Kind::Other;
        record.displayable = false;
        record.problem = record.resourceType.isEmpty() ? QStringLiteral("no resourceType")
                                                       : QStringLiteral("no id");
    } else {
        fill(record, resource);
    }
    if (!record.displayable)
        record.title = Tr::tr("Could not display this record");
    return record;
}

ClinicalRecord parseClinicalRecordValue(const QJsonValue &resource)
{
    if (resource.isObject())
        return parseClinicalRecord(resource.toObject());
    ClinicalRecord record;
    record.displayable = false;
    record.problem = QStringLiteral("entry.resource is not an object");
    record.title = Tr::tr("Could not display this record");
    return record;
}

QString clinicalKindLabel(ClinicalRecord::Kind kind)
{
    switch (kind) {
    case Kind::Documents: return Tr::tr("Summaries & documents");
    case Kind::Diagnoses: return Tr::tr("Diagnoses");
    case Kind::Allergies: return Tr::tr("Allergies");
    case Kind::Prescriptions: return Tr::tr("Prescriptions");
    case Kind::Injections: return Tr::tr("Injections");
    case Kind::Labs: return Tr::tr("Lab results");
    case Kind::Physiology: return Tr::tr("Physiology");
    case Kind::Imaging: return Tr::tr("Imaging & endoscopy");
    case Kind::Admissions: return Tr::tr("Admissions");
    case Kind::Other: return Tr::tr("Other");
    }
    return {};
}

QString clinicalKindName(ClinicalRecord::Kind kind)
{
    static const char *const names[] = {"Documents", "Diagnoses", "Allergies", "Prescriptions",
                                        "Injections", "Labs", "Physiology", "Imaging",
                                        "Admissions", "Other"};
    const int i = int(kind);
    return i >= 0 && i < ClinicalRecord::kKindCount ? QString::fromLatin1(names[i]) : QString();
}

bool parseEverythingPage(const QByteArray &json, EverythingPage *page, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject bundle = document.object();
    if (parseError.error != QJsonParseError::NoError
        || bundle.value(QLatin1String("resourceType")).toString() != QLatin1String("Bundle")) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                ? QStringLiteral("not JSON: %1").arg(parseError.errorString())
                : QStringLiteral("not a Bundle");
        return false;
    }
    *page = {};
    page->total = bundle.value(QLatin1String("total")).toInt(-1);
    const QJsonArray links = bundle.value(QLatin1String("link")).toArray();
    for (const QJsonValue &link : links) {
        if (link.toObject().value(QLatin1String("relation")).toString() == QLatin1String("next"))
            page->nextUrl = link.toObject().value(QLatin1String("url")).toString();
    }
    const QJsonArray entries = bundle.value(QLatin1String("entry")).toArray();
    for (const QJsonValue &entry : entries) {
        const QJsonValue resource = entry.toObject().value(QLatin1String("resource"));
        const QString type = resource.toObject().value(QLatin1String("resourceType")).toString();
        if (type == QLatin1String("Patient")) {
            page->patient = resource.toObject();
            continue;
        }
        // search.mode "outcome" entries are warnings about the search, not records.
        if (type == QLatin1String("OperationOutcome"))
            continue;
        page->records << parseClinicalRecordValue(resource);
    }
    return true;
}
