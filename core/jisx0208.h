#pragma once

#include <QChar>

namespace Renkei {

/// ICU (Qt's EUC-JP and ISO-2022-JP decoders) maps six JIS X 0208 characters as Windows CP932
/// does (0x2141 to U+FF5E FULLWIDTH TILDE, 0x215D to U+FF0D FULLWIDTH HYPHEN-MINUS, ...). The
/// JIS X 0208 table (Unicode's JIS0208.TXT), glibc's iconv and Python's codecs (so pydicom)
/// map them to the characters below. The hub's SS-MIX2 import and the DICOM library both use
/// this, so one name or drug decoded by either reads the same, as it does in other tools.
/// Only for characters decoded from JIS X 0208.
inline QChar jisX0208StandardCharacter(QChar decoded)
{
    switch (decoded.unicode()) {
    case 0xFF5E: return QChar(0x301C); // 0x2141 WAVE DASH
    case 0x2225: return QChar(0x2016); // 0x2142 DOUBLE VERTICAL LINE
    case 0xFF0D: return QChar(0x2212); // 0x215D MINUS SIGN
    case 0xFFE0: return QChar(0x00A2); // 0x2171 CENT SIGN
    case 0xFFE1: return QChar(0x00A3); // 0x2172 POUND SIGN
    case 0xFFE2: return QChar(0x00AC); // 0x224C NOT SIGN
    default: return decoded;
    }
}

} // namespace Renkei
