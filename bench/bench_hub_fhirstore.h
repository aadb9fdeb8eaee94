#pragma once
// A large generated hub store for the FHIR benchmark: the hub's own schema (Store::open),
// filled by bulk inserts with resources cloned from what the real SS-MIX2 importer makes of
// the demo histories.

#include <QString>

namespace HubBench {

struct FhirStoreSpec
{
    int patients = 100'000;
    qint64 resources = 10'000'000;
    int bigPatientResources = 5'000; ///< one patient with exactly this many records
};

/// What the benchmark needs to know about a generated store (kept in DIR/bench.json).
struct FhirStore
{
    QString dir;        ///< hub.sqlite, ca.pem, server.pem/key
    QString user;       ///< a clinic user (clinic-azumino)
    QString password;
    QString bigPatient; ///< the patient with bigPatientResources records, consented
};

inline const QString kClinic = QStringLiteral("clinic-azumino");

/// The store for \a spec under \a dataDir, generated when missing (minutes for 10M resources).
FhirStore ensureFhirStore(const QString &dataDir, const FhirStoreSpec &spec);

} // namespace HubBench
