#pragma once

#include "storagefile.h"

#include <QList>
#include <QString>

namespace Ssmix2 {

struct StorageFile
{
    QString path;         ///< absolute
    QString relativePath; ///< to the storage root, with '/'
    StorageFileName name;
    /// An extended-storage (拡張ストレージ) document (CDA R2 XML, PDF, text) rather than an
    /// HL7 message; name.dataType is then its document-type folder.
    bool document = false;
};

/// A file the walker will not hand on, and why (shown to the operator with its path).
struct RefusedFile
{
    QString path;
    QString reason;
};

struct StorageWalk
{
    QList<StorageFile> files;  ///< well-placed files, sorted by relative path
    QList<RefusedFile> refused;
};

/// Lists a standardized storage `ROOT/ID[0:3]/ID[3:6]/ID/careDate|-/dataType/file`. A file
/// whose name does not parse, or whose folder does not match its name (patient, care date,
/// data type), is refused: the storage path and the file name are both the record's key, and
/// when they disagree neither can be trusted. Files directly in ROOT (a LICENSE, a README) are
/// not part of the layout and are ignored.
///
/// Extended storage (拡張ストレージ) shares the layout, `ROOT/ID[0:3]/ID[3:6]/ID/careDate/
/// <document type folder>/<file>`, where the folder is not a standard HL7 data type (it names
/// the kind of document, e.g. `18842-5` (LOINC, discharge summary) or `退院時サマリー`) and the
/// file is CDA R2 XML (.xml), PDF (.pdf) or text (.txt). Hospitals name these files freely, so a
/// document is keyed by its path; when its name (without extension) is a standard SS-MIX2 file
/// name for that folder, its timestamp and condition flag make versions as for messages.
StorageWalk walkStorage(const QString &root);

} // namespace Ssmix2
