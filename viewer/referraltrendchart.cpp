#include "referraltrendchart.h"

#include "referralpacket.h"

#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>

#include <cmath>

namespace {

constexpr int kScale = 3;

/// "6.7-8.3 g/dl" → {6.7, 8.3}; nullopt for ranges like "陰性" or "≦ 5".
std::optional<std::pair<double, double>> parseRange(const QString &range)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(-?[\d.]+)\s*[-–〜~]\s*(-?[\d.]+))"));
    const QRegularExpressionMatch match = pattern.match(range);
    if (!match.hasMatch())
        return std::nullopt;
    bool okLow = false;
    bool okHigh = false;
    const double low = match.captured(1).toDouble(&okLow);
    const double high = match.captured(2).toDouble(&okHigh);
    if (!okLow || !okHigh || high <= low)
        return std::nullopt;
    return std::make_pair(low, high);
}

} // namespace

std::optional<QImage> renderTrendChart(const ReferralLabTest &test, const QList<QDateTime> &times)
{
    QList<QPair<QDateTime, double>> points; // oldest first
    for (qsizetype i = test.values.size() - 1; i >= 0; --i) {
        if (!std::isnan(test.values.at(i)) && i < times.size())
            points.append({times.at(i), test.values.at(i)});
    }
    if (points.size() < 2)
        return std::nullopt;

    const std::optional<std::pair<double, double>> range = parseRange(test.range);
    double low = points.first().second;
    double high = low;
    for (const auto &point : points) {
        low = std::min(low, point.second);
        high = std::max(high, point.second);
    }
    if (range) {
        low = std::min(low, range->first);
        high = std::max(high, range->second);
    }
    const double pad = (high - low) * 0.12 + 1e-9;
    low -= pad;
    high += pad;

    QImage image(kTrendChartSize * kScale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(kScale, kScale);
    QFont font(QStringLiteral("Noto Sans CJK JP"));
    font.setPixelSize(11);
    painter.setFont(font);

    // Room on the left for the test's name, on the right for the last date's label.
    const QRectF plot(150, 14, kTrendChartSize.width() - 150 - 48, kTrendChartSize.height() - 36);
    const qint64 t0 = points.first().first.toSecsSinceEpoch();
    const qint64 t1 = points.last().first.toSecsSinceEpoch();
    auto x = [&](const QDateTime &t) {
        return t1 == t0 ? plot.center().x()
                        : plot.left() + plot.width() * double(t.toSecsSinceEpoch() - t0) / double(t1 - t0);
    };
    auto y = [&](double v) { return plot.bottom() - plot.height() * (v - low) / (high - low); };

    painter.setPen(QColor(0x1f, 0x2d, 0x3a));
    const QString title = test.unit.isEmpty() ? test.name : QStringLiteral("%1 (%2)").arg(test.name, test.unit);
    painter.drawText(QRectF(0, plot.top(), plot.left() - 12, plot.height()), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, title);
    if (range) {
        // The normal band, pale: values outside it are what the reader looks for.
        painter.fillRect(QRectF(QPointF(plot.left(), y(range->second)), QPointF(plot.right(), y(range->first))),
                         QColor(0xe6, 0xf0, 0xe6));
    }
    painter.setPen(QPen(QColor(0x8a, 0x93, 0x9c), 0.8));
    painter.drawRect(plot);
    painter.setPen(QColor(0x5a, 0x65, 0x70));
    for (double v : {low + pad, high - pad}) {
        painter.drawText(QRectF(plot.left() - 60, y(v) - 8, 54, 16), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(v, 'g', 4));
    }
    QPainterPath path;
    for (const auto &point : points) {
        const QPointF p(x(point.first), y(point.second));
        path.isEmpty() ? path.moveTo(p) : path.lineTo(p);
    }
    painter.setPen(QPen(QColor(0x1f, 0x4e, 0x79), 1.6));
    painter.drawPath(path);
    painter.setBrush(QColor(0x1f, 0x4e, 0x79));
    for (const auto &point : points) {
        const QPointF p(x(point.first), y(point.second));
        painter.drawEllipse(p, 2.6, 2.6);
    }
    painter.setPen(QColor(0x5a, 0x65, 0x70));
    for (const auto &point : {points.first(), points.last()}) {
        const double px = x(point.first);
        painter.drawText(QRectF(px - 50, plot.bottom() + 3, 100, 16), Qt::AlignCenter,
                         point.first.date().toString(QStringLiteral("yyyy/MM/dd")));
    }
    return image;
}
