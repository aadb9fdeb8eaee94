#include "hl7message.h"

#include <QRegularExpression>
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

QStringList splitUnescaped(QStringView text, QChar separator, const Hl7Delimiters &delimiters)
{
    QStringList values;
    for (QStringView part : text.split(separator))
        values << hl7Unescape(part, delimiters);
    return values;
}

QList<QList<QStringList>> splitField(QStringView field, const Hl7Delimiters &d)
{
    QList<QList<QStringList>> repetitions;
    for (QStringView repetition : field.split(d.repetition)) {
        QList<QStringList> components;
        for (QStringView component : repetition.split(d.component))
            components << splitUnescaped(component, d.subcomponent, d);
        repetitions << components;
    }
    return repetitions;
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

Hl7Segment::Hl7Segment(QString name, QList<QList<QList<QStringList>>> fields)
    : m_name(std::move(name))
    , m_fields(std::move(fields))
{
}

int Hl7Segment::repetitionCount(int field) const
{
    if (field < 1 || field > m_fields.size())
        return 0;
    const auto &repetitions = m_fields.at(field - 1);
    // An empty field is one empty repetition in the split; report it as none.
    if (repetitions.size() == 1 && repetitions.first().size() == 1
        && repetitions.first().first().size() == 1 && repetitions.first().first().first().isEmpty())
        return 0;
    return int(repetitions.size());
}

QString Hl7Segment::value(int field, int component, int subcomponent, int repetition) const
{
    if (field < 1 || field > m_fields.size() || component < 1 || subcomponent < 1 || repetition < 0)
        return {};
    const auto &repetitions = m_fields.at(field - 1);
    if (repetition >= repetitions.size())
        return {};
    const auto &components = repetitions.at(repetition);
    if (component > components.size())
        return {};
    const QStringList &subcomponents = components.at(component - 1);
    if (subcomponent > subcomponents.size())
        return {};
    return subcomponents.at(subcomponent - 1);
}

QStringList Hl7Segment::components(int field, int repetition) const
{
    QStringList values;
    if (field < 1 || field > m_fields.size() || repetition < 0)
        return values;
    const auto &repetitions = m_fields.at(field - 1);
    if (repetition >= repetitions.size())
        return values;
    for (const QStringList &subcomponents : repetitions.at(repetition))
        values << subcomponents.join(QLatin1Char('&'));
    return values;
}

Result<Hl7Message> Hl7Message::parse(const QString &text)
{
    static const QRegularExpression segmentEnd(QStringLiteral("[\r\n]+"));
    const QStringList lines = text.split(segmentEnd, Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return Failure{QStringLiteral("malformed HL7: the message is empty")};
    const QString &header = lines.first();
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

    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString &line = lines.at(n);
        QList<QList<QList<QStringList>>> fields;
        QString name;
        if (n == 0) {
            // MSH-1 and MSH-2 are the delimiters themselves, never split or unescaped.
            name = QStringLiteral("MSH");
            fields << QList<QList<QStringList>>{{QStringList{QString(d.field)}}};
            const qsizetype encodingEnd = line.indexOf(d.field, 4);
            const QStringView encoding = QStringView(line).mid(4, encodingEnd < 0 ? -1 : encodingEnd - 4);
            fields << QList<QList<QStringList>>{{QStringList{encoding.toString()}}};
            if (encodingEnd >= 0) {
                for (QStringView field : QStringView(line).mid(encodingEnd + 1).split(d.field))
                    fields << splitField(field, d);
            }
        } else {
            const QList<QStringView> parts = QStringView(line).split(d.field);
            name = parts.first().toString();
            for (qsizetype i = 1; i < parts.size(); ++i)
                fields << splitField(parts.at(i), d);
        }
        message.m_segments << Hl7Segment(name, fields);
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
