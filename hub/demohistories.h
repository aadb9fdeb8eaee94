#pragma once

#include "patient.h"
#include "result.h"

#include <QList>
#include <QString>

/// Multi-year clinical histories for demo patients, written as an SS-MIX2 standardized
/// storage per hospital (ISO-2022-JP HL7 v2.5, the storage layout and file names) so that the
/// demo fills the hub through the real importer.
///
/// What each patient gets (dates end on 2026-03-31; everything from a fixed seed):
/// - at the outpatient hospital (the first hospital holding the patient's local ID): ADT-00,
///   PPR-01 with 2型糖尿病 (E11.9), 本態性高血圧症 (I10) and 脂質異常症 (E78.5), one ADT-61
///   allergy, and a visit every 12-14 weeks over 3-5 years, each with an OMP-01 prescription
///   (メトグルコ, アムロジピン, クレストール; ジャヌビア added once HbA1c exceeds 7.0) and an
///   OML-11 with 8 JLAC10-coded results (HbA1c, 血糖, AST, ALT, Cr, eGFR, WBC, Hb) whose
///   HbA1c and Cr drift upwards (flagged H) and eGFR downwards (flagged L);
/// - at the admission hospital (the other hospital when the patient has both, else the same):
///   ADT-00, one admission (ADT-22, ADT-52 after 8-12 days) for 肺炎 (J18.9, PPR-01), OMP-02
///   drips for the first three days (生理食塩液 base + セフトリアキソン, ソリタ-T3 base +
///   ビタメジン), admission labs (OML-11), an OMG-13 12-lead ECG with intervals, and a
///   discharge summary (退院時サマリー, LOINC 18842-5) as Japanese CDA R2 XML in the extended
///   storage (`…/ID/<discharge date>/18842-5/ID_date_18842-5_order_stamp_01_1.xml`), dated two
///   hours after discharge, with the sections 入院時診断 (肺炎（J18.9）), 入院経過 (the stay and the
///   セフトリアキソン drip), 退院時処方 (ムコダイン錠５００ｍｇ … ７日分) and 退院時の状態 (軽快。自宅退院。);
///   the exact texts are in hub/demodocuments.h. It imports as DocumentReference + Binary
///   (disclosure kind `summaries`).
/// Drug (HOT9) and lab (JLAC10) codes follow the real code structure but are illustrative:
/// this is demo data, not a drug master.
namespace DemoHistories {

struct StorageSummary
{
    int patients = 0; ///< patients with a history
    int files = 0;    ///< files written, all hospitals
};

/// Writes ROOT/<facility>/… for every hospital in \a hospitals (facility ID → name) for the
/// given patients (their identifiers say where they are registered). \a root is emptied first.
Result<StorageSummary> writeStorage(const QString &root, const QList<Patient> &patients,
                                    const QList<QPair<QString, QString>> &hospitals);

} // namespace DemoHistories
