// Reads the Image Pixel, Modality LUT, VOI LUT and palette attributes from a DCMTK dataset.

#include "dicomfile_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <cmath>

namespace Dicom {
namespace {

int us(DcmItem *item, const DcmTagKey &tag, int fallback)
{
    Uint16 value = 0;
    return item->findAndGetUint16(tag, value).good() ? int(value) : fallback;
}

// US-or-SS attributes (pixel padding, LUT descriptor first value): the VR decides the sign.
std::optional<qint64> usOrSs(DcmItem *item, const DcmTagKey &tag, unsigned long pos = 0)
{
    DcmElement *element = nullptr;
    if (item->findAndGetElement(tag, element).bad() || !element)
        return std::nullopt;
    if (element->ident() == EVR_SS) {
        Sint16 v = 0;
        if (element->getSint16(v, pos).good())
            return v;
        return std::nullopt;
    }
    Uint16 v = 0;
    if (element->getUint16(v, pos).good())
        return v;
    return std::nullopt;
}

std::optional<double> ds(DcmItem *item, const DcmTagKey &tag, unsigned long pos = 0)
{
    Float64 value = 0;
    if (item->findAndGetFloat64(tag, value, pos).good() && std::isfinite(value))
        return value;
    return std::nullopt;
}

// A LUT from its descriptor (entries, first mapped, bits) and data elements.
std::optional<LookupTable> readLut(DcmItem *item, const DcmTagKey &descriptorTag,
                                   const DcmTagKey &dataTag, bool firstMappedSigned)
{
    const auto entries = usOrSs(item, descriptorTag, 0);
    const auto first = usOrSs(item, descriptorTag, 1);
    const auto bits = usOrSs(item, descriptorTag, 2);
    if (!entries || !first || !bits)
        return std::nullopt;
    const Uint16 *data = nullptr;
    unsigned long count = 0;
    if (item->findAndGetUint16Array(dataTag, data, &count).bad() || !data || count == 0)
        return std::nullopt;
    LookupTable lut;
    // PS3.3 C.11.1.1: the first mapped value is US or SS depending on the pixel data.
    lut.firstMapped = firstMappedSigned ? qint32(qint16(quint16(*first))) : qint32(quint16(*first));
    lut.bitsPerEntry = int(*bits);
    const qint64 n = *entries == 0 ? 65536 : quint16(*entries);
    // 8-bit entries are sometimes packed two per 16-bit word; unpack them.
    if (lut.bitsPerEntry <= 8 && qint64(count) * 2 == n) {
        for (unsigned long i = 0; i < count; ++i) {
            lut.data.append(data[i] & 0xFF);
            lut.data.append(data[i] >> 8);
        }
    } else {
        for (unsigned long i = 0; i < count && i < quint64(n); ++i)
            lut.data.append(data[i]);
    }
    return lut;
}

} // namespace

Result<ImageInfo> readImageInfo(DcmDataset *dataset)
{
    if (!dataset->tagExists(DCM_PixelData)) {
        if (dataset->tagExists(DCM_WaveformSequence))
            return Error{QStringLiteral("this object holds a waveform, not an image")};
        return Error{QStringLiteral("this object has no image (no Pixel Data)")};
    }
    ImageInfo info;
    info.transferSyntaxUid = QString::fromLatin1(DcmXfer(dataset->getOriginalXfer()).getXferID());
    info.rows = us(dataset, DCM_Rows, 0);
    info.columns = us(dataset, DCM_Columns, 0);
    info.samplesPerPixel = us(dataset, DCM_SamplesPerPixel, 1);
    info.bitsAllocated = us(dataset, DCM_BitsAllocated, 0);
    info.bitsStored = us(dataset, DCM_BitsStored, info.bitsAllocated);
    info.highBit = us(dataset, DCM_HighBit, info.bitsStored - 1);
    info.isSigned = us(dataset, DCM_PixelRepresentation, 0) == 1;
    info.planarConfiguration = us(dataset, DCM_PlanarConfiguration, 0);
    OFString photometric;
    dataset->findAndGetOFString(DCM_PhotometricInterpretation, photometric);
    info.photometricInterpretation = QString::fromLatin1(photometric.c_str()).trimmed();
    Sint32 frames = 1;
    if (dataset->findAndGetSint32(DCM_NumberOfFrames, frames).bad())
        frames = 1;
    info.numberOfFrames = frames;

    if (info.rows <= 0 || info.columns <= 0)
        return Error{QStringLiteral("image has no size (Rows/Columns missing or zero)")};
    if (info.numberOfFrames <= 0)
        return Error{QStringLiteral("invalid Number of Frames %1").arg(frames)};
    if (info.bitsAllocated != 8 && info.bitsAllocated != 16 && info.bitsAllocated != 32)
        return Error{QStringLiteral("unsupported Bits Allocated %1").arg(info.bitsAllocated)};
    if (info.bitsStored <= 0 || info.bitsStored > info.bitsAllocated)
        return Error{QStringLiteral("invalid Bits Stored %1").arg(info.bitsStored)};
    if (info.samplesPerPixel != 1 && info.samplesPerPixel != 3)
        return Error{QStringLiteral("unsupported Samples per Pixel %1").arg(info.samplesPerPixel)};
    if (info.photometricInterpretation.isEmpty())
        info.photometricInterpretation = info.samplesPerPixel == 3 ? QStringLiteral("RGB")
                                                                   : QStringLiteral("MONOCHROME2");
    // Refuse absurd sizes before allocating: a frame above 1 GiB is not an image we can show.
    if (info.frameBytes() > (qint64(1) << 30)
        || info.frameBytes() * info.numberOfFrames > (qint64(1) << 32))
        return Error{QStringLiteral("image too large (%1x%2, %3 frames)")
                         .arg(info.columns).arg(info.rows).arg(info.numberOfFrames)};

    if (const auto slope = ds(dataset, DCM_RescaleSlope); slope && *slope != 0)
        info.rescaleSlope = *slope;
    if (const auto intercept = ds(dataset, DCM_RescaleIntercept))
        info.rescaleIntercept = *intercept;
    DcmItem *lutItem = nullptr;
    if (dataset->findAndGetSequenceItem(DCM_ModalityLUTSequence, lutItem, 0).good() && lutItem)
        info.modalityLut = readLut(lutItem, DCM_LUTDescriptor, DCM_LUTData, info.isSigned);

    for (unsigned long i = 0;; ++i) {
        const auto center = ds(dataset, DCM_WindowCenter, i);
        const auto width = ds(dataset, DCM_WindowWidth, i);
        if (!center || !width)
            break;
        if (*width >= 1)
            info.windows.append(Window{*center, *width});
    }
    if (dataset->findAndGetSequenceItem(DCM_VOILUTSequence, lutItem, 0).good() && lutItem)
        info.voiLut = readLut(lutItem, DCM_LUTDescriptor, DCM_LUTData, info.isSigned);

    info.pixelPaddingValue = usOrSs(dataset, DCM_PixelPaddingValue);
    info.pixelPaddingRangeLimit = usOrSs(dataset, DCM_PixelPaddingRangeLimit);
    if (info.pixelPaddingValue && !info.isSigned)
        *info.pixelPaddingValue = quint16(*info.pixelPaddingValue);

    if (info.photometricInterpretation == u"PALETTE COLOR") {
        const auto red = readLut(dataset, DCM_RedPaletteColorLookupTableDescriptor,
                                 DCM_RedPaletteColorLookupTableData, false);
        const auto green = readLut(dataset, DCM_GreenPaletteColorLookupTableDescriptor,
                                   DCM_GreenPaletteColorLookupTableData, false);
        const auto blue = readLut(dataset, DCM_BluePaletteColorLookupTableDescriptor,
                                  DCM_BluePaletteColorLookupTableData, false);
        if (!red || !green || !blue)
            return Error{QStringLiteral("PALETTE COLOR image without usable palette tables")};
        info.redPalette = *red;
        info.greenPalette = *green;
        info.bluePalette = *blue;
    }
    return info;
}

} // namespace Dicom
