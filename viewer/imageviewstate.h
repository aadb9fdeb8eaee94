#pragma once

#include "imageinfo.h"

#include <QPointF>
#include <QtGlobal>

#include <optional>

/// How one viewport shows its image: the display part of the state, shared by the whole
/// stack (scrolling keeps window, zoom and orientation as radiologists expect).
struct ImageViewState
{
    std::optional<Dicom::Window> window; ///< none: the slice's default window
    bool inverted = false;
    bool fit = true;        ///< zoom follows the viewport size
    double zoom = 1;        ///< screen pixels per image column (1 = 1:1)
    QPointF pan;            ///< offset of the image centre from the viewport centre
    int rotation = 0;       ///< clockwise degrees: 0, 90, 180, 270
    bool flipHorizontal = false;
    bool flipVertical = false;
};

/// A window/level preset as radiologists name it (values in Hounsfield units).
struct WindowPreset
{
    const char *name; ///< untranslated; translated in the "ImageViewport" context
    double center;
    double width;
};

/// The usual CT presets (common radiology practice), on keys 2 to 6 in this order.
inline constexpr WindowPreset kCtPresets[] = {
    {QT_TRANSLATE_NOOP("ImageViewport", "Brain"), 40, 80},
    {QT_TRANSLATE_NOOP("ImageViewport", "Abdomen"), 40, 400},
    {QT_TRANSLATE_NOOP("ImageViewport", "Mediastinum"), 50, 350},
    {QT_TRANSLATE_NOOP("ImageViewport", "Lung"), -600, 1500},
    {QT_TRANSLATE_NOOP("ImageViewport", "Bone"), 300, 1500},
};
