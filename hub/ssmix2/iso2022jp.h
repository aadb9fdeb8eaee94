#pragma once

#include "../result.h"

#include <QByteArray>
#include <QString>

namespace Ssmix2 {

/// Decodes an SS-MIX2 message (ISO-2022-JP: ASCII, JIS-Roman `ESC ( J`, JIS X 0208 `ESC $ B` /
/// `ESC $ @`, half-width katakana `ESC ( I`) to Unicode.
///
/// The whole message is decoded before it is split into segments and fields: inside a JIS X 0208
/// run the byte pairs reuse 0x21-0x7E, so a kanji can contain the bytes of `|`, `^`, `~`, `\` or
/// `&` (and a half-width ﾞ is the byte of `^`). Split before decoding, such a character would
/// break a field; decoded, it becomes one non-ASCII code point and only the real ASCII
/// delimiters remain. The escape sequences are followed here; the JIS X 0208 table is Qt's
/// (ICU, whose ISO-2022-JP decoder handles all four sets but refuses empty runs such as
/// `ESC ( B ESC ( I`, so it only ever sees one JIS X 0208 run at a time).
///
/// Fails when the bytes are not 7-bit (ISO-2022-JP never sets the high bit: such a file is in
/// another encoding, e.g. Shift_JIS or UTF-8) or the decoder reports an invalid sequence.
Result<QString> decodeIso2022Jp(const QByteArray &bytes);

/// Encodes \a text as ISO-2022-JP (ASCII and JIS X 0208, ending in ASCII), as SS-MIX2 files
/// are written. Fails for a character JIS X 0208 lacks (half-width katakana included, which
/// ICU's encoder would silently widen). Used to write generated (demo) storages.
Result<QByteArray> encodeIso2022Jp(const QString &text);

} // namespace Ssmix2
