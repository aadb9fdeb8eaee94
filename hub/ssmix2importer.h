#pragma once

#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

class Store;

/// What one import did, file by file where something needs the operator's attention.
struct Ssmix2ImportReport
{
    struct Problem
    {
        enum class Level { Warning, Skipped, Failed };
        Level level;
        QString path;
        QString reason;
    };

    int files = 0;     ///< files seen in the layout (placed well or not)
    int imported = 0;  ///< new source records
    int replaced = 0;  ///< a newer version replaced what an earlier import stored
    int deleted = 0;   ///< a deleted (_0) version removed what an earlier import stored
    int unchanged = 0; ///< this exact version is already in the store
    int skipped = 0;   ///< nothing to do (superseded version, unknown data type, ...)
    int failed = 0;    ///< unusable (wrong folder, malformed, wrong encoding)
    int resources = 0; ///< FHIR resources written by this run
    QList<Problem> problems;

    QString summaryLine() const;
    QJsonObject toJson() const;
};

/// `import-ssmix2`: walks a standardized storage and stores its messages as FHIR resources of
/// \a facility. One transaction per file: an import killed midway leaves every file either
/// fully imported or not at all, and the next run picks up where it stopped.
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
