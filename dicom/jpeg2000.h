#pragma once

// Private to RenkeiDicom: JPEG 2000 through OpenJPEG, since DCMTK 3.6.7 has no J2K codec.

#include "imageinfo.h"
#include "result.h"

#include <QByteArray>

namespace Dicom {

/// Decodes one J2K codestream (or JP2 file) to interleaved samples, little endian, each
/// info.bitsAllocated wide. Inverse colour transforms (RCT/ICT) are applied by OpenJPEG.
Result<QByteArray> decodeJpeg2000(const QByteArray &codestream, const ImageInfo &info);

} // namespace Dicom
