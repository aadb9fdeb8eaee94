#include "recordsearch.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace {

constexpr int kMaxSearchCount = 200;
constexpr int kMaxEverythingCount = 1000;
constexpr int kMaxOffset = 10'000'000;
constexpr int kMaxValueLength = 256;

template <typename Query>
QueryParse<Query> invalid(const QString &diagnostics)
{
    return {std::nullopt, QStringLiteral("invalid"), diagnostics};
}

template <typename Query>
QueryParse<Query> unknownParameter(const QString &key)
{
    return {std::nullopt, QStringLiteral("not-supported"),
            QStringLiteral("Unknown search parameter '%1'").arg(key)};
}

std::optional<int> boundedNumber(const QString &value, int minimum, int maximum)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,8}$"));
    if (!digits.match(value).hasMatch())
        return std::nullopt;
    const int number = value.toInt();
    if (number < minimum || number > maximum)
        return std::nullopt;
    return number;
}

std::optional<QList<TokenValue>> tokens(const QString &value)
{
    QList<TokenValue> list;
    for (const QString &part : value.split(QLatin1Char(','))) {
        TokenValue token;
        const qsizetype bar = part.indexOf(QLatin1Char('|'));
        if (bar >= 0) {
            token.system = part.left(bar);
            token.code = part.mid(bar + 1);
        } else {
            token.code = part;
        }
        if (token.code.isEmpty())
            return std::nullopt;
        list << token;
    }
    return list;
}

// A FHIR date value names a period (the year, month, day or minute given); the stored dates
// are ISO text of one shape, so the period is [value, value + "~") in text order ('~' sorts
// after every digit, '-', ':' and 'T').
bool addDate(const QString &value, QList<RecordQuery::DateCondition> &conditions)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(eq|ge|le|gt|lt)?(\\d{4}(?:-\\d{2}(?:-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2})?)?)?)?)$"));
    const auto match = pattern.match(value);
    if (!match.hasMatch())
        return false;
    const QString period = match.captured(2);
    const QString day = period.left(10);
    const QStringList parts = day.split(QLatin1Char('-'));
    const QDate date(parts.value(0).toInt(), parts.size() > 1 ? parts.value(1).toInt() : 1,
                     parts.size() > 2 ? parts.value(2).toInt() : 1);
    if (!date.isValid())
        return false;
    if (period.size() > 10) {
        const QTime time = QTime::fromString(period.mid(11), period.size() > 16 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
        if (!time.isValid())
            return false;
    }
    const QString start = period;
    const QString end = period + QLatin1Char('~');
    const QString prefix = match.captured(1).isEmpty() ? QStringLiteral("eq") : match.captured(1);
    if (prefix == QLatin1String("eq")) {
        conditions.append({QStringLiteral(">="), start});
        conditions.append({QStringLiteral("<"), end});
    } else if (prefix == QLatin1String("ge")) {
        conditions.append({QStringLiteral(">="), start});
    } else if (prefix == QLatin1String("le")) {
        conditions.append({QStringLiteral("<"), end});
    } else if (prefix == QLatin1String("gt")) {
        conditions.append({QStringLiteral(">="), end});
    } else { // lt
        conditions.append({QStringLiteral("<"), start});
    }
    return true;
}

// `patient=p00001` or `patient=Patient/p00001`.
QString patientId(const QString &value)
{
    return value.startsWith(QLatin1String("Patient/")) ? value.mid(8) : value;
}

} // namespace

const QStringList &recordTypes()
{
    static const QStringList types{
        QStringLiteral("Encounter"), QStringLiteral("Condition"), QStringLiteral("AllergyIntolerance"),
        QStringLiteral("MedicationRequest"), QStringLiteral("MedicationAdministration"),
        QStringLiteral("ServiceRequest"), QStringLiteral("Observation"), QStringLiteral("DiagnosticReport"),
        QStringLiteral("ImagingStudy"), QStringLiteral("NutritionOrder"), QStringLiteral("DocumentReference")};
    return types;
}

