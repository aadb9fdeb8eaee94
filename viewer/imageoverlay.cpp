#include "imageoverlay.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace ImageOverlay {

QString orientationLabel(const QVector3D &direction)
{
    struct Axis { float value; QChar positive; QChar negative; };
    Axis axes[] = {{direction.x(), u'L', u'R'}, {direction.y(), u'P', u'A'},
                   {direction.z(), u'H', u'F'}};
    std::sort(std::begin(axes), std::end(axes),
              [](const Axis &a, const Axis &b) { return std::abs(a.value) > std::abs(b.value); });
    QString label;
    for (const Axis &axis : axes) {
        // Oblique planes get two letters; tiny components are noise from the scanner.
        if (std::abs(axis.value) < 0.3f || label.size() == 2)
            break;
        label += axis.value > 0 ? axis.positive : axis.negative;
    }
    return label;
}

double niceScaleLength(double maxMillimetres)
{
    if (!(maxMillimetres > 0))
        return 0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxMillimetres)));
    for (double step : {5.0, 2.0, 1.0}) {
        if (step * magnitude <= maxMillimetres)
            return step * magnitude;
    }
    return magnitude;
}

QString formatDate(const QString &da)
{
    if (da.size() == 8 && std::all_of(da.begin(), da.end(), [](QChar c) { return c.isDigit(); }))
        return da.left(4) + u'/' + da.mid(4, 2) + u'/' + da.mid(6, 2); // as the record's dates
    return da;
}

QString formatLength(double value, bool millimetres)
{
    return millimetres
        ? QCoreApplication::translate("ImageViewport", "%1 mm").arg(value, 0, 'f', 1)
        : QCoreApplication::translate("ImageViewport", "%1 px").arg(value, 0, 'f', 1);
}

} // namespace ImageOverlay
