#pragma once

#include "fhirmapping.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Building blocks shared by the per-domain mappers (internal to RenkeiSsmix2).
namespace Ssmix2::Mapping {

/// FHIR code system URI for an HL7 v2 coding-system name (JC10, HOT9, MDCDX2, I10, JAMISDP01,
/// HL7nnnn...). Unknown local names keep their name in a Renkei URN so nothing is lost.
QString codeSystemUri(const QString &hl7Name);

/// FHIR date or dateTime from an HL7 DTM (YYYY[MM[DD[HHMM[SS[.S]]]]]), in JST (+09:00) when it
/// has a time; empty when the text is not a valid date ("aaa").
QString fhirDateTime(const QString &hl7);
/// The same, without the zone: what the hub's date column keeps for sorting and ge/le.
QString indexDate(const QString &hl7);
std::optional<double> number(const QString &text);

/// Coding from code, display, system (CWE components 1-3); empty object when the code is empty.
QJsonObject coding(const QString &code, const QString &display, const QString &hl7System);
/// CodeableConcept from a CWE field (primary and alternate triplets), with text.
QJsonObject codeableConcept(const Hl7Segment &segment, int field, int repetition = 0);
QString mainCode(const QJsonObject &conceptValue);
QJsonObject quantity(double value, const QString &unit, const QString &unitCode = {});
/// "family given" from an XCN (ID^family^given): for requester/performer displays.
QString personName(const Hl7Segment &segment, int field);

/// Sets id, the subject/patient reference, meta.source and the source identifier.
QJsonObject finish(QJsonObject resource, const MappingContext &context, int seq,
                   const QString &patientElement = QStringLiteral("subject"));
QString resourceId(const MappingContext &context, int seq);

/// Renkei's own category codes (prescription, injection, laboratory...): searchable with
/// `category` whatever the standard categories say.
QJsonObject renkeiCategory(const QString &code);
inline const QString kRenkeiCategorySystem = QStringLiteral("urn:renkei:category");

} // namespace Ssmix2::Mapping

namespace Ssmix2::Mapping {

/// Collects a message's resources, numbering them in order so IDs are stable across imports.
class ResourceList
{
public:
    explicit ResourceList(const MappingContext &context) : m_context(context) {}

    /// Adds \a json (with resourceType set) and returns its ID.
    QString add(const QString &kind, const QString &date, const QString &code, QJsonObject json,
                const QString &patientElement = QStringLiteral("subject"));
    const MappingContext &context() const { return m_context; }
    QString nextId() const { return resourceId(m_context, m_seq + 1); }
    QList<MappedResource> take() { return std::move(m_resources); }

private:
    const MappingContext &m_context;
    QList<MappedResource> m_resources;
    int m_seq = 0;
};

// Per-domain mappers: each appends what it makes to \a list and explains anything it skips.
void mapEncounter(const Hl7Message &message, ResourceList &list, QStringList &notes);
void mapAllergies(const Hl7Message &message, ResourceList &list, QStringList &notes);
void mapConditions(const Hl7Message &message, ResourceList &list, QStringList &notes);
void mapMedicationRequests(const Hl7Message &message, bool injection, ResourceList &list, QStringList &notes);
void mapMedicationAdministrations(const Hl7Message &message, bool injection, ResourceList &list, QStringList &notes);
void mapServiceRequests(const Hl7Message &message, const QString &kind, ResourceList &list, QStringList &notes);
void mapResults(const Hl7Message &message, const QString &kind, ResourceList &list, QStringList &notes);
void mapImagingStudies(const Hl7Message &message, const QString &kind, ResourceList &list, QStringList &notes);
void mapNutritionOrder(const Hl7Message &message, ResourceList &list, QStringList &notes);
/// Observations from OBX segments (value, unit, range, interpretation); returns their IDs.
QStringList mapObservations(const QList<const Hl7Segment *> &obx, const QString &kind,
                            const QString &fallbackDate, ResourceList &list, QStringList &notes);

} // namespace Ssmix2::Mapping
