#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

/// One FHIR resource of a patient's shared record, read for the timeline (see the "Clinical
/// records" section of docs/PROTOCOL.md). The raw resource is kept for the detail views.
struct ClinicalRecord
{
    /// The timeline lane a record belongs to. The order is the lanes' order on screen.
    enum class Kind {
        Documents,
        Diagnoses,
        Allergies,
        Prescriptions,
        Injections,
        Labs,
        Physiology,
        Imaging,
        Admissions,
        Other,
    };
    static constexpr int kKindCount = 10;

    QString id;
    QString resourceType;
    Kind kind = Kind::Other;
    /// The clinical date in the resource's own UTC offset (so 2011-12-20T08:00+09:00 stays on
    /// the 20th whatever the PC's time zone); invalid when the resource has none.
    QDateTime date;
    /// False for date-only values ("2011-12-20", "1996-01"): no time of day is known.
    bool hasTime = false;
    QString facilityId; ///< from meta.source (urn:renkei:facility:<id>)
    QString title;      ///< one line a person reads: drug, test + value + unit, diagnosis…
    bool abnormal = false; ///< lab/physiology interpretation other than normal
    /// False when the resource could not be read: shown as "could not display", never dropped.
    bool displayable = true;
    QString problem;    ///< why it could not be displayed (technical, untranslated)
    QJsonObject raw;

    /// Days since the Julian epoch, with the time of day as a fraction: the timeline's axis.
    double dayValue() const;
};

Q_DECLARE_METATYPE(ClinicalRecord)

/// Reads one resource of a $everything answer. Never fails: unreadable resources become an
/// Other record with displayable == false and the reason in problem.
ClinicalRecord parseClinicalRecord(const QJsonObject &resource);
/// The same for a bundle entry's "resource" value, which may not even be an object.
ClinicalRecord parseClinicalRecordValue(const QJsonValue &resource);

/// Reads a FHIR date, dateTime or instant ("2011", "1996-01", "2011-12-20",
/// "2011-12-19T15:00:00+09:00"). Partial dates fall on the first day of the period.
QDateTime parseFhirDateTime(const QString &text, bool *hasTime = nullptr);

/// The lane's name for people, translated ("検査結果").
QString clinicalKindLabel(ClinicalRecord::Kind kind);
/// A stable, untranslated name for logs and tests ("Labs").
QString clinicalKindName(ClinicalRecord::Kind kind);

/// One page of a $everything answer.
struct EverythingPage
{
    QList<ClinicalRecord> records; ///< in the hub's order; the Patient itself is not included
    QJsonObject patient;           ///< the Patient resource when this page carries it
    QString nextUrl;               ///< link relation "next", or empty on the last page
    int total = -1;                ///< Bundle.total, -1 when absent
};

/// Reads a searchset Bundle page. Returns false (and sets *error) only when the document is
/// not a Bundle at all; bad entries become "could not display" records.
bool parseEverythingPage(const QByteArray &json, EverythingPage *page, QString *error);
