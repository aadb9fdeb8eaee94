#pragma once

#include <QMetaType>
#include <QString>
#include <QUrlQuery>

#include <optional>

/// The conditions of one patient search (GET /fhir/Patient). Empty fields are not sent.
struct PatientQuery
{
    QString name;       ///< part of the kanji or kana name
    QString identifier; ///< network ID, local ID, or "system|value"
    QString birthDate;  ///< "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    QString gender;     ///< "", male, female, other, unknown

    QUrlQuery toUrlQuery() const;
    /// True when no condition is set: the hub refuses such a search.
    bool isEmpty() const;

    friend bool operator==(const PatientQuery &, const PatientQuery &) = default;
};

Q_DECLARE_METATYPE(PatientQuery)

/// Normalises what a user typed as a birth date: "1948/3/2", "１９４８－０３", "1948-03-02"…
/// Returns "YYYY", "YYYY-MM" or "YYYY-MM-DD", an empty string for empty input, or nullopt when
/// the text is not such a date (or not a real calendar date).
std::optional<QString> normalizeBirthDate(const QString &input);
