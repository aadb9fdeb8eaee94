#include "labtrendchart.h"

#include "labflagdelegate.h"
#include "referralpacket.h"
#include "referraltrendchart.h"
#include "timelinemodel.h"
#include "timelinestyle.h"

#include <QPainter>
#include <QRegularExpression>

#include <algorithm>

namespace {

constexpr int kLegendHeight = 24;
constexpr double kDotRadius = 3.4;

/// The plot area inside renderTrendChart()'s image, in chart units.
const QRectF kPlot(150, 14, kTrendChartSize.width() - 150 - 48, kTrendChartSize.height() - 36);

/// renderTrendChart() keeps its range parser private; the same pattern, for the same scale.
std::optional<std::pair<double, double>> parseRange(const QString &range)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(-?[\d.]+)\s*[-–〜~]\s*(-?[\d.]+))"));
    const QRegularExpressionMatch match = pattern.match(range);
    bool okLow = false;
    bool okHigh = false;
    const double low = match.captured(1).toDouble(&okLow);
    const double high = match.captured(2).toDouble(&okHigh);
    if (!match.hasMatch() || !okLow || !okHigh || high <= low)
        return std::nullopt;
    return std::make_pair(low, high);
}

QColor flagColor(const QString &flag)
{
    return flag.startsWith(QLatin1Char('L')) ? LabFlagDelegate::lowColor() : LabFlagDelegate::highColor();
}

} // namespace

