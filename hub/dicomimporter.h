#pragma once

#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class Store;

/// What one `import-dicom` run did.
struct DicomImportReport
{
    struct Problem
    {
        bool failed = true; ///< false: a warning, the file was imported
        QString path;
        QString reason;
    };

    int files = 0;     ///< files looked at
    int imported = 0;  ///< new instances
    int replaced = 0;  ///< an instance already stored with other bytes
    int unchanged = 0; ///< the same bytes are already stored
    int skipped = 0;   ///< another file of this run has the same SOP Instance UID
    int failed = 0;    ///< refused: too large, not DICOM, unreadable, no UIDs
    int studies = 0;   ///< ImagingStudy resources written
    QList<Problem> problems;

    QString summaryLine() const;
    QJsonObject toJson() const;
};

/// `import-dicom`: stores DICOM files of a facility in the hub (DIR/dicom/, content-addressed)
/// and writes one ImagingStudy per study, its patient found by (facility, Patient ID) as the
/// SS-MIX2 import finds it. One transaction per file; the file is complete on disk before its
/// row is committed, and studies whose instances changed after their ImagingStudy was written
/// (also by an earlier run killed midway) are rewritten at the end of the run.
class DicomImporter
{
public:
    /// Files larger than this are refused before DCMTK sees them: DCMTK allocates whatever
    /// lengths a header claims.
    static constexpr qint64 kMaxFileBytes = 512LL * 1024 * 1024;

    DicomImporter(Store &store, QString dataDir, QString facility);

    /// \a paths are files or folders (walked recursively).
    Result<DicomImportReport> importPaths(const QStringList &paths);

private:
    Status importFile(const QString &path, DicomImportReport &report);
    Status writeStaleStudies(DicomImportReport &report);

    Store &m_store;
    QHash<QString, QString> m_seenInRun; ///< SOP Instance UID → first file of this run
    QHash<QString, QString> m_seenHash;  ///< SOP Instance UID → its SHA-256
    QString m_dataDir;
    QString m_facility;
};

/// The network patient of (\a facility, DICOM Patient ID \a localId), found as the SS-MIX2
/// import finds it; created with the dataset's name, birth date and sex when new.
Result<QString> findOrCreateImagingPatient(Store &store, const QString &facility, const QString &localId,
                                           const QJsonObject &dataset);
