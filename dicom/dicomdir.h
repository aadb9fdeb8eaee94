#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Dicom {

/// One record of a DICOMDIR that names a file (an image, waveform, SR, encapsulated
/// document …), with the patient, study and series records above it.
struct DicomDirEntry
{
    QString recordType;       ///< Directory Record Type, e.g. "IMAGE", "WAVEFORM", "ENCAP DOC"
    QStringList fileId;       ///< Referenced File ID components as written, e.g. {"DICOM","IM1"}
    QString path;             ///< the file on disk; empty when it cannot be found
    QString sopInstanceUid;   ///< Referenced SOP Instance UID in File
    QString patientId;
    QString patientName;      ///< Unicode, all PN component groups
    QString studyInstanceUid;
    QString studyDate;
    QString studyDescription;
    QString seriesInstanceUid;
    QString modality;
    QString seriesNumber;
};

/// The file-set a DICOMDIR describes (PS3.10 8.6, PS3.3 F.3), flattened to its file records in
/// directory order.
struct DicomDir
{
    QString path;                ///< the DICOMDIR itself
    QList<DicomDirEntry> entries;
    int patientCount = 0;
    int studyCount = 0;
    int seriesCount = 0;

    /// Paths of the referenced files that exist, in directory order.
    QStringList files() const;
    /// File IDs (joined with '/') of the referenced files that are not on disk.
    QStringList missingFiles() const;
};

/// Reads the DICOMDIR at @p path (never writes to it: CDs are read-only and a patient's disc
/// must stay as it came). Not a DICOMDIR, unreadable or empty: an error.
Result<DicomDir> readDicomDir(const QString &path);

/// The file that Referenced File ID @p components name relative to @p folder (the DICOMDIR's
/// folder). Components are matched case-insensitively, and ISO 9660 version suffixes (";1")
/// on disk are ignored, because discs are written in upper case and mounted in any case.
/// Empty if there is no such file; ".." and absolute components are refused.
QString resolveFileId(const QString &folder, const QStringList &components);

/// True if @p path is named DICOMDIR (any case), the name PS3.10 gives the file.
bool isDicomDirName(const QString &path);

} // namespace Dicom
