#pragma once

#include <QString>

namespace Dicom {

/// Name and version of the DICOM toolkit this build decodes images with, for About boxes and
/// diagnostics (e.g. "DCMTK 3.6.7").
QString toolkitVersion();

} // namespace Dicom
