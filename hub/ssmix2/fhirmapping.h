#pragma once

#include "../result.h"
#include "hl7message.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Ssmix2 {

/// What the importer tells the mapper about where a message's resources will live.
struct MappingContext
{
    QString idPrefix;         ///< stable per (facility, file identity); resource IDs are prefix-N
    QString patientReference; ///< e.g. "Patient/p00012"
    QString facility;         ///< the disclosing facility's ID
    QString dataType;         ///< SS-MIX2 data type from the file name, e.g. OMP-01
};

/// One FHIR R4 resource made from a message, with the columns the hub indexes it by.
struct MappedResource
{
    QString type; ///< resourceType
    QString kind; ///< disclosure kind, one of DisclosurePolicy::allKinds(): prescriptions,
                  ///< injections, labs, physiology, radiology, endoscopy, images, diagnoses,
                  ///< allergies, summaries (Encounter), physician-records (NutritionOrder)
    QString date; ///< clinical date for search and sort: YYYY-MM-DD[THH:MM[:SS]] (local time)
    QString code; ///< main code as "system|code" (empty when none)
    QJsonObject json;
};

/// Patient details from PID (name in kanji and kana, birth date, sex).
struct PidDemographics
{
    QString localId; ///< PID-3, first identifier
    QString familyName, givenName, familyKana, givenKana;
    QString birthDate; ///< YYYY-MM-DD or empty
    QString gender;    ///< male, female, other, unknown
};

struct MappedMessage
{
    QList<MappedResource> resources;
    std::optional<PidDemographics> patient; ///< from PID, when the message has one
    QStringList notes; ///< parts not mapped, for the operator's report
};

/// The SS-MIX2 data types mapFhir() knows.
bool isMappedDataType(const QString &dataType);

/// Maps one message of \a context.dataType to FHIR resources shaped after JP-Core. Never fails
/// on field content: garbage in a date or number leaves that element out (with a note); only a
/// message that lacks what its data type needs (no PID, no order segment) is a failure.
Result<MappedMessage> mapFhir(const Hl7Message &message, const MappingContext &context);

} // namespace Ssmix2
