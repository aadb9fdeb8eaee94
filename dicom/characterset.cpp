#include "characterset.h"

#include "jisx0208.h"

#include <QList>
#include <QStringDecoder>

#include <optional>

namespace Dicom {
namespace {

// A graphic character set that can be designated to G0 or G1.
enum class Set {
    None,
    Ascii,        // ISO IR 6
    JisRoman,     // ISO IR 14 (JIS X 0201 Romaji: yen sign and overline)
    JisKatakana,  // ISO IR 13 (JIS X 0201 half-width katakana, G1)
    Jis0208,      // ISO IR 87 (kanji, two bytes, G0)
    Jis0212,      // ISO IR 159 (supplementary kanji, two bytes, G0)
    Ksc5601,      // ISO IR 149 (Korean, two bytes, G1)
    Gb2312,       // ISO IR 58 (simplified Chinese, two bytes, G1)
    SingleByteG1, // ISO 8859 parts and TIS 620, decoded by the named codec
};

struct State
{
    Set g0 = Set::Ascii;
    Set g1 = Set::None;
    const char *g1Codec = nullptr; // for SingleByteG1
};

struct Term
{
    const char *number; // what follows "ISO_IR " / "ISO 2022 IR "
    State initial;
};

// Defined terms of PS3.3 C.12.1.1.2, by IR number.
const Term kTerms[] = {
    {"6", {Set::Ascii, Set::None, nullptr}},
    {"100", {Set::Ascii, Set::SingleByteG1, "ISO-8859-1"}},
    {"101", {Set::Ascii, Set::SingleByteG1, "ISO-8859-2"}},
    {"109", {Set::Ascii, Set::SingleByteG1, "ISO-8859-3"}},
    {"110", {Set::Ascii, Set::SingleByteG1, "ISO-8859-4"}},
    {"144", {Set::Ascii, Set::SingleByteG1, "ISO-8859-5"}},
    {"127", {Set::Ascii, Set::SingleByteG1, "ISO-8859-6"}},
    {"126", {Set::Ascii, Set::SingleByteG1, "ISO-8859-7"}},
    {"138", {Set::Ascii, Set::SingleByteG1, "ISO-8859-8"}},
    {"148", {Set::Ascii, Set::SingleByteG1, "ISO-8859-9"}},
    {"203", {Set::Ascii, Set::SingleByteG1, "ISO-8859-15"}},
    {"166", {Set::Ascii, Set::SingleByteG1, "TIS-620"}},
    {"13", {Set::JisRoman, Set::JisKatakana, nullptr}},
    {"87", {Set::Jis0208, Set::None, nullptr}},
    {"159", {Set::Jis0212, Set::None, nullptr}},
    {"149", {Set::Ascii, Set::Ksc5601, nullptr}},
    {"58", {Set::Ascii, Set::Gb2312, nullptr}},
};

std::optional<State> stateForTerm(QByteArray term)
{
    term = term.trimmed();
    if (term.isEmpty())
        return State{};
    QByteArray number;
    if (term.startsWith("ISO_IR "))
        number = term.mid(7);
    else if (term.startsWith("ISO 2022 IR "))
        number = term.mid(12);
    else
        return std::nullopt;
    for (const Term &t : kTerms) {
        if (number == t.number)
            return t.initial;
    }
    return std::nullopt;
}

// Character sets without code extensions: the whole value is in one encoding.
const char *wholeValueCodec(const QByteArray &term)
{
    if (term == "ISO_IR 192")
        return "UTF-8";
    if (term == "GB18030")
        return "GB18030";
    if (term == "GBK")
        return "GBK";
    return nullptr;
}

// Collects bytes for one multi-byte codec and converts them in one go when the set changes.
/// EUC-JP as well, but a separate object (runs are told apart by pointer): JIS X 0208 runs get
/// the JIS table's six code points where ICU gives CP932's (core/jisx0208.h), JIS X 0212 runs
/// do not.
constexpr char kJisX0208Codec[] = "EUC-JP";

class RunDecoder
{
public:
    explicit RunDecoder(QString &out) : m_out(out) {}
    ~RunDecoder() { flush(); }

