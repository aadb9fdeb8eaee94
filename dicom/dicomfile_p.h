#pragma once

// Private to RenkeiDicom: the DCMTK objects behind DicomFile. Never include from outside dicom/.

#include "dicomfile.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <mutex>

namespace Dicom {

struct DicomFile::Private
{
    DcmFileFormat file;
    // DCMTK datasets are not thread-safe even for reads (lazy loading, codec caches).
    mutable std::mutex mutex;

    DcmDataset *dataset() { return file.getDataset(); }
};

/// Reads the Image Pixel and LUT modules; caller holds the mutex.
Result<ImageInfo> readImageInfo(DcmDataset *dataset);
/// Decodes one frame to the Frame layout; caller holds the mutex.
Result<Frame> decodeFrame(DcmDataset *dataset, const ImageInfo &info, int index);

} // namespace Dicom
