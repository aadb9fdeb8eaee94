#pragma once

#include "patient.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

class Store;

/// Patients as a facility may see them. Every query that serves a user joins the consent
/// table for that user's facility, on every call: visibility is decided in SQL, never cached,
/// so a withdrawal is effective on the very next request.
class PatientRepository
{
public:
    explicit PatientRepository(Store &store) : m_store(store) {}

    struct SearchResult
    {
        int total = 0;
        QList<Patient> patients; ///< the first query.count, by kana
    };
    Result<SearchResult> search(const QString &facility, const PatientQuery &query) const;
    /// The patient if it exists and \a facility holds an active consent; nullopt otherwise.
    Result<std::optional<Patient>> readVisible(const QString &facility, const QString &id) const;

    // Administration (no consent filter).
    Status add(const Patient &patient);
    Status addIdentifier(const QString &patient, const QString &facility, const QString &value);
    Result<bool> exists(const QString &id) const;
    /// Replaces the name, kana, birth date and sex of an existing patient (identifiers stay).
    Status updateDemographics(const Patient &patient);
    /// The network patient ID an import gives a new patient of (facility, local ID): derived
    /// from both, so the same records imported into a fresh hub get the same IDs (whether from
    /// SS-MIX2 or FHIR), without exposing the local ID.
    static QString importedPatientId(const QString &facility, const QString &localId);
    /// The network patient holding \a facility's local ID \a value, if any.
    Result<std::optional<QString>> findByLocalId(const QString &facility, const QString &value) const;
    Result<QList<Patient>> list() const;

private:
    Result<QList<PatientIdentifier>> identifiersOf(const QString &patient) const;

    Store &m_store;
};
