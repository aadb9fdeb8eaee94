#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Dicom {

class DicomFile;

/// One row of a tag listing: an attribute, or an item of a sequence.
struct TagEntry
{
    enum class Kind { Element, Sequence, Item };

    Kind kind = Kind::Element;
    quint16 group = 0;
    quint16 element = 0;
    QString vr;      ///< "PN", "SQ", ...; empty for an item
    QString keyword; ///< the data dictionary keyword, e.g. "PatientName"; empty for an item
    /// The value as Unicode (text VRs through the Specific Character Set in effect where the
    /// attribute sits); numbers as text, values joined by '\'; long numeric lists cut short;
    /// binary data as its size.
    QString value;
    int depth = 0;   ///< 0 for top-level attributes
    int parent = -1; ///< index of the enclosing sequence or item row, -1 at top level
    int item = 0;    ///< for an item: its 0-based number in the sequence

    /// "(0010,0010)"
    QString tagText() const;
};

/// Every attribute of the file at @p path (meta header first, then the dataset), flattened
/// in order with sequences followed by their items and the items' attributes. Unreadable
/// files give an error, never a crash.
Result<QList<TagEntry>> dumpTags(const QString &path);
/// The same for an in-memory file (e.g. a DICOMweb payload).
Result<QList<TagEntry>> dumpTags(const QByteArray &bytes);
/// The same for a file already parsed, e.g. an image retrieved from the hub, which has no
/// path to read again. Safe while other threads use @p file.
Result<QList<TagEntry>> dumpTags(const DicomFile &file);

} // namespace Dicom