    void add(const char *codec, const char *bytes, int size)
    {
        if (m_codec != codec)
            flush();
        m_codec = codec;
        m_bytes.append(bytes, size);
    }
    void addChar(QChar c)
    {
        flush();
        m_out.append(c);
    }
    void flush()
    {
        if (!m_codec || m_bytes.isEmpty()) {
            m_bytes.clear();
            return;
        }
        QStringDecoder decoder(m_codec);
        if (decoder.isValid() && m_codec == kJisX0208Codec) {
            const QString decoded = decoder.decode(m_bytes);
            for (QChar c : decoded)
                m_out.append(Renkei::jisX0208StandardCharacter(c));
        } else if (decoder.isValid())
            m_out.append(decoder.decode(m_bytes));
        else
            m_out.append(QString(m_bytes.size(), QChar::ReplacementCharacter));
        m_bytes.clear();
    }

private:
    QString &m_out;
    const char *m_codec = nullptr;
    QByteArray m_bytes;
};

bool isDelimiter(char c, TextKind kind)
{
    switch (c) {
    case '\r': case '\n': case '\f': case '\t':
        return true;
    case '\\':
        return kind != TextKind::LongText;
    case '^': case '=':
        return kind == TextKind::PersonName;
    default:
        return false;
    }
}

// Reads an escape sequence at raw[i] (raw[i] == ESC); returns its length, 0 when unknown.
int applyEscape(const QByteArray &raw, qsizetype i, State &state)
{
    const QByteArray rest = raw.mid(i + 1, 3);
    struct Escape { const char *seq; bool g0; Set set; const char *codec; };
    static const Escape kEscapes[] = {
        {"$(D", true, Set::Jis0212, nullptr},
        {"$)C", false, Set::Ksc5601, nullptr},
        {"$)A", false, Set::Gb2312, nullptr},
        {"(B", true, Set::Ascii, nullptr},
        {"(J", true, Set::JisRoman, nullptr},
        {")I", false, Set::JisKatakana, nullptr},
        {"$B", true, Set::Jis0208, nullptr},
        {"$@", true, Set::Jis0208, nullptr},
        {"-A", false, Set::SingleByteG1, "ISO-8859-1"},
        {"-B", false, Set::SingleByteG1, "ISO-8859-2"},
        {"-C", false, Set::SingleByteG1, "ISO-8859-3"},
        {"-D", false, Set::SingleByteG1, "ISO-8859-4"},
        {"-L", false, Set::SingleByteG1, "ISO-8859-5"},
        {"-G", false, Set::SingleByteG1, "ISO-8859-6"},
        {"-F", false, Set::SingleByteG1, "ISO-8859-7"},
        {"-H", false, Set::SingleByteG1, "ISO-8859-8"},
        {"-M", false, Set::SingleByteG1, "ISO-8859-9"},
        {"-b", false, Set::SingleByteG1, "ISO-8859-15"},
        {"-T", false, Set::SingleByteG1, "TIS-620"},
    };
    for (const Escape &e : kEscapes) {
        if (rest.startsWith(e.seq)) {
            if (e.g0) {
                state.g0 = e.set;
            } else {
                state.g1 = e.set;
                state.g1Codec = e.codec;
            }
            return 1 + int(qstrlen(e.seq));
        }
    }
    return 0;
}

QString decodeIso2022(const QByteArray &raw, const State &initial, TextKind kind)
{
    QString out;
    out.reserve(raw.size());
    RunDecoder run(out);
    State state = initial;
    const qsizetype n = raw.size();
    for (qsizetype i = 0; i < n;) {
        const auto b = static_cast<unsigned char>(raw[i]);
        if (b == 0x1B) {
            const int length = applyEscape(raw, i, state);
            i += length > 0 ? length : 1; // an unknown escape is dropped, not shown
            continue;
        }
        if (b < 0x80) {
            const bool twoByte = state.g0 == Set::Jis0208 || state.g0 == Set::Jis0212;
            if (twoByte && b >= 0x21 && b <= 0x7E && i + 1 < n) {
                const char pair[3] = {'\x8F', char(raw[i] | 0x80), char(raw[i + 1] | 0x80)};
                // EUC-JP carries JIS X 0212 behind the single shift 0x8F.
                if (state.g0 == Set::Jis0212)
                    run.add("EUC-JP", pair, 3);
                else
                    run.add(kJisX0208Codec, pair + 1, 2);
                i += 2;
                continue;
            }
            // Delimiters are only delimiters in a single-byte G0 (encoders must switch back
            // first), so a 0x5E inside a kanji pair never reaches here.
            if (!twoByte && isDelimiter(char(b), kind)) {
                run.addChar(QChar(b));
                state = initial;
                ++i;
                continue;
            }
            if (state.g0 == Set::JisRoman && b == 0x5C)
                run.addChar(QChar(0x00A5));
            else if (state.g0 == Set::JisRoman && b == 0x7E)
                run.addChar(QChar(0x203E));
            else
                run.addChar(QChar(b));
            ++i;
            continue;
        }
        switch (state.g1) {
        case Set::JisKatakana:
            run.addChar(b >= 0xA1 && b <= 0xDF ? QChar(0xFF61 + (b - 0xA1))
                                               : QChar(QChar::ReplacementCharacter));
            ++i;
            break;
        case Set::Ksc5601:
        case Set::Gb2312:
            if (i + 1 < n) {
                run.add(state.g1 == Set::Ksc5601 ? "EUC-KR" : "GB18030", raw.constData() + i, 2);
                i += 2;
            } else {
                run.addChar(QChar::ReplacementCharacter);
                ++i;
            }
            break;
        case Set::SingleByteG1:
            run.add(state.g1Codec, raw.constData() + i, 1);
            ++i;
            break;
        default:
            // No G1 set declared: real files often carry Latin-1 anyway; show it as such.
            run.add("ISO-8859-1", raw.constData() + i, 1);
            ++i;
            break;
        }
    }
    run.flush();
    return out;
}

QList<QByteArray> terms(const QByteArray &specificCharacterSet)
{
    QList<QByteArray> result = specificCharacterSet.split('\\');
    for (QByteArray &t : result)
        t = t.trimmed();
    return result;
}

// PS3.5 6.2.1.1: trailing empty component groups may be sent or omitted; drop them so that
// "Wang^XiaoDong=王^小東=" and "Wang^XiaoDong=王^小東" compare equal.
QString trimEmptyGroups(QString text, TextKind kind)
{
    if (kind == TextKind::PersonName) {
        while (text.endsWith(u'='))
            text.chop(1);
    }
    return text;
}

} // namespace

QString decodeText(const QByteArray &raw, const QByteArray &specificCharacterSet, TextKind kind)
{
    const QList<QByteArray> list = terms(specificCharacterSet);
    const QByteArray first = list.value(0);
    if (const char *codec = wholeValueCodec(first)) {
        QStringDecoder decoder(codec);
        return trimEmptyGroups(decoder.decode(raw), kind);
    }
    const State initial = stateForTerm(first).value_or(State{});
    return trimEmptyGroups(decodeIso2022(raw, initial, kind), kind);
}

bool isKnownCharacterSet(const QByteArray &specificCharacterSet)
{
    for (const QByteArray &t : terms(specificCharacterSet)) {
        if (!wholeValueCodec(t) && !stateForTerm(t))
            return false;
    }
    return true;
}

} // namespace Dicom
