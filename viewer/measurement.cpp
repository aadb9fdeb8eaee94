#include "measurement.h"

#include <QtMath>

#include <cmath>

namespace MeasurementMath {

double angleDegrees(QPointF a, QPointF vertex, QPointF b, const PixelSpacing &spacing)
{
    const double ax = (a.x() - vertex.x()) * spacing.column;
    const double ay = (a.y() - vertex.y()) * spacing.row;
    const double bx = (b.x() - vertex.x()) * spacing.column;
    const double by = (b.y() - vertex.y()) * spacing.row;
    // atan2 of cross and dot is accurate near 0° and 180°, where acos of the cosine is not.
    const double cross = ax * by - ay * bx;
    const double dot = ax * bx + ay * by;
    if (cross == 0 && dot == 0)
        return 0;
    return qRadiansToDegrees(std::atan2(std::abs(cross), dot));
}

bool containsPixel(Measurement::Kind kind, const QRectF &rect, int x, int y)
{
    const double cx = x + 0.5;
    const double cy = y + 0.5;
    if (kind == Measurement::Kind::Rectangle)
        return cx >= rect.left() && cx < rect.right() && cy >= rect.top() && cy < rect.bottom();
    const double a = rect.width() / 2;
    const double b = rect.height() / 2;
    if (a <= 0 || b <= 0)
        return false;
    const double dx = (cx - rect.center().x()) / a;
    const double dy = (cy - rect.center().y()) / b;
    return dx * dx + dy * dy <= 1.0;
}

std::optional<RoiStatistics> roiStatistics(const Dicom::Frame &frame, const Dicom::ImageInfo &info,
                                           Measurement::Kind kind, const QRectF &rect)
{
    if (frame.samplesPerPixel != 1 || frame.photometricInterpretation == u"PALETTE COLOR"
        || frame.samples.size() < frame.sampleCount() * (frame.bitsAllocated / 8))
        return std::nullopt;
    const int x0 = qMax(0, int(std::floor(rect.left())));
    const int y0 = qMax(0, int(std::floor(rect.top())));
    const int x1 = qMin(frame.columns - 1, int(std::ceil(rect.right())));
    const int y1 = qMin(frame.rows - 1, int(std::ceil(rect.bottom())));
    RoiStatistics s;
    // Welford's running mean and variance: one pass, stable for large regions.
    double mean = 0;
    double m2 = 0;
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            if (!containsPixel(kind, rect, x, y))
                continue;
            const qint64 stored = frame.sample(qint64(y) * frame.columns + x);
            if (info.isPadding(stored))
                continue;
            const double v = info.modalityValue(stored);
            if (s.pixelCount == 0) {
                s.minimum = s.maximum = v;
            } else {
                s.minimum = qMin(s.minimum, v);
                s.maximum = qMax(s.maximum, v);
            }
            ++s.pixelCount;
            const double delta = v - mean;
            mean += delta / double(s.pixelCount);
            m2 += delta * (v - mean);
        }
    }
    if (s.pixelCount == 0)
        return std::nullopt;
    s.mean = mean;
    s.standardDeviation = s.pixelCount > 1 ? std::sqrt(m2 / double(s.pixelCount - 1)) : 0;
    return s;
}

double roiArea(Measurement::Kind kind, const QRectF &rect, const PixelSpacing &spacing)
{
    const double w = rect.width() * spacing.column;
    const double h = rect.height() * spacing.row;
    return kind == Measurement::Kind::Ellipse ? M_PI * w * h / 4 : w * h;
}

QString modalityUnit(const QString &modality)
{
    return modality == u"CT" ? QStringLiteral("HU") : QString();
}

} // namespace MeasurementMath
