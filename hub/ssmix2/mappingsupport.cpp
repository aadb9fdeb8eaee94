#include "mappingsupport.h"

#include <QDate>
#include <QRegularExpression>
#include <QTime>

#include <algorithm>

namespace Ssmix2::Mapping {

QString codeSystemUri(const QString &hl7Name)
{
    // JP-Core / MHLW standard code OIDs.
    static const QHash<QString, QString> known{
        {QStringLiteral("JC10"), QStringLiteral("urn:oid:1.2.392.200119.4.504")},
        {QStringLiteral("HOT9"), QStringLiteral("urn:oid:1.2.392.200119.4.403.1")},
        {QStringLiteral("YJ"), QStringLiteral("urn:oid:1.2.392.100495.20.2.74")},
        {QStringLiteral("MDCDX2"), QStringLiteral("urn:oid:1.2.392.200119.4.101.6")},
        {QStringLiteral("I10"), QStringLiteral("http://hl7.org/fhir/sid/icd-10")},
        {QStringLiteral("JAMISDP01"), QStringLiteral("urn:oid:1.2.392.200250.2.2.20")},
        {QStringLiteral("DCM"), QStringLiteral("http://dicom.nema.org/resources/ontology/DCM")},
        {QStringLiteral("ISO+"), QStringLiteral("http://unitsofmeasure.org")},
    };
    if (const auto it = known.constFind(hl7Name); it != known.constEnd())
        return *it;
    static const QRegularExpression hl7Table(QStringLiteral("^HL7(\\d{4})$"));
    if (const auto match = hl7Table.match(hl7Name); match.hasMatch())
        return QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-") + match.captured(1);
    QString safe;
    for (QChar c : hl7Name)
        safe += (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-') ? c : QLatin1Char('_');
    return QStringLiteral("urn:renkei:hl7v2-coding-system:") + (safe.isEmpty() ? QStringLiteral("local") : safe);
}

namespace {

struct ParsedTime
{
    QString date;     ///< YYYY, YYYY-MM or YYYY-MM-DD
    QString time;     ///< HH:MM:SS or empty
};

QString twoDigits(int value)
{
    const QChar pair[2] = {QChar(u'0' + value / 10), QChar(u'0' + value % 10)};
    return QString(pair, 2);
}

std::optional<ParsedTime> parseDtmWithPattern(const QString &hl7);

/// The common case without the regular expression (a tenth of the mapping time): digits only,
/// 4 to 14 of them in pairs after the year, which the pattern below reads the same way.
std::optional<ParsedTime> parseDtm(const QString &hl7)
{
    const qsizetype n = hl7.size();
    const bool plainDigits = (n == 4 || n == 6 || n == 8 || n == 10 || n == 12 || n == 14)
        && std::all_of(hl7.cbegin(), hl7.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!plainDigits)
        return parseDtmWithPattern(hl7);
    auto digits = [&](qsizetype at, qsizetype count) {
        int value = 0;
        for (qsizetype i = at; i < at + count; ++i)
            value = value * 10 + (hl7.at(i).unicode() - u'0');
        return value;
    };
    const int year = digits(0, 4);
    if (n == 4)
        return year >= 1 ? std::optional(ParsedTime{hl7, {}}) : std::nullopt;
    const int month = digits(4, 2);
    if (month < 1 || month > 12)
        return std::nullopt;
    if (n == 6)
        return ParsedTime{hl7.left(4) + QLatin1Char('-') + hl7.mid(4, 2), {}};
    if (!QDate::isValid(year, month, digits(6, 2)))
        return std::nullopt;
    // QDate's ISO text of a valid date with a 4-digit year is these digits with dashes.
    ParsedTime parsed;
    parsed.date = hl7.left(4) + QLatin1Char('-') + hl7.mid(4, 2) + QLatin1Char('-') + hl7.mid(6, 2);
    if (n >= 10) {
        const int hour = digits(8, 2);
        const int minute = n >= 12 ? digits(10, 2) : 0;
        const int second = n >= 14 ? digits(12, 2) : 0;
        if (!QTime::isValid(hour, minute, second))
            return std::nullopt;
        parsed.time = twoDigits(hour) + QLatin1Char(':') + twoDigits(minute) + QLatin1Char(':') + twoDigits(second);
    }
    return parsed;
}

std::optional<ParsedTime> parseDtmWithPattern(const QString &hl7)
{
    static const QRegularExpression dtm(
        QStringLiteral("^(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(\\d{2})?(?:(\\d{2})(?:\\.\\d{1,4})?)?)?)?)?([+-]\\d{4})?$"));
    const auto m = dtm.match(hl7.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    ParsedTime parsed;
    if (m.captured(2).isEmpty())
        return year >= 1 ? std::optional(ParsedTime{m.captured(1), {}}) : std::nullopt;
    const int month = m.captured(2).toInt();
    if (month < 1 || month > 12)
        return std::nullopt;
    if (m.captured(3).isEmpty())
        return ParsedTime{m.captured(1) + QLatin1Char('-') + m.captured(2), {}};
    const QDate date(year, month, m.captured(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    parsed.date = date.toString(Qt::ISODate);
    if (!m.captured(4).isEmpty()) {
        const QTime time(m.captured(4).toInt(), m.captured(5).isEmpty() ? 0 : m.captured(5).toInt(),
                         m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
        if (!time.isValid())
            return std::nullopt;
        parsed.time = time.toString(QStringLiteral("HH:mm:ss"));
    }
    return parsed;
}

} // namespace

QString fhirDateTime(const QString &hl7)
{
    const auto parsed = parseDtm(hl7);
    if (!parsed)
        return {};
    // SS-MIX2 times are the hospital's local time; FHIR wants a zone once there is a time.
    return parsed->time.isEmpty() ? parsed->date
                                  : parsed->date + QLatin1Char('T') + parsed->time + QStringLiteral("+09:00");
}

QString indexDate(const QString &hl7)
{
    const auto parsed = parseDtm(hl7);
    if (!parsed)
        return {};
    return parsed->time.isEmpty() ? parsed->date : parsed->date + QLatin1Char('T') + parsed->time;
}

std::optional<double> number(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QJsonObject coding(const QString &code, const QString &display, const QString &hl7System)
{
    if (code.isEmpty())
        return {};
    QJsonObject result{{QStringLiteral("code"), code}};
    if (!hl7System.isEmpty())
        result.insert(QStringLiteral("system"), codeSystemUri(hl7System));
    if (!display.isEmpty())
        result.insert(QStringLiteral("display"), display);
    return result;
}

QJsonObject codeableConcept(const Hl7Segment &segment, int field, int repetition)
{
    const QStringList c = segment.components(field, repetition);
    QJsonArray codings;
    for (int first : {0, 3}) {
        const QJsonObject one = coding(c.value(first), c.value(first + 1), c.value(first + 2));
        if (!one.isEmpty())
            codings.append(one);
    }
    QJsonObject conceptValue;
    if (!codings.isEmpty())
        conceptValue.insert(QStringLiteral("coding"), codings);
    const QString text = !c.value(1).isEmpty() ? c.value(1) : c.value(4);
    if (!text.isEmpty())
        conceptValue.insert(QStringLiteral("text"), text);
    return conceptValue;
}

QString mainCode(const QJsonObject &conceptValue)
{
    const QJsonObject first = conceptValue.value(QStringLiteral("coding")).toArray().first().toObject();
    if (first.isEmpty())
        return {};
    return first.value(QStringLiteral("system")).toString() + QLatin1Char('|')
        + first.value(QStringLiteral("code")).toString();
}

QJsonObject quantity(double value, const QString &unit, const QString &unitCode)
{
    QJsonObject q{{QStringLiteral("value"), value}};
    if (!unit.isEmpty())
        q.insert(QStringLiteral("unit"), unit);
    if (!unitCode.isEmpty()) {
        q.insert(QStringLiteral("code"), unitCode);
        q.insert(QStringLiteral("system"), QStringLiteral("http://unitsofmeasure.org"));
    }
    return q;
}

QString personName(const Hl7Segment &segment, int field)
{
    const QStringList c = segment.components(field);
    return QStringList{c.value(1), c.value(2)}.join(QLatin1Char(' ')).trimmed();
}

QString resourceId(const MappingContext &context, int seq)
{
    return context.idPrefix + QLatin1Char('-') + QString::number(seq);
}

QJsonObject finish(QJsonObject resource, const MappingContext &context, int seq,
                   const QString &patientElement)
{
    resource.insert(QStringLiteral("id"), resourceId(context, seq));
    QJsonObject meta = resource.value(QStringLiteral("meta")).toObject();
    meta.insert(QStringLiteral("source"), QStringLiteral("urn:renkei:facility:") + context.facility);
    resource.insert(QStringLiteral("meta"), meta);
    resource.insert(patientElement, QJsonObject{{QStringLiteral("reference"), context.patientReference}});
    return resource;
}

QJsonObject renkeiCategory(const QString &code)
{
    // The same few objects for every resource: made once per thread and shared (implicitly,
    // copy-on-write), since building a QJsonObject is most of the mapping's cost.
    thread_local QHash<QString, QJsonObject> made;
    if (const auto it = made.constFind(code); it != made.constEnd())
        return *it;
    const QJsonObject category{{QStringLiteral("coding"),
                                QJsonArray{QJsonObject{{QStringLiteral("system"), kRenkeiCategorySystem},
                                                       {QStringLiteral("code"), code}}}}};
    if (made.size() < 256)
        made.insert(code, category);
    return category;
}

} // namespace Ssmix2::Mapping

namespace Ssmix2::Mapping {

QString ResourceList::add(const QString &kind, const QString &date, const QString &code,
                          QJsonObject json, const QString &patientElement)
{
    ++m_seq;
    json = finish(std::move(json), m_context, m_seq, patientElement);
    const QString id = json.value(QStringLiteral("id")).toString();
    m_resources.append({json.value(QStringLiteral("resourceType")).toString(), kind, date, code, json});
    return id;
}

} // namespace Ssmix2::Mapping
