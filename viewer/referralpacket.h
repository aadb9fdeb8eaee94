#pragma once

#include "clinicalrecord.h"
#include "keyimages.h"
#include "patientsummary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// The parts of a referral packet (紹介状セット) the user can choose, in the packet's order.
enum class ReferralSection {
    CoverLetter,      ///< 診療情報提供書
    DischargeSummary, ///< the latest discharge summary (DocumentReference)
    Medication,       ///< current medication
    Labs,             ///< the chosen lab results as a table
    LabTrend,         ///< a trend chart per chosen test (with Labs)
    Diagnoses,
    Allergies,
    KeyImages,        ///< images the reader marked in the image viewer (K)
};
inline constexpr int kReferralSectionCount = 8;

/// A stable, untranslated name ("DischargeSummary"): the dialog's check boxes are
/// "section" + this, the audit call lists these.
QString referralSectionName(ReferralSection section);

/// What the cover letter says besides the record: typed by the user, or from the session.
struct ReferralCoverLetter
{
    QString toFacility; ///< 宛先医療機関
    QString toDoctor;   ///< 宛先医師
    QString purpose;    ///< 紹介目的
    QString history;    ///< 既往歴・経過 (free text)
    QString fromFacility; ///< 紹介元: the user's facility
    QString fromUser;     ///< 紹介元: the user
};

/// One line of a list section, with the facility that disclosed it.
struct ReferralEntry
{
    QString text;
    QString detail;
    QString date;
    QString facility; ///< display name
};

struct ReferralDocument
{
    QString title;
    QString date;
    QString facility;
    QList<QPair<QString, QString>> fields; ///< label, value (from recordDetailFields)
    QString text;                          ///< the body when the hub sent it inline as text
};

struct ReferralMedication
{
    QString drug;
    QString dose;
    QString usage;
    QString days;
    QString date;
    QString facility;
};

struct ReferralKeyImage
{
    QImage image;     ///< as shown when marked (window applied, no overlays)
    QString caption;
    QString date;     ///< study date, yyyy/MM/dd
    QString source;   ///< the institution that made the images, when the file names it
};

struct ReferralLabTest
{
    QString name;
    QString range;
    QString unit;
    QStringList cells;       ///< per ReferralLabTable::times; value, unit and flag, or empty
    QList<double> values;    ///< per time; NaN when none or not numeric (for the trend chart)
    QStringList facilities;  ///< display names of the disclosing facilities
};

struct ReferralLabTable
{
    QList<QDateTime> times; ///< newest first, as on screen
    QList<ReferralLabTest> tests;
};

/// Everything a referral packet prints; built once, then laid out by ReferralPacketWriter.
struct ReferralPacket
{
    ReferralCoverLetter cover;
    PatientSummary patient;
    QList<ReferralSection> sections;
    std::optional<ReferralDocument> dischargeSummary;
    QList<ReferralMedication> medication;
    ReferralLabTable labs;
    QList<ReferralEntry> diagnoses;
    QList<ReferralEntry> allergies;
    QList<ReferralKeyImage> keyImages;
    /// Marked images left out because their Patient ID is not one of this patient's.
    int keyImagesOfOtherPatients = 0;
    QDateTime printedAt;
    QString printedBy;

    bool has(ReferralSection section) const { return sections.contains(section); }
    /// Display names of the facilities whose records the chosen sections show.
    QStringList sourceFacilities() const;
    /// The chosen sections' names, for the audit trail.
    QStringList sectionNames() const;
};

/// What the user chose in the dialog.
struct ReferralChoice
{
    ReferralCoverLetter cover;
    QList<ReferralSection> sections;
    QStringList labTests;     ///< test names, as LabResultsModel shows them
    int maxLabColumns = 6;    ///< newest collection times kept: A4 portrait is narrow
    QList<KeyImage> keyImages; ///< as marked in the image viewer, any patient's
    QString printedBy;
    QDateTime printedAt;      ///< invalid: now
};

/// Builds the packet from the patient's records. Records that cannot be displayed are left
/// out; \a facilityNames maps facility ids to names (an unknown id is shown as is).
ReferralPacket buildReferralPacket(const PatientSummary &patient, const QList<ClinicalRecord> &records,
                                   const QHash<QString, QString> &facilityNames,
                                   const ReferralChoice &choice);

/// The lab tests among \a records, in the lab table's order: what the dialog offers.
QStringList referralLabTests(const QList<ClinicalRecord> &records);
