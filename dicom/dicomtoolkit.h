#pragma once

#include <QString>

namespace Dicom {

/// Name and version of the DICOM toolkit this build decodes images with, for About boxes and
/// diagnostics (e.g. "DCMTK 3.6.7").
QString toolkitVersion();

} // namespace Dicom

namespace Dicom {

/// Silences DCMTK's own log output (warnings about odd files go to stderr by default), for
/// command-line tools whose stderr must stay one line per failure.
void silenceToolkitLog();

} // namespace Dicom
