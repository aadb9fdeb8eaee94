#include "iso2022jp.h"

#include "jisx0208.h"

#include <QList>
#include <QStringDecoder>
#include <QStringEncoder>

#include <algorithm>
#include <utility>

namespace Ssmix2 {

namespace {

enum class CharacterSet { Ascii, JisRoman, HalfWidthKatakana, Jisx0208 };

/// The ISO-2022-JP decoder of this thread, made once: opening an ICU converter per run was a
/// third of the decoding time (bench/README.md). Workers of an import each get their own.
QStringDecoder &jisDecoder()
{
    thread_local QStringDecoder decoder("ISO-2022-JP");
    return decoder;
}

/// Appends one run of bytes in one character set, as its escape sequence selected it.
Status decodeRun(CharacterSet set, QByteArrayView run, QString &text)
{
    switch (set) {
    case CharacterSet::Ascii:
        text.append(QLatin1StringView(run.data(), run.size()));
        return success();
    case CharacterSet::JisRoman:
        // JIS X 0201 Roman differs from ASCII in two places.
        for (char byte : run)
            text += byte == 0x5C ? QChar(0x00A5) : byte == 0x7E ? QChar(0x203E) : QChar::fromLatin1(byte);
        return success();
    case CharacterSet::HalfWidthKatakana:
        // JIS X 0201 katakana: 0x21-0x5F are U+FF61-U+FF9F.
        for (char byte : run) {
            if (byte < 0x21 || byte > 0x5F)
                return Failure{QStringLiteral("not ISO-2022-JP: byte 0x%1 in a half-width katakana run")
                                   .arg(int(byte), 2, 16, QLatin1Char('0'))};
            text += QChar(0xFF61 + (byte - 0x21));
        }
        return success();
    case CharacterSet::Jisx0208: {
        // The JIS X 0208 table is Qt's (ICU). It gets one well-formed run at a time: ICU
        // refuses an escape sequence followed by nothing, which real storages do write.
        if (run.size() % 2 != 0)
            return Failure{QStringLiteral("not ISO-2022-JP: a JIS X 0208 run of odd length")};
        QStringDecoder &decoder = jisDecoder();
        if (!decoder.isValid())
            return Failure{QStringLiteral("this Qt has no ISO-2022-JP decoder (built without ICU?)")};
        decoder.resetState();
        QByteArray wrapped;
        wrapped.reserve(run.size() + 6);
        wrapped.append("\x1b$B", 3).append(run).append("\x1b(B", 3);
        const QString piece = decoder.decode(wrapped);
        if (decoder.hasError() || piece.contains(QChar::ReplacementCharacter))
            return Failure{QStringLiteral("not ISO-2022-JP: invalid JIS X 0208 character")};
        // ICU's CP932-style code points for six characters → the JIS X 0208 table's.
        text.reserve(text.size() + piece.size());
        for (QChar c : piece)
            text.append(Renkei::jisX0208StandardCharacter(c));
        return success();
    }
    }
    return success();
}

} // namespace

Result<QString> decodeIso2022Jp(const QByteArray &bytes)
{
    // Runs are sliced out of the bytes whole (not copied byte by byte) and appended as decoded.
    QString text;
    text.reserve(bytes.size());
    CharacterSet set = CharacterSet::Ascii;
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype runStart = 0;
    auto flush = [&](qsizetype end) -> Status {
        if (end > runStart) {
            if (const Status decoded = decodeRun(set, QByteArrayView(data + runStart, end - runStart), text); !decoded)
                return decoded;
        }
        return success();
    };
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        if (byte >= 0x80)
            return Failure{QStringLiteral("not ISO-2022-JP: byte 0x%1 at offset %2 has the high bit set")
                               .arg(byte, 2, 16, QLatin1Char('0'))
                               .arg(i)};
        if (byte == 0x1B) {
            const QByteArrayView sequence(data + i + 1, std::min<qsizetype>(2, size - i - 1));
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
            if (const Status flushed = flush(i); !flushed)
                return Failure{flushed.error()};
            set = next;
            i += 2;
            runStart = std::min(i + 1, size);
            continue;
        }
        // A segment end inside a non-ASCII run (a writer that forgot ESC ( B) stays a
        // segment end; the run before it is decoded on its own.
        if ((byte == 0x0D || byte == 0x0A) && set != CharacterSet::Ascii) {
            if (const Status flushed = flush(i); !flushed)
                return Failure{flushed.error()};
            text += QChar(byte);
            runStart = i + 1;
            continue;
        }
    }
    if (const Status flushed = flush(size); !flushed)
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