QueryParse<RecordQuery> parseRecordSearch(const QString &type, const QueryParameters &parameters)
{
    RecordQuery query;
    query.type = type;
    bool hasCount = false;
    bool hasOffset = false;
    bool hasSort = false;
    for (const auto &[key, value] : parameters) {
        static const QStringList known{QStringLiteral("patient"), QStringLiteral("subject"),
                                       QStringLiteral("category"), QStringLiteral("date"),
                                       QStringLiteral("code"), QStringLiteral("identifier"), QStringLiteral("_count"),
                                       QStringLiteral("_sort"), QStringLiteral("_offset")};
        // DocumentReference's main code is its `type`, which FHIR searches by that name.
        const bool documentType = key == QLatin1String("type") && type == QLatin1String("DocumentReference");
        if (!known.contains(key) && !documentType)
            return unknownParameter<RecordQuery>(key);
        if (value.isEmpty())
            return invalid<RecordQuery>(QStringLiteral("Empty value for search parameter '%1'").arg(key));
        if (value.size() > kMaxValueLength)
            return invalid<RecordQuery>(QStringLiteral("Value of '%1' is too long").arg(key));

        if (key == QLatin1String("patient") || key == QLatin1String("subject")) {
            for (const QString &id : value.split(QLatin1Char(',')))
                query.patients << patientId(id);
        } else if (key == QLatin1String("category") || key == QLatin1String("code") || documentType
                   || key == QLatin1String("identifier")) {
            const auto list = tokens(value);
            if (!list)
                return invalid<RecordQuery>(QStringLiteral("Invalid %1 '%2' (expected code or system|code)").arg(key, value));
            (key == QLatin1String("category") ? query.categories
             : key == QLatin1String("identifier") ? query.identifiers : query.codes) << *list;
        } else if (key == QLatin1String("date")) {
            if (!addDate(value, query.dates))
                return invalid<RecordQuery>(QStringLiteral("Invalid date '%1' (expected [eq|ge|le|gt|lt]"
                                                           "YYYY[-MM[-DD[Thh:mm[:ss]]]])").arg(value));
        } else if (key == QLatin1String("_count")) {
            const auto count = boundedNumber(value, 1, kMaxSearchCount);
            if (hasCount || !count)
                return invalid<RecordQuery>(QStringLiteral("_count must be given once, as a number from 1 to %1").arg(kMaxSearchCount));
            query.count = *count;
            hasCount = true;
        } else if (key == QLatin1String("_offset")) {
            const auto offset = boundedNumber(value, 0, kMaxOffset);
            if (hasOffset || !offset)
                return invalid<RecordQuery>(QStringLiteral("_offset must be given once, as a number from 0"));
            query.offset = *offset;
            hasOffset = true;
        } else { // _sort
            if (hasSort || (value != QLatin1String("date") && value != QLatin1String("-date")))
                return invalid<RecordQuery>(QStringLiteral("_sort must be given once, as date or -date"));
            query.descending = value.startsWith(QLatin1Char('-'));
            hasSort = true;
        }
    }
    return {query, {}, {}};
}

QueryParse<RecordQuery> parsePagingOnly(const QueryParameters &parameters)
{
    for (const auto &[key, value] : parameters) {
        if (key != QLatin1String("_count") && key != QLatin1String("_offset"))
            return unknownParameter<RecordQuery>(key);
    }
    return parseRecordSearch(QString(), parameters);
}

