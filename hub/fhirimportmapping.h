#pragma once

#include "patient.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

/// What `import-fhir` needs to know about a FHIR R4 resource to keep it as a hub record:
/// its disclosure kind, clinical date and main code (the columns searches use), its patient,
/// and the patient details of a JP-Core Patient. Pure functions, no database.
namespace FhirImport {

/// Whether \a type names a resource of FHIR R4 (4.0.1).
bool isR4ResourceType(const QString &type);

/// The element that names the patient: `patient` for AllergyIntolerance and NutritionOrder,
/// `subject` for the other record types.
QString patientElement(const QString &type);

/// Disclosure kind (DisclosurePolicy::allKinds()) of a record, from its type and categories
/// (docs/PROTOCOL.md "Importing FHIR").
QString disclosureKind(const QJsonObject &resource);
/// The clinical date the timeline and `date` search use, as the hub's date column keeps it:
/// YYYY[-MM[-DD]] as given, a dateTime in Japan time (+09:00) without its zone. Empty if none.
QString clinicalDate(const QJsonObject &resource);
/// "system|code" of the record's main code; a standard Japanese code system (ICD-10, JLAC10,
/// HOT9, YJ, LOINC) is preferred over a local one. Empty if none.
QString mainCode(const QJsonObject &resource);

/// A JP-Core Patient's details: name in kanji (IDE, or a name without representation) and kana
/// (SYL), birth date, sex, and the facility's local patient ID picked from its identifiers:
/// the one with system \a idSystem when given, else the hub's own facility system, a JP-Core
/// medical record number (urn:oid:1.2.392.100495.20.3.51.*), an identifier of type MR, or the
/// only identifier. Fails when none of these applies.
Result<Patient> patientFrom(const QJsonObject &resource, const QString &facility, const QString &idSystem);

/// Replaces every `reference` (and DocumentReference attachment `url`) in \a value for which
/// \a map answers.
void rewriteReferences(QJsonValue &value, const std::function<std::optional<QString>(const QString &)> &map);
QJsonObject rewriteReferences(const QJsonObject &object,
                              const std::function<std::optional<QString>(const QString &)> &map);

/// A document Bundle's Composition as the hub keeps documents: a DocumentReference with id
/// \a referenceId (type, date, title, author of the Composition; subject already rewritten) and
/// a Binary \a binaryId holding the whole Bundle's original bytes (application/fhir+json).
struct DocumentPair
{
    QJsonObject reference;
    QJsonObject binary;
    QString kind;
};
DocumentPair documentFromComposition(const QJsonObject &composition, const QByteArray &bundleBytes,
                                     const QString &referenceId, const QString &binaryId,
                                     const QString &facility);

} // namespace FhirImport
