#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

/// Documents of the demo histories (hub/demohistories.h), written into the generated storage's
/// extended storage so the demo imports them through the real path.
namespace DemoDocuments {

struct DischargeSummary
{
    QString facility, facilityName;      ///< the admitting hospital
    QString localId;                     ///< the patient's ID there
    QString familyName, givenName;
    QString gender;                      ///< male, female, other, unknown
    QString birthDate;                   ///< YYYY-MM-DD
    QString doctorFamily, doctorGiven;   ///< the attending physician
    QDateTime admitted, discharged, written;
};

/// Section titles, in document order, and the fixed text of each: what tests look for.
inline constexpr const char *kSections[] = {"入院時診断", "入院経過", "退院時処方", "退院時の状態"};
inline constexpr const char *kDiagnosisText = "肺炎（J18.9）";
inline constexpr const char *kMedicationText = "ムコダイン錠５００ｍｇ　１回１錠　１日３回毎食後　７日分";
inline constexpr const char *kConditionText = "軽快。自宅退院。";

/// A Japanese discharge summary (退院時サマリー, LOINC 18842-5) as CDA R2 XML (UTF-8): header
/// with patient, author, custodian and the stay; a structured body with the four sections of
/// kSections. 入院経過 names the stay's length and the antibiotic drip (セフトリアキソン).
QByteArray dischargeSummaryCda(const DischargeSummary &summary);

} // namespace DemoDocuments
