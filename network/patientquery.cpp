#include "patientquery.h"

#include <QDate>
#include <QRegularExpression>

namespace {

void addItem(QUrlQuery *query, const char *key, const QString &value)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return;
    // QUrlQuery leaves '+' alone, and servers read a bare '+' as a space.
    QString encoded = trimmed;
    encoded.replace(QLatin1Char('%'), QLatin1String("%25"));
    encoded.replace(QLatin1Char('+'), QLatin1String("%2B"));
    encoded.replace(QLatin1Char('&'), QLatin1String("%26"));
    encoded.replace(QLatin1Char('#'), QLatin1String("%23"));
    query->addQueryItem(QLatin1String(key), encoded);
}

} // namespace

QUrlQuery PatientQuery::toUrlQuery() const
{
    QUrlQuery query;
    addItem(&query, "name", name);
    addItem(&query, "identifier", identifier);
    addItem(&query, "birthdate", birthDate);
    addItem(&query, "gender", gender);
    return query;
}

bool PatientQuery::isEmpty() const
{
    return name.trimmed().isEmpty() && identifier.trimmed().isEmpty()
        && birthDate.trimmed().isEmpty() && gender.trimmed().isEmpty();
}

std::optional<QString> normalizeBirthDate(const QString &input)
{
    // NFKC turns full-width digits and separators (IME input) into ASCII.
    QString text = input.normalized(QString::NormalizationForm_KC).trimmed();
    if (text.isEmpty())
        return QString();
    text.replace(QLatin1Char('/'), QLatin1Char('-'));
    text.replace(QLatin1Char('.'), QLatin1Char('-'));
    text.replace(QChar(0x2212), QLatin1Char('-')); // minus sign, as some IMEs produce

    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;

    const int year = match.captured(1).toInt();
    if (year < 1800)
        return std::nullopt;
    if (match.captured(2).isEmpty())
        return match.captured(1);
    const int month = match.captured(2).toInt();
    if (month < 1 || month > 12)
        return std::nullopt;
    const QString yearMonth = QStringLiteral("%1-%2").arg(year, 4, 10, QLatin1Char('0'))
                                  .arg(month, 2, 10, QLatin1Char('0'));
    if (match.captured(3).isEmpty())
        return yearMonth;
    const int day = match.captured(3).toInt();
    if (!QDate(year, month, day).isValid())
        return std::nullopt;
    return QStringLiteral("%1-%2").arg(yearMonth).arg(day, 2, 10, QLatin1Char('0'));
}
