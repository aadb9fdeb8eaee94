#include "patientsearch.h"

#include "namefolding.h"

#include <QDate>
#include <QRegularExpression>
#include <QStringDecoder>

namespace {

constexpr int kMaxCount = 200;
constexpr int kMaxValueLength = 256;
const QString kNetworkSystem = QStringLiteral("urn:renkei:patient");

PatientSearchParse invalid(const QString &diagnostics)
{
    return {std::nullopt, QStringLiteral("invalid"), diagnostics};
}

std::optional<QString> decodeComponent(QByteArray bytes)
{
    bytes.replace('+', ' ');
    const QByteArray raw = QByteArray::fromPercentEncoding(bytes);
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(raw);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// A FHIR date search value is a period ([first day, last day] of the year, month or day);
// each prefix compares the birth date with one end of it.
bool addBirthDate(const QString &value, QList<PatientQuery::DateCondition> &conditions)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(eq|ge|le|gt|lt)?(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const auto match = pattern.match(value);
    if (!match.hasMatch())
        return false;
    const QString prefix = match.captured(1).isEmpty() ? QStringLiteral("eq") : match.captured(1);
    const int year = match.captured(2).toInt();
    const bool hasMonth = match.hasCaptured(3) && !match.captured(3).isEmpty();
    const bool hasDay = match.hasCaptured(4) && !match.captured(4).isEmpty();
    const int month = hasMonth ? match.captured(3).toInt() : 1;
    const int day = hasDay ? match.captured(4).toInt() : 1;

    const QDate start(year, month, day);
    if (year < 1 || !start.isValid())
        return false;
    QDate end = start;
    if (!hasMonth)
        end = QDate(year, 12, 31);
    else if (!hasDay)
        end = QDate(year, month, start.daysInMonth());

    const QString first = start.toString(Qt::ISODate);
    const QString last = end.toString(Qt::ISODate);
    if (prefix == QLatin1String("eq")) {
        conditions.append({QStringLiteral(">="), first});
        conditions.append({QStringLiteral("<="), last});
    } else if (prefix == QLatin1String("ge")) {
        conditions.append({QStringLiteral(">="), first});
    } else if (prefix == QLatin1String("le")) {
        conditions.append({QStringLiteral("<="), last});
    } else if (prefix == QLatin1String("gt")) {
        conditions.append({QStringLiteral(">"), last});
    } else { // lt
        conditions.append({QStringLiteral("<"), first});
    }
    return true;
}

PatientQuery::Identifier identifierFrom(const QString &value)
{
    PatientQuery::Identifier identifier;
    const qsizetype bar = value.indexOf(QLatin1Char('|'));
    if (bar < 0) {
        identifier.value = value;
        return identifier;
    }
    const QString system = value.left(bar);
    identifier.value = value.mid(bar + 1);
    static const QRegularExpression facilitySystem(
        QStringLiteral("^urn:renkei:facility:([A-Za-z0-9._-]+):patient-id$"));
    if (system == kNetworkSystem) {
        identifier.kind = PatientQuery::Identifier::Kind::NetworkId;
    } else if (const auto match = facilitySystem.match(system); match.hasMatch()) {
        identifier.kind = PatientQuery::Identifier::Kind::FacilityLocalId;
        identifier.facility = match.captured(1);
    } else {
        // A system this hub does not issue: a valid query that matches nothing.
        identifier.kind = PatientQuery::Identifier::Kind::NoMatch;
    }
    return identifier;
}

} // namespace

std::optional<QList<QPair<QString, QString>>> decodeQueryString(const QByteArray &encodedQuery)
{
    QList<QPair<QString, QString>> parameters;
    for (const QByteArray &piece : encodedQuery.split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype equals = piece.indexOf('=');
        const auto key = decodeComponent(equals < 0 ? piece : piece.left(equals));
        const auto value = decodeComponent(equals < 0 ? QByteArray() : piece.mid(equals + 1));
        if (!key || !value)
            return std::nullopt;
        parameters.append({*key, *value});
    }
    return parameters;
}

PatientSearchParse parsePatientSearch(const QList<QPair<QString, QString>> &parameters)
{
    PatientQuery query;
    bool hasCriterion = false;
    bool hasCount = false;
    static const QStringList genders{QStringLiteral("male"), QStringLiteral("female"),
                                     QStringLiteral("other"), QStringLiteral("unknown")};

    for (const auto &[key, value] : parameters) {
        const bool known = key == QLatin1String("name") || key == QLatin1String("identifier")
            || key == QLatin1String("birthdate") || key == QLatin1String("gender")
            || key == QLatin1String("_count");
        if (!known)
            return {std::nullopt, QStringLiteral("not-supported"),
                    QStringLiteral("Unknown search parameter '%1'").arg(key)};
        if (value.isEmpty())
            return invalid(QStringLiteral("Empty value for search parameter '%1'").arg(key));
        if (value.size() > kMaxValueLength)
            return invalid(QStringLiteral("Value of '%1' is too long").arg(key));

        if (key == QLatin1String("name")) {
            if (foldNameForSearch(value).isEmpty())
                return invalid(QStringLiteral("Search parameter 'name' has no characters to match"));
            query.names << value;
            hasCriterion = true;
        } else if (key == QLatin1String("identifier")) {
            const PatientQuery::Identifier identifier = identifierFrom(value);
            if (identifier.value.isEmpty())
                return invalid(QStringLiteral("Search parameter 'identifier' needs a value"));
            query.identifiers << identifier;
            hasCriterion = true;
        } else if (key == QLatin1String("birthdate")) {
            if (!addBirthDate(value, query.birthDates))
                return invalid(QStringLiteral("Invalid birthdate '%1' (expected [eq|ge|le|gt|lt]"
                                              "YYYY[-MM[-DD]])").arg(value));
            hasCriterion = true;
        } else if (key == QLatin1String("gender")) {
            if (!genders.contains(value))
                return invalid(QStringLiteral("Invalid gender '%1' (male, female, other, unknown)").arg(value));
            query.genders << value;
            hasCriterion = true;
        } else { // _count
            static const QRegularExpression digits(QStringLiteral("^[0-9]{1,4}$"));
            const int count = digits.match(value).hasMatch() ? value.toInt() : 0;
            if (hasCount || count < 1 || count > kMaxCount)
                return invalid(QStringLiteral("_count must be given once, as a number from 1 to %1")
                                   .arg(kMaxCount));
            query.count = count;
            hasCount = true;
        }
    }
    if (!hasCriterion)
        return invalid(QStringLiteral("At least one of name, identifier, birthdate, gender is required"));
    return {query, {}, {}};
}

QString describeParameters(const QList<QPair<QString, QString>> &parameters)
{
    QStringList parts;
    for (const auto &[key, value] : parameters)
        parts << key + QLatin1Char('=') + value;
    return parts.join(QLatin1Char('&'));
}
