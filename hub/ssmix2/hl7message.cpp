#include "hl7message.h"

#include <QStringDecoder>

namespace Ssmix2 {

namespace {

QString decodeHexBytes(QStringView hex)
{
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return text;
    return QString::fromLatin1(bytes);
}

bool isHex(QStringView text)
{
    if (text.isEmpty() || text.size() % 2 != 0)
        return false;
    for (QChar c : text) {
        if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
              || (c >= QLatin1Char('A') && c <= QLatin1Char('F'))))
            return false;
    }
    return true;
}

/// The \a index-th (0-based) piece of \a text split at \a separator; nullopt when there are
/// fewer pieces.
std::optional<QStringView> nthPiece(QStringView text, QChar separator, qsizetype index)
{
    qsizetype start = 0;
    for (qsizetype n = 0; n < index; ++n) {
        const qsizetype next = text.indexOf(separator, start);
        if (next < 0)
            return std::nullopt;
        start = next + 1;
    }
    const qsizetype end = text.indexOf(separator, start);
    return text.mid(start, end < 0 ? -1 : end - start);
}

} // namespace

QString hl7Unescape(QStringView raw, const Hl7Delimiters &d)
{
    if (!raw.contains(d.escape))
        return raw.toString();
    QString out;
    out.reserve(raw.size());
    qsizetype i = 0;
    while (i < raw.size()) {
        const QChar c = raw.at(i);
        if (c != d.escape) {
            out.append(c);
            ++i;
            continue;
        }
        const qsizetype end = raw.indexOf(d.escape, i + 1);
        if (end < 0) { // unterminated: keep the rest as written
            out.append(raw.mid(i));
            break;
        }
        const QStringView code = raw.mid(i + 1, end - i - 1);
        if (code == u"F")
            out.append(d.field);
        else if (code == u"S")
            out.append(d.component);
        else if (code == u"T")
            out.append(d.subcomponent);
        else if (code == u"R")
            out.append(d.repetition);
        else if (code == u"E")
            out.append(d.escape);
        else if (code == u".br")
            out.append(QLatin1Char('\n'));
        else if (code == u"H" || code == u"N")
            ; // highlighting on/off: no meaning in plain text
        else if (code.startsWith(u'X') && isHex(code.mid(1)))
            out.append(decodeHexBytes(code.mid(1)));
        else
            out.append(raw.mid(i, end - i + 1));
        i = end + 1;
    }
    return out;
}

std::optional<std::pair<QStringView, bool>> Hl7Segment::field(int field) const
{
    if (field < 1 || field > m_fields.size())
        return std::nullopt;
    const Span &span = m_fields.at(field - 1);
    return std::pair{QStringView(m_text).mid(span.start, span.length), span.raw};
}

int Hl7Segment::repetitionCount(int number) const
{
    const auto found = field(number);
    if (!found)
        return 0;
    const auto &[text, raw] = *found;
    if (raw)
        return 1;
    const Hl7Delimiters &d = m_delimiters;
    // An empty field (nothing left after unescaping, no separators) has no repetition.
    if (!text.contains(d.repetition) && !text.contains(d.component) && !text.contains(d.subcomponent))
        return hl7Unescape(text, d).isEmpty() ? 0 : 1;
    return int(text.count(d.repetition)) + 1;
}

QString Hl7Segment::value(int number, int component, int subcomponent, int repetition) const
{
    if (component < 1 || subcomponent < 1 || repetition < 0)
        return {};
    const auto found = field(number);
    if (!found)
        return {};
    const auto &[text, raw] = *found;
    if (raw)
        return component == 1 && subcomponent == 1 && repetition == 0 ? text.toString() : QString();
    const Hl7Delimiters &d = m_delimiters;
    const auto rep = nthPiece(text, d.repetition, repetition);
    if (!rep)
        return {};
    const auto comp = nthPiece(*rep, d.component, component - 1);
    if (!comp)
        return {};
    const auto sub = nthPiece(*comp, d.subcomponent, subcomponent - 1);
    if (!sub)
        return {};
    return hl7Unescape(*sub, d);
}

