#pragma once

#include "clinicalrecord.h"

#include <QList>
#include <QString>

/// One labelled line of a record's generic detail view ("Status: active").
struct RecordField
{
    QString label; ///< translated
    QString value;
};

/// The readable fields of any record, for kinds without a dedicated view (diagnoses,
/// allergies, admissions, physiology, imaging, documents…). Empty values are left out; for an
/// unreadable record the reason is given instead.
QList<RecordField> recordDetailFields(const ClinicalRecord &record, const QString &facilityName);
