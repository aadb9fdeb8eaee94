#include "labtrend.h"

#include "labresultsmodel.h"
#include "referralpacket.h"

LabTrendSeries labTrendOfRow(const LabResultsModel &model, int row)
{
    LabTrendSeries series;
    if (row < 0 || row >= model.rowCount())
        return series;
    series.name = model.index(row, LabResultsModel::TestColumn).data().toString();
    const QModelIndex range = model.index(row, LabResultsModel::RangeColumn);
    series.unit = range.data(LabResultsModel::UnitRole).toString();
    series.range = range.data().toString();
    if (!series.unit.isEmpty() && series.range.endsWith(QLatin1Char(' ') + series.unit))
        series.range.chop(series.unit.size() + 1);
    // Columns are newest first; the chart reads left to right, oldest first.
    for (int column = model.columnCount() - 1; column >= LabResultsModel::FirstDateColumn; --column) {
        const QModelIndex cell = model.index(row, column);
        bool ok = false;
        const double value = cell.data(LabResultsModel::ValueRole).toString().toDouble(&ok);
        if (!ok)
            continue;
        series.points.append({cell.data(LabResultsModel::DateTimeRole).toDateTime(), value,
                              cell.data(LabResultsModel::FacilityRole).toString(),
                              cell.data(LabResultsModel::FlagRole).toString()});
    }
    return series;
}

ReferralLabTest toReferralLabTest(const LabTrendSeries &series, QList<QDateTime> *times)
{
    ReferralLabTest test;
    test.name = series.name;
    test.unit = series.unit;
    test.range = series.range;
    times->clear();
    for (qsizetype i = series.points.size() - 1; i >= 0; --i) {
        times->append(series.points.at(i).time);
        test.values.append(series.points.at(i).value);
    }
    return test;
}
