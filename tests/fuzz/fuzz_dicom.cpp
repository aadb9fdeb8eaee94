// libFuzzer entry point: parse any bytes as DICOM, then decode and render what it claims to
// hold. Must never crash, hang or leak, whatever the input.

#include "dicomfile.h"
#include "dicomtoolkit.h"
#include "render.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = [] {
        Dicom::silenceToolkitLog();
        return true;
    }();
    Q_UNUSED(quiet);
    const auto file = Dicom::DicomFile::fromBytes(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!file)
        return 0;
    file->summary();
    const auto info = file->imageInfo();
    if (!info)
        return 0;
    // A few frames are enough to reach every decoder path; all of them would be slow.
    for (int i = 0; i < qMin(info->numberOfFrames, 3); ++i) {
        const auto frame = file->frame(i);
        if (!frame)
            continue;
        Dicom::statistics(*frame);
        Dicom::render(*frame, *info);
    }
    return 0;
}