QStringList Hl7Segment::components(int number, int repetition) const
{
    QStringList values;
    if (repetition < 0)
        return values;
    const auto found = field(number);
    if (!found)
        return values;
    const auto &[text, raw] = *found;
    if (raw) {
        if (repetition == 0)
            values << text.toString();
        return values;
    }
    const Hl7Delimiters &d = m_delimiters;
    const auto rep = nthPiece(text, d.repetition, repetition);
    if (!rep)
        return values;
    for (QStringView component : rep->split(d.component)) {
        if (!component.contains(d.subcomponent)) {
            values << hl7Unescape(component, d);
            continue;
        }
        QStringList subcomponents;
        for (QStringView sub : component.split(d.subcomponent))
            subcomponents << hl7Unescape(sub, d);
        values << subcomponents.join(QLatin1Char('&'));
    }
    return values;
}

Result<Hl7Message> Hl7Message::parse(const QString &text)
{
    // Lines (segments) between CR/LF runs, empty ones skipped, as spans of the text.
    QList<std::pair<qsizetype, qsizetype>> lines;
    for (qsizetype i = 0, size = text.size(); i < size;) {
        qsizetype end = i;
        while (end < size && text.at(end) != QLatin1Char('\r') && text.at(end) != QLatin1Char('\n'))
            ++end;
        if (end > i)
            lines.append({i, end - i});
        i = end + 1;
    }
    if (lines.isEmpty())
        return Failure{QStringLiteral("malformed HL7: the message is empty")};
    const QStringView header = QStringView(text).mid(lines.first().first, lines.first().second);
    if (!header.startsWith(QLatin1String("MSH")) || header.size() < 8)
        return Failure{QStringLiteral("malformed HL7: the message does not start with an MSH segment")};

    Hl7Message message;
    Hl7Delimiters &d = message.m_delimiters;
    d.field = header.at(3);
    d.component = header.at(4);
    d.repetition = header.at(5);
    d.escape = header.at(6);
    d.subcomponent = header.at(7);
    const QList<QChar> all{d.field, d.component, d.repetition, d.escape, d.subcomponent};
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).isLetterOrNumber() || all.at(i).isSpace() || all.indexOf(all.at(i)) != i)
            return Failure{QStringLiteral("malformed HL7: invalid encoding characters in MSH-2")};
    }

    message.m_segments.reserve(lines.size());
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const auto [lineStart, lineLength] = lines.at(n);
        const QStringView line = QStringView(text).mid(lineStart, lineLength);
        Hl7Segment segment;
        segment.m_text = text;
        segment.m_delimiters = d;
        // Fields as spans of the text: each starts after a field separator at `from`.
        auto addFields = [&](qsizetype from) {
            while (true) {
                const qsizetype next = line.indexOf(d.field, from);
                const qsizetype end = next < 0 ? lineLength : next;
                segment.m_fields.append({lineStart + from, end - from, false});
                if (next < 0)
                    break;
                from = next + 1;
            }
        };
        if (n == 0) {
            // MSH-1 and MSH-2 are the delimiters themselves, never split or unescaped.
            segment.m_name = QStringLiteral("MSH");
            segment.m_fields.append({lineStart + 3, 1, true});
            const qsizetype encodingEnd = line.indexOf(d.field, 4);
            segment.m_fields.append({lineStart + 4, (encodingEnd < 0 ? lineLength : encodingEnd) - 4, true});
            if (encodingEnd >= 0)
                addFields(encodingEnd + 1);
        } else {
            const qsizetype nameEnd = line.indexOf(d.field);
            segment.m_name = line.left(nameEnd < 0 ? lineLength : nameEnd).toString();
            if (nameEnd >= 0)
                addFields(nameEnd + 1);
        }
        message.m_segments.append(std::move(segment));
    }
    return message;
}

const Hl7Segment *Hl7Message::first(const QString &name) const
{
    for (const Hl7Segment &segment : m_segments) {
        if (segment.name() == name)
            return &segment;
    }
    return nullptr;
}

} // namespace Ssmix2
