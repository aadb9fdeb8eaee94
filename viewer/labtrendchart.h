#pragma once

#include "labtrend.h"

#include <QImage>
#include <QList>
#include <QPointer>
#include <QWidget>

class TimelineModel;

/// The trend of the lab tests selected in the lab table, one chart per test stacked top to
/// bottom. Each chart is the referral packet's trend chart (renderTrendChart(): line,
/// reference band, scale), with the points recoloured by facility as in the timeline's
/// legend and H/L values ringed and lettered on top.
class LabTrendChart : public QWidget
{
    Q_OBJECT

public:
    explicit LabTrendChart(QWidget *parent = nullptr);

    /// Facility colours and names come from the timeline's model, so they match its legend.
    void setFacilitySource(const TimelineModel *model);
    void setSeries(const QList<LabTrendSeries> &series);
    QList<LabTrendSeries> series() const;

    /// Where point \a index of \a series lies in renderTrendChart()'s image, in the chart's
    /// units (kTrendChartSize). Mirrors its layout; tst_labtrendchart checks the two agree.
    static QPointF chartPosition(const LabTrendSeries &series, int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    struct Chart
    {
        LabTrendSeries series;
        QImage image; ///< null when fewer than two values: nothing to draw a trend of
    };

    QColor facilityColor(const QString &facilityId) const;
    int paintLegend(QPainter &p) const;
    void paintChart(QPainter &p, const Chart &chart, const QRectF &slot) const;

    QPointer<const TimelineModel> m_facilities;
    QList<Chart> m_charts;
};
