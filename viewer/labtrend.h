#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

class LabResultsModel;
struct ReferralLabTest;

/// One value of a test at one collection time, with the facility that reported it.
struct LabTrendPoint
{
    QDateTime time;
    double value = 0;
    QString facilityId;
    QString flag; ///< "H", "L", "HH", "LL", "A" or empty
};

/// One test's numeric values over time, oldest first (non-numeric values are left out).
struct LabTrendSeries
{
    QString name;
    QString unit;
    QString range; ///< as the lab table shows it, e.g. "6.7-8.3"
    QList<LabTrendPoint> points;
};

/// The numeric values of \a row of the lab table.
LabTrendSeries labTrendOfRow(const LabResultsModel &model, int row);
/// The same series in the referral packet's form, so its chart drawing can be reused;
/// \a times receives the collection times (newest first, as renderTrendChart() expects).
ReferralLabTest toReferralLabTest(const LabTrendSeries &series, QList<QDateTime> *times);
