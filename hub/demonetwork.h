#pragma once

#include "result.h"

#include <QString>

class Store;

/// The demo network: three facilities around Matsumoto, three users, a few hundred synthetic
/// patients with consents for the clinic, a login notice, and a CA + server certificate.
/// The patients come from a fixed seed, so every demo network holds the same people.
namespace DemoNetwork {

inline const QString kPassword = QStringLiteral("renkei-demo-2026");
constexpr int kPatientCount = 240;

struct Summary
{
    int facilities = 0;
    int users = 0;
    int patients = 0;
    int activeConsents = 0;
    int withdrawnConsents = 0;
    int historyPatients = 0;  ///< patients given a clinical history (see DemoHistories)
    int historyFiles = 0;     ///< SS-MIX2 files generated and imported
    int historyResources = 0; ///< FHIR resources the import stored
};

/// How many patients get a clinical history: the first ones (by ID) born before 1976, which
/// mixes consented and not consented patients. Limited so that `demo` stays fast.
constexpr int kHistoryPatients = 50;

/// Creates DIR/hub.sqlite and the certificates, then generates the histories as SS-MIX2
/// storages in DIR/demo-ssmix2/<hospital>/ and imports them with the SS-MIX2 importer. Refuses if the database exists unless \a force.
Result<Summary> create(const QString &directory, bool force);

/// Fills an empty store (used by create(); tests may call it with cheap password hashing).
Result<Summary> populate(Store &store, int passwordIterations);

} // namespace DemoNetwork
