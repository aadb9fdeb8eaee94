// libFuzzer entry point: parse any bytes as DICOM, then decode and render what it claims to
// hold. Must never crash, hang or leak, whatever the input.

#include "dicomfile.h"
#include "dicomtoolkit.h"
#include "render.h"
#include "structuredreport.h"

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
    // Text inside sequences and SR content trees are walked item by item: nesting and
    // per-item character sets come straight from the input.
    file->textAt({{0x0040, 0xA730, 0}, {0x0040, 0xA730, 0}}, 0x0040, 0xA160);
    if (const auto report = Dicom::readStructuredReport(*file))
        Dicom::structuredReportText(*report);
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
