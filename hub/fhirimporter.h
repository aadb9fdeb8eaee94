#pragma once

#include "importreport.h"
#include "result.h"

#include <QString>

class Store;

/// `import-fhir`: stores the FHIR R4 resources of Bundles (collection, transaction, document,
/// batch, searchset) and NDJSON files as records of \a facility, the way the SS-MIX2 importer
/// does: every resource names the facility in meta.source, refers to its network patient, and
/// is kept by source key (the facility plus the resource's type and id), so importing the same
/// file twice changes nothing and a changed resource replaces the earlier one.
///
/// Patients: a Patient resource finds or creates the network patient by (facility, local ID),
/// the local ID being one of its identifiers (see FhirImport::patientFrom()); references to it
/// (Patient/xyz, urn:uuid: fullUrls) are rewritten to the network patient, also in later files.
///
/// One transaction per file. A transaction Bundle is all or nothing; in other files a resource
/// that cannot be used (unknown resourceType, no patient) is reported and the rest stored. A
/// file that is not JSON is reported with its path and the import goes on.
class FhirImporter
{
public:
    FhirImporter(Store &store, QString facility, QString idSystem = {});

    /// Imports one file, or every .json / .ndjson file under a folder (Patient* files first).
    Result<ImportReport> importPath(const QString &path);

private:
    Store &m_store;
    QString m_facility;
    QString m_idSystem;
};
