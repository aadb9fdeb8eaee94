#pragma once

#include <QWidget>

class LabResultsModel;
class LabTrendChart;
class QTableView;
class TimelineModel;

/// The lab detail page: the results table (tests × dates, H/L coloured) with the trend of
/// the tests selected in it beside (objectNames "labTable" and "labTrendChart").
class LabResultsView : public QWidget
{
    Q_OBJECT

public:
    LabResultsView(LabResultsModel *model, const TimelineModel *facilities, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    LabTrendChart *trendChart() const { return m_chart; }

private:
    void updateTrend();

    LabResultsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    LabTrendChart *m_chart = nullptr;
};
