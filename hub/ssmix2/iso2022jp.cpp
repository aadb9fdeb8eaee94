#include "iso2022jp.h"

#include <QList>
#include <QStringDecoder>
#include <QStringEncoder>

#include <utility>

namespace Ssmix2 {

namespace {

enum class CharacterSet { Ascii, JisRoman, HalfWidthKatakana, Jisx0208 };

/// One run of bytes in one character set, as its escape sequence selected it.
Result<QString> decodeRun(CharacterSet set, const QByteArray &run)
{
    QString text;
    switch (set) {
    case CharacterSet::Ascii:
        return QString::fromLatin1(run);
    case CharacterSet::JisRoman:
        // JIS X 0201 Roman differs from ASCII in two places.
        for (char byte : run)
            text += byte == 0x5C ? QChar(0x00A5) : byte == 0x7E ? QChar(0x203E) : QChar::fromLatin1(byte);
        return text;
    case CharacterSet::HalfWidthKatakana:
        // JIS X 0201 katakana: 0x21-0x5F are U+FF61-U+FF9F.
        for (char byte : run) {
            if (byte < 0x21 || byte > 0x5F)
                return Failure{QStringLiteral("not ISO-2022-JP: byte 0x%1 in a half-width katakana run")
                                   .arg(int(byte), 2, 16, QLatin1Char('0'))};
            text += QChar(0xFF61 + (byte - 0x21));
        }
        return text;
    case CharacterSet::Jisx0208: {
        // The JIS X 0208 table is Qt's (ICU). It gets one well-formed run at a time: ICU
        // refuses an escape sequence followed by nothing, which real storages do write.
        if (run.size() % 2 != 0)
            return Failure{QStringLiteral("not ISO-2022-JP: a JIS X 0208 run of odd length")};
        QStringDecoder decoder("ISO-2022-JP");
        if (!decoder.isValid())
            return Failure{QStringLiteral("this Qt has no ISO-2022-JP decoder (built without ICU?)")};
        text = decoder.decode(QByteArray("\x1b$B") + run + QByteArray("\x1b(B"));
        if (decoder.hasError() || text.contains(QChar::ReplacementCharacter))
            return Failure{QStringLiteral("not ISO-2022-JP: invalid JIS X 0208 character")};
        // ICU maps six JIS X 0208 characters as Windows CP932 does (0x215D to U+FF0D FULLWIDTH
        // HYPHEN-MINUS...). Use the JIS X 0208 mapping (Unicode's JIS0208.TXT, and glibc's
        // iconv) so a text reads the same whichever tool decoded it.
        static const QList<std::pair<char16_t, char16_t>> jisMapping{
            {0xFF5E, 0x301C}, {0x2225, 0x2016}, {0xFF0D, 0x2212},
            {0xFFE0, 0x00A2}, {0xFFE1, 0x00A3}, {0xFFE2, 0x00AC}};
        for (const auto &[cp932, jis] : jisMapping)
            text.replace(QChar(cp932), QChar(jis));
        return text;
    }
    }
    return text;
}

} // namespace

Result<QString> decodeIso2022Jp(const QByteArray &bytes)
{
    QString text;
    CharacterSet set = CharacterSet::Ascii;
    QByteArray run;
    auto flush = [&]() -> Status {
        if (run.isEmpty())
            return success();
        const auto decoded = decodeRun(set, run);
        if (!decoded)
            return Failure{decoded.error()};
        text += *decoded;
        run.clear();
        return success();
    };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes.at(i));
        if (byte >= 0x80)
            return Failure{QStringLiteral("not ISO-2022-JP: byte 0x%1 at offset %2 has the high bit set")
                               .arg(byte, 2, 16, QLatin1Char('0'))
                               .arg(i)};
        if (byte == 0x1B) {
            const QByteArray sequence = bytes.mid(i + 1, 2);
            CharacterSet next;
            if (sequence == "(B")
                next = CharacterSet::Ascii;
            else if (sequence == "(J")
                next = CharacterSet::JisRoman;
            else if (sequence == "(I")
                next = CharacterSet::HalfWidthKatakana;
            else if (sequence == "$B" || sequence == "$@")
                next = CharacterSet::Jisx0208;
            else
                return Failure{QStringLiteral("not ISO-2022-JP: unknown escape sequence at offset %1").arg(i)};
            if (const Status flushed = flush(); !flushed)
                return Failure{flushed.error()};
            set = next;
            i += 2;
            continue;
        }
        // A segment end inside a non-ASCII run (a writer that forgot ESC ( B) stays a
        // segment end; the run before it is decoded on its own.
        if ((byte == 0x0D || byte == 0x0A) && set != CharacterSet::Ascii) {
            if (const Status flushed = flush(); !flushed)
                return Failure{flushed.error()};
            text += QChar(byte);
            continue;
        }
        run.append(char(byte));
    }
    if (const Status flushed = flush(); !flushed)
        return Failure{flushed.error()};
    return text;
}

Result<QByteArray> encodeIso2022Jp(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0xFF61 && c.unicode() <= 0xFF9F)
            return Failure{QStringLiteral("half-width katakana is not written by this encoder")};
    }
    QStringEncoder encoder("ISO-2022-JP");
    if (!encoder.isValid())
        return Failure{QStringLiteral("this Qt has no ISO-2022-JP encoder (built without ICU?)")};
    QByteArray bytes = encoder(text);
    if (encoder.hasError())
        return Failure{QStringLiteral("text not representable in ISO-2022-JP")};
    // The decoder is the judge: what it cannot read back exactly was not encoded faithfully.
    const auto back = decodeIso2022Jp(bytes);
    if (!back || *back != text)
        return Failure{QStringLiteral("text does not survive an ISO-2022-JP round trip")};
    return bytes;
}

} // namespace Ssmix2
