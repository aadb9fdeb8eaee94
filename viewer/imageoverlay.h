#pragma once

#include "imageattributes.h"

#include <QString>
#include <QStringList>
#include <QVector3D>

/// Pure helpers for the viewport's annotations, kept apart from painting so they can be
/// read and tested without a widget.
namespace ImageOverlay {

/// The patient-space direction letters of @p direction (DICOM LPS: +x L, +y P, +z H),
/// strongest component first, components under ~0.3 left out: e.g. "L", "LP", "HF"-free.
QString orientationLabel(const QVector3D &direction);

/// A round length in mm (1, 2, 5 × 10^n) not longer than @p maxMillimetres.
double niceScaleLength(double maxMillimetres);

/// DA "20040119" as "2004/01/19" (the Japanese form the record uses); anything else unchanged.
QString formatDate(const QString &da);

/// A length for the measurement label: "12.3 mm", or "45.0 px" without a pixel spacing.
QString formatLength(double value, bool millimetres);

} // namespace ImageOverlay
