#pragma once

// The DICOM library's names for the shared value-or-error type (core/renkeiresult.h).
#include "renkeiresult.h"

namespace Dicom {

/// A one-line reason why a DICOM operation failed, for stderr or a status bar.
using Error = Renkei::Failure;
using Renkei::Result;

} // namespace Dicom
