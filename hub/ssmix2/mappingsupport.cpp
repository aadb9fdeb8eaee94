#include "mappingsupport.h"

#include <QDate>
#include <QRegularExpression>
#include <QTime>

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

std::optional<ParsedTime> parseDtm(const QString &hl7)
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
    return QJsonObject{{QStringLiteral("coding"),
                        QJsonArray{QJsonObject{{QStringLiteral("system"), kRenkeiCategorySystem},
                                               {QStringLiteral("code"), code}}}}};
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
