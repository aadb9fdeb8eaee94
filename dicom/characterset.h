#pragma once

#include <QByteArray>
#include <QString>

namespace Dicom {

/// Which delimiters reset ISO 2022 code extensions to the initial state (PS3.5 6.1.2.5.3).
enum class TextKind {
    PersonName, ///< PN: also reset at the component (^) and group (=) delimiters
    ShortText,  ///< SH, LO, ...: reset at the value delimiter (backslash)
    LongText,   ///< ST, LT, UT: no value delimiter; reset at CR, LF, FF, TAB only
};

/// Converts a raw DICOM string value to Unicode according to Specific Character Set
/// (0008,0005), given as its raw, possibly multi-valued, text (e.g. "\\ISO 2022 IR 87").
/// Handles every defined term, including ISO 2022 code extensions that switch sets inside a
/// value (Japanese IR 13/87/159, Korean IR 149, Chinese IR 58) which DCMTK's iconv path cannot
/// convert on Debian. Bytes that a set does not define become U+FFFD; nothing fails.
QString decodeText(const QByteArray &raw, const QByteArray &specificCharacterSet,
                   TextKind kind = TextKind::ShortText);

/// True when the defined terms of @p specificCharacterSet are all known to decodeText().
bool isKnownCharacterSet(const QByteArray &specificCharacterSet);

} // namespace Dicom