LabTrendChart::LabTrendChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("labTrendChart"));
    setAccessibleName(tr("Trend of the selected tests"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void LabTrendChart::setFacilitySource(const TimelineModel *model)
{
    m_facilities = model;
    update();
}

void LabTrendChart::setSeries(const QList<LabTrendSeries> &series)
{
    // Rendered once here, not per paint: the chart is a 3× image meant for paper.
    m_charts.clear();
    for (const LabTrendSeries &s : series) {
        QList<QDateTime> times;
        const std::optional<QImage> image = renderTrendChart(toReferralLabTest(s, &times), times);
        m_charts.append({s, image.value_or(QImage())});
    }
    updateGeometry();
    update();
}

QList<LabTrendSeries> LabTrendChart::series() const
{
    QList<LabTrendSeries> result;
    for (const Chart &chart : m_charts)
        result << chart.series;
    return result;
}

QPointF LabTrendChart::chartPosition(const LabTrendSeries &series, int index)
{
    const QList<LabTrendPoint> &points = series.points;
    if (index < 0 || index >= points.size())
        return {};
    double low = points.first().value;
    double high = low;
    for (const LabTrendPoint &point : points) {
        low = std::min(low, point.value);
        high = std::max(high, point.value);
    }
    if (const auto range = parseRange(series.range)) {
        low = std::min(low, range->first);
        high = std::max(high, range->second);
    }
    const double pad = (high - low) * 0.12 + 1e-9;
    low -= pad;
    high += pad;
    const qint64 t0 = points.first().time.toSecsSinceEpoch();
    const qint64 t1 = points.last().time.toSecsSinceEpoch();
    const qint64 t = points.at(index).time.toSecsSinceEpoch();
    const double x = t1 == t0 ? kPlot.center().x() : kPlot.left() + kPlot.width() * double(t - t0) / double(t1 - t0);
    const double y = kPlot.bottom() - kPlot.height() * (points.at(index).value - low) / (high - low);
    return {x, y};
}

QColor LabTrendChart::facilityColor(const QString &facilityId) const
{
    return TimelineStyle::facilityColor(m_facilities ? int(m_facilities->facilities().indexOf(facilityId)) : -1);
}

QSize LabTrendChart::sizeHint() const
{
    const int charts = std::max<int>(1, int(m_charts.size()));
    return QSize(kTrendChartSize.width(), kLegendHeight + charts * kTrendChartSize.height());
}

QSize LabTrendChart::minimumSizeHint() const
{
    return QSize(kTrendChartSize.width() / 2, kLegendHeight + kTrendChartSize.height() / 2);
}

void LabTrendChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.fillRect(rect(), Qt::white);
    if (m_charts.isEmpty()) {
        p.setPen(TimelineStyle::kMutedText);
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Select one or more tests in the table to see their trend."));
        return;
    }
    const int top = paintLegend(p);
    const double slotHeight = double(height() - top) / m_charts.size();
    for (int i = 0; i < m_charts.size(); ++i)
        paintChart(p, m_charts.at(i), QRectF(0, top + i * slotHeight, width(), slotHeight));
}

int LabTrendChart::paintLegend(QPainter &p) const
{
    // Only the facilities whose values are on show, in the timeline legend's order.
    QStringList shown;
    for (const Chart &chart : m_charts) {
        for (const LabTrendPoint &point : chart.series.points) {
            if (!shown.contains(point.facilityId))
                shown << point.facilityId;
        }
    }
    if (m_facilities) {
        const QStringList order = m_facilities->facilities();
        std::stable_sort(shown.begin(), shown.end(), [&order](const QString &a, const QString &b) {
            return order.indexOf(a) < order.indexOf(b);
        });
    }
    const QFontMetrics fm = fontMetrics();
    const int y = kLegendHeight / 2;
    const int baseline = y + fm.ascent() / 2 - 1;
    int x = 8;
    for (const QString &id : shown) {
        p.setPen(Qt::NoPen);
        p.setBrush(facilityColor(id));
        p.drawEllipse(QPointF(x + 5, y), 5, 5);
        const QString name = m_facilities ? m_facilities->facilityName(id) : id;
        p.setPen(TimelineStyle::kText);
        p.drawText(QPoint(x + 16, baseline), name);
        x += 16 + fm.horizontalAdvance(name) + 20;
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(TimelineStyle::kAbnormal, 1.6));
    p.drawEllipse(QPointF(x + 6, y), 6, 6);
    p.setPen(TimelineStyle::kMutedText);
    p.drawText(QPoint(x + 18, baseline), tr("H/L: outside the reference range"));
    return kLegendHeight;
}

void LabTrendChart::paintChart(QPainter &p, const Chart &chart, const QRectF &slot) const
{
    if (chart.image.isNull()) {
        p.setPen(TimelineStyle::kMutedText);
        p.drawText(slot.adjusted(12, 0, -12, 0), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                   tr("%1: fewer than two numeric values, no trend to draw.").arg(chart.series.name));
        return;
    }
    const double scale = std::min(slot.width() / kTrendChartSize.width(), slot.height() / kTrendChartSize.height());
    const QRectF target(slot.left() + (slot.width() - kTrendChartSize.width() * scale) / 2, slot.top(),
                        kTrendChartSize.width() * scale, kTrendChartSize.height() * scale);
    p.drawImage(target, chart.image);
    QFont font = p.font();
    font.setBold(true);
    p.setFont(font);
    const QFontMetrics fm(font);
    for (int i = 0; i < chart.series.points.size(); ++i) {
        const LabTrendPoint &point = chart.series.points.at(i);
        const QPointF c = target.topLeft() + chartPosition(chart.series, i) * scale;
        p.setPen(QPen(Qt::white, 1));
        p.setBrush(facilityColor(point.facilityId));
        p.drawEllipse(c, kDotRadius * scale, kDotRadius * scale);
        if (point.flag.isEmpty())
            continue;
        // Ring and letter: H/L must read without colour, too.
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(flagColor(point.flag), 1.6));
        p.drawEllipse(c, kDotRadius * scale + 3, kDotRadius * scale + 3);
        p.drawText(c + QPointF(kDotRadius * scale + 5, fm.ascent() / 2.0 - 1), point.flag);
    }
    font.setBold(false);
    p.setFont(font);
}
