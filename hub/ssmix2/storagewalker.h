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
StorageWalk walkStorage(const QString &root);

} // namespace Ssmix2
