#pragma once

#include "frame.h"
#include "imageinfo.h"

#include <QImage>

#include <optional>

namespace Dicom {

/// The window to show a frame with when the user chose none: the file's first window,
/// else the frame's minimum/maximum modality values (ignoring pixel padding).
Window defaultWindow(const Frame &frame, const ImageInfo &info);

/// Renders a decoded frame to 8 bits for display: modality LUT, then @p window (or, with
/// none, the file's VOI LUT, its first window, the min/max), MONOCHROME1 inverted, pixel
/// padding black. Colour frames (RGB, YBR_FULL, PALETTE COLOR) become RGB888.
/// Returns a null image when the frame does not match @p info.
QImage render(const Frame &frame, const ImageInfo &info,
              std::optional<Window> window = std::nullopt);

} // namespace Dicom
