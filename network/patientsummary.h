#pragma once

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

/// One consented patient as the search lists it (a JP-Core Patient, see docs/PROTOCOL.md).
struct PatientSummary
{
    QString id;             ///< the network patient ID (Patient.id)
    QString name;           ///< kanji name (IDE representation), "山田 太郎"
    QString kana;           ///< kana name (SYL representation), "ヤマダ タロウ"
    QDate birthDate;        ///< invalid when absent or only partly known
    QString gender;         ///< FHIR code: male, female, other, unknown, or empty
    QStringList facilities; ///< disclosing facilities (identifier.assigner.display)
    QStringList localIds;   ///< their local patient IDs, parallel to facilities

    friend bool operator==(const PatientSummary &, const PatientSummary &) = default;
};

Q_DECLARE_METATYPE(PatientSummary)

/// Reads one Patient resource. Returns nullopt (and sets *error) when it is not a Patient or
/// has no ID; missing names, dates or identifiers are tolerated.
std::optional<PatientSummary> parsePatient(const QJsonObject &resource, QString *error);
/// The same from JSON text (GET /fhir/Patient/{id}).
std::optional<PatientSummary> parsePatientJson(const QByteArray &json, QString *error);

/// Reads a searchset Bundle of Patients. Entries that are not usable Patients are skipped;
/// nullopt only when the document itself is not a Bundle. \a total receives Bundle.total
/// (or the number of patients when the hub did not say).
std::optional<QList<PatientSummary>> parsePatientBundle(const QByteArray &json, QString *error,
                                                       int *total = nullptr);
