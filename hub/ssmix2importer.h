#pragma once

#include "importreport.h"
#include "result.h"

#include <QString>

class Store;

using Ssmix2ImportReport = ImportReport;

/// `import-ssmix2`: walks a standardized storage and stores its messages as FHIR resources of
/// \a facility. Every file in a savepoint of its own, several files per transaction: an import
/// killed midway leaves every file either fully imported or not at all (at most the last
/// uncommitted batch is lost), and the next run picks up where it stopped. Files are read,
/// parsed and mapped ahead on worker threads; the database sees them in walk order.
///
/// Versions: files that differ only in timestamp, department and condition flag are versions
/// of one record. The newest current (_1) or deleted (_0) version wins; superseded (_2) and
/// older versions are skipped. A storage path and a PID-3 that disagree are imported under the
/// storage path's patient with a warning: the storage path is the key.
class Ssmix2Importer
{
public:
    Ssmix2Importer(Store &store, QString facility);

    Result<Ssmix2ImportReport> importStorage(const QString &root);

private:
    Store &m_store;
    QString m_facility;
};
