#pragma once

#include <QList>
#include <QString>
#include <QStringList>

struct PatientIdentifier
{
    QString facility;     ///< facility ID holding records under this local ID
    QString facilityName;
    QString value;        ///< the facility's local patient ID
};

/// A person in the network, with their name in kanji and in katakana (JP-Core IDE / SYL).
struct Patient
{
    QString id; ///< network patient ID
    QString familyName;
    QString givenName;
    QString familyKana;
    QString givenKana;
    QString birthDate; ///< YYYY-MM-DD
    QString gender;    ///< male, female, other, unknown
    QList<PatientIdentifier> identifiers;
    QStringList links; ///< linked network patients (one person) visible to the reader

    QString name() const { return familyName + QLatin1Char(' ') + givenName; }
    QString kana() const { return familyKana + QLatin1Char(' ') + givenKana; }
};

/// Patient search criteria, already validated (see parsePatientSearch()); all combine with AND.
struct PatientQuery
{
    struct Identifier
    {
        enum class Kind { Any, NetworkId, FacilityLocalId, NoMatch };
        Kind kind = Kind::Any;
        QString facility; ///< for FacilityLocalId
        QString value;
    };
    struct DateCondition
    {
        QString comparison; ///< one of >=, <=, >, <
        QString date;       ///< YYYY-MM-DD
    };

    QStringList names; ///< as given; folded by the repository
    QList<Identifier> identifiers;
    QList<DateCondition> birthDates;
    QStringList genders;
    int count = 50;
};
