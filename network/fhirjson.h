#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

/// Small readers for FHIR R4 JSON datatypes, shared by the record parser and the models.
namespace FhirJson {
/// CodeableConcept → text, else the first coding's display, else its code.
QString conceptText(const QJsonValue &codeable);
/// The code of the first coding of \a codeable (any system when \a system is empty).
QString conceptCode(const QJsonValue &codeable, const QString &system = {});
/// True when any coding of any codeable in \a conceptList (array or single) has \a code, optionally
/// restricted to \a system.
bool hasCoding(const QJsonValue &conceptList, const QString &code, const QString &system = {});
/// A number without trailing zeros ("7.2", "1400", "-14").
QString numberText(const QJsonValue &value);
/// Quantity → "7.2 g/dl" (value and unit; either may be missing).
QString quantityText(const QJsonValue &quantity);
/// The value[x] of an Observation as text, with its unit.
QString observationValueText(const QJsonObject &observation);
/// referenceRange[0] → "6.7–8.3" (its text when present).
QString referenceRangeText(const QJsonObject &observation);
/// The first interpretation code of an Observation ("H", "L", "HH"…), or empty.
QString interpretationCode(const QJsonObject &observation);
/// The facility id from meta.source, or empty.
QString facilityIdOf(const QJsonObject &resource);
/// Value at a dotted path of object members, e.g. "period.start".
QJsonValue at(const QJsonObject &object, const QString &dottedPath);

inline const QString kRenkeiCategory = QStringLiteral("urn:renkei:category");
inline const QString kJlac10System = QStringLiteral("urn:oid:1.2.392.200119.4.504");
} // namespace FhirJson

namespace FhirJson {
/// Facility id → display name from a Patient's identifiers
/// (system urn:renkei:facility:<id>:patient-id, assigner.display).
QHash<QString, QString> facilityNamesOfPatient(const QJsonObject &patient);
} // namespace FhirJson
