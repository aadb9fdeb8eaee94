#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Dicom {

/// A window (VOI linear function, PS3.3 C.11.2.1.2) in modality units.
struct Window
{
    double center = 0;
    double width = 1;
};

/// A lookup table as the LUT Descriptor (first mapped value, bits per entry) and LUT Data.
struct LookupTable
{
    qint32 firstMapped = 0;
    int bitsPerEntry = 16;
    QList<quint16> data;

    bool isEmpty() const { return data.isEmpty(); }
    /// The entry for @p input, clamped to the first/last entry as PS3.3 requires.
    quint16 lookup(qint64 input) const
    {
        const qint64 index = qBound<qint64>(0, input - firstMapped, data.size() - 1);
        return data[index];
    }
};

/// Everything needed to interpret and display the pixel data of one image object: the
/// Image Pixel module, modality and VOI LUT modules, and palette colour tables.
struct ImageInfo
{
    QString transferSyntaxUid;
    int rows = 0;
    int columns = 0;
    int numberOfFrames = 0;
    int samplesPerPixel = 1;
    int bitsAllocated = 0;
    int bitsStored = 0;
    int highBit = 0;
    bool isSigned = false;
    int planarConfiguration = 0;
    QString photometricInterpretation;

    double rescaleSlope = 1;
    double rescaleIntercept = 0;
    std::optional<LookupTable> modalityLut;

    QList<Window> windows;
    std::optional<LookupTable> voiLut;

    std::optional<qint64> pixelPaddingValue;
    std::optional<qint64> pixelPaddingRangeLimit;

    LookupTable redPalette;
    LookupTable greenPalette;
    LookupTable bluePalette;

    bool isMonochrome() const { return photometricInterpretation.startsWith(u"MONOCHROME"); }
    /// Bytes of one decoded frame at native depth, interleaved.
    qint64 frameBytes() const
    {
        return qint64(rows) * columns * samplesPerPixel * (bitsAllocated / 8);
    }
    /// The modality value (e.g. Hounsfield units) for a stored value.
    double modalityValue(qint64 stored) const
    {
        if (modalityLut)
            return modalityLut->lookup(stored);
        return stored * rescaleSlope + rescaleIntercept;
    }
    bool isPadding(qint64 stored) const
    {
        if (!pixelPaddingValue)
            return false;
        if (!pixelPaddingRangeLimit)
            return stored == *pixelPaddingValue;
        const qint64 lo = qMin(*pixelPaddingValue, *pixelPaddingRangeLimit);
        const qint64 hi = qMax(*pixelPaddingValue, *pixelPaddingRangeLimit);
        return stored >= lo && stored <= hi;
    }
};

} // namespace Dicom