QueryParse<EverythingQuery> parseEverything(const QueryParameters &parameters)
{
    EverythingQuery query;
    QStringList seen;
    for (const auto &[key, value] : parameters) {
        static const QStringList known{QStringLiteral("_count"), QStringLiteral("_since"),
                                       QStringLiteral("_type"), QStringLiteral("_offset"),
                                       QStringLiteral("_cursor")};
        if (!known.contains(key))
            return unknownParameter<EverythingQuery>(key);
        if (seen.contains(key))
            return invalid<EverythingQuery>(QStringLiteral("'%1' must be given once").arg(key));
        seen << key;
        if (value.isEmpty() || value.size() > kMaxValueLength)
            return invalid<EverythingQuery>(QStringLiteral("Invalid value for '%1'").arg(key));
        if (key == QLatin1String("_count")) {
            const auto count = boundedNumber(value, 1, kMaxEverythingCount);
            if (!count)
                return invalid<EverythingQuery>(QStringLiteral("_count must be a number from 1 to %1").arg(kMaxEverythingCount));
            query.count = *count;
        } else if (key == QLatin1String("_offset")) {
            const auto offset = boundedNumber(value, 0, kMaxOffset);
            if (!offset)
                return invalid<EverythingQuery>(QStringLiteral("_offset must be a number from 0"));
            query.offset = *offset;
        } else if (key == QLatin1String("_cursor")) {
            query.after = decodeCursor(value);
            if (!query.after)
                return invalid<EverythingQuery>(QStringLiteral("_cursor is not one of this hub's next links"));
        } else if (key == QLatin1String("_since")) {
            // An instant: date, time and zone are all required (FHIR instant).
            static const QRegularExpression instant(QStringLiteral(
                "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$"));
            const QDateTime when = QDateTime::fromString(value, Qt::ISODateWithMs);
            if (!instant.match(value).hasMatch() || !when.isValid())
                return invalid<EverythingQuery>(QStringLiteral("_since must be an instant such as 2024-01-31T09:00:00Z"));
            query.since = when.toUTC().toString(Qt::ISODateWithMs);
        } else { // _type
            for (const QString &type : value.split(QLatin1Char(','))) {
                if (type == QLatin1String("Patient"))
                    continue; // the Patient always leads the first page
                if (!recordTypes().contains(type))
                    return invalid<EverythingQuery>(QStringLiteral("Unknown resource type '%1' in _type").arg(type));
                query.types << type;
            }
            if (query.types.isEmpty())
                query.types << QStringLiteral("Patient"); // only the Patient: matches no record
        }
    }
    if (query.after && seen.contains(QStringLiteral("_offset")))
        return invalid<EverythingQuery>(QStringLiteral("_offset and _cursor cannot be combined"));
    return {query, {}, {}};
}

QString queryWithOffset(const QueryParameters &parameters, int offset)
{
    QStringList parts;
    for (const auto &[key, value] : parameters) {
        if (key != QLatin1String("_offset"))
            parts << QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    }
    parts << QStringLiteral("_offset=%1").arg(offset);
    return parts.join(QLatin1Char('&'));
}

QString queryWithCursor(const QueryParameters &parameters, const EverythingCursor &after)
{
    QStringList parts;
    for (const auto &[key, value] : parameters) {
        if (key != QLatin1String("_offset") && key != QLatin1String("_cursor"))
            parts << QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    }
    parts << QStringLiteral("_cursor=") + encodeCursor(after);
    return parts.join(QLatin1Char('&'));
}

QString encodeCursor(const EverythingCursor &cursor)
{
    // base64url has no character a query string would need to escape.
    return QString::fromLatin1((cursor.date + QLatin1Char('\n') + cursor.id)
                                   .toUtf8()
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<EverythingCursor> decodeCursor(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::Base64UrlEncoding
                                                                             | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || text.contains(QLatin1Char('=')))
        return std::nullopt;
    const QByteArray bytes = *decoded;
    const QString value = QString::fromUtf8(bytes);
    const QStringList parts = value.split(QLatin1Char('\n'));
    // Both halves are bound as SQL values, never spliced; this only refuses what no next link
    // holds (a round trip through UTF-8 and exactly one separator). Both empty: before every
    // record (after a first page that held only the Patient).
    if (value.toUtf8() != bytes || parts.size() != 2 || (parts.at(1).isEmpty() && !parts.at(0).isEmpty()))
        return std::nullopt;
    return EverythingCursor{parts.at(0), parts.at(1)};
}
