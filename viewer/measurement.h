#pragma once

#include "frame.h"
#include "imageinfo.h"

#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>

/// Mean, spread and extent of the modality values (HU for CT) inside a region of interest.
struct RoiStatistics
{
    double mean = 0;
    double standardDeviation = 0; ///< sample SD (n − 1), as a spread of tissue values
    double minimum = 0;
    double maximum = 0;
    qint64 pixelCount = 0;
};

/// One measurement drawn on one slice, its points in image pixel coordinates (pixel (i, j)
/// covers [i, i+1) × [j, j+1), so its centre is (i + 0.5, j + 0.5)).
struct Measurement
{
    enum class Kind { Length, Angle, Rectangle, Ellipse };

    Kind kind = Kind::Length;
    /// Length: the two ends. Angle: first arm end, vertex, second arm end. Rectangle and
    /// ellipse: two opposite corners of the (bounding) rectangle.
    QList<QPointF> points;
    /// ROI statistics, computed once from the slice's pixels when the ROI is made.
    std::optional<RoiStatistics> statistics;

    static Measurement length(const QLineF &line) { return {Kind::Length, {line.p1(), line.p2()}, {}}; }
    QLineF line() const { return points.size() >= 2 ? QLineF(points[0], points[1]) : QLineF(); }
    QRectF rect() const { return line().isNull() ? QRectF() : QRectF(points[0], points[1]).normalized(); }
    bool isRoi() const { return kind == Kind::Rectangle || kind == Kind::Ellipse; }
    /// Points a finished measurement of this kind has (2, or 3 for an angle).
    static int pointsNeeded(Kind kind) { return kind == Kind::Angle ? 3 : 2; }
};

/// Physical pixel size: (0028,0030) column spacing (x) and row spacing (y) in mm.
struct PixelSpacing
{
    double column = 1;
    double row = 1;
    bool known = false;
};

namespace MeasurementMath {

/// The angle at @p vertex between the arms to @p a and @p b, in degrees (0–180), measured in
/// patient space: with non-square pixels the image angle is not the anatomical one.
double angleDegrees(QPointF a, QPointF vertex, QPointF b, const PixelSpacing &spacing);

/// Whether pixel (x, y) belongs to the ROI: its centre lies inside the rectangle or ellipse.
bool containsPixel(Measurement::Kind kind, const QRectF &rect, int x, int y);

/// Statistics of the modality values (rescale slope/intercept or modality LUT) of the
/// pixels whose centres lie in the ROI; padding pixels are left out. None for colour frames
/// or an ROI that covers no pixel centre.
std::optional<RoiStatistics> roiStatistics(const Dicom::Frame &frame, const Dicom::ImageInfo &info,
                                           Measurement::Kind kind, const QRectF &rect);

/// The ROI's geometric area in mm² (or px² without a pixel spacing).
double roiArea(Measurement::Kind kind, const QRectF &rect, const PixelSpacing &spacing);

/// The unit of modality values: "HU" for CT (PS3.3 C.8.2.1 rescale type), else empty.
QString modalityUnit(const QString &modality);

} // namespace MeasurementMath
