#include "render.h"

#include <QList>

#include <cmath>

namespace Dicom {
namespace {

// PS3.3 C.11.2.1.2.1, the LINEAR window function, to 0..255.
uchar windowed(double x, const Window &w)
{
    const double c = w.center - 0.5;
    const double halfWidth = (w.width - 1) / 2;
    if (x <= c - halfWidth)
        return 0;
    if (x > c + halfWidth)
        return 255;
    const double width = qMax(1.0, w.width - 1);
    return uchar(qBound(0.0, std::lround(((x - c) / width + 0.5) * 255.0) * 1.0, 255.0));
}

QImage renderMonochrome(const Frame &frame, const ImageInfo &info, std::optional<Window> window)
{
    const bool useVoiLut = !window && info.windows.isEmpty() && info.voiLut && !info.voiLut->isEmpty();
    if (!window && !useVoiLut)
        window = defaultWindow(frame, info);
    const bool invert = frame.photometricInterpretation == u"MONOCHROME1";
    auto display = [&](qint64 stored) -> uchar {
        if (info.isPadding(stored))
            return 0;
        const double m = info.modalityValue(stored);
        uchar v;
        if (useVoiLut) {
            const int bits = qBound(1, info.voiLut->bitsPerEntry, 16);
            v = uchar(qMin<qint64>(255, (qint64(info.voiLut->lookup(qint64(std::floor(m)))) * 255)
                                           / ((qint64(1) << bits) - 1)));
        } else {
            v = windowed(m, *window);
        }
        return invert ? uchar(255 - v) : v;
    };
    QImage image(frame.columns, frame.rows, QImage::Format_Grayscale8);
    if (image.isNull())
        return {};
    // Up to 16 stored bits, a table of every possible stored value is cheaper than per pixel.
    const bool table = frame.bitsStored <= 16;
    QList<uchar> lut;
    qint64 offset = 0;
    if (table) {
        offset = frame.isSigned ? -(qint64(1) << (frame.bitsStored - 1)) : 0;
        lut.resize(qsizetype(1) << frame.bitsStored);
        for (qsizetype i = 0; i < lut.size(); ++i)
            lut[i] = display(i + offset);
    }
    for (int y = 0; y < frame.rows; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < frame.columns; ++x) {
            const qint64 s = frame.sample(qint64(y) * frame.columns + x);
            line[x] = table ? lut[s - offset] : display(s);
        }
    }
    return image;
}

uchar clamp8(double v)
{
    return uchar(qBound(0L, std::lround(v), 255L));
}

QImage renderColour(const Frame &frame, const ImageInfo &info)
{
    QImage image(frame.columns, frame.rows, QImage::Format_RGB888);
    if (image.isNull())
        return {};
    const QString &pi = frame.photometricInterpretation;
    const bool palette = pi == u"PALETTE COLOR";
    const bool ybr = pi.startsWith(u"YBR_FULL");
    const int shift = qMax(0, frame.bitsStored - 8);
    auto paletteValue = [](const LookupTable &lut, qint64 index) {
        const int bits = qBound(1, lut.bitsPerEntry, 16);
        return uchar(bits > 8 ? lut.lookup(index) >> (bits - 8) : lut.lookup(index));
    };
    for (int y = 0; y < frame.rows; ++y) {
        uchar *line = image.scanLine(y);
        for (int x = 0; x < frame.columns; ++x) {
            const qint64 p = qint64(y) * frame.columns + x;
            uchar *rgb = line + 3 * x;
            if (palette) {
                const qint64 index = frame.sample(p);
                rgb[0] = paletteValue(info.redPalette, index);
                rgb[1] = paletteValue(info.greenPalette, index);
                rgb[2] = paletteValue(info.bluePalette, index);
                continue;
            }
            const qint64 a = frame.sample(3 * p) >> shift;
            const qint64 b = frame.sample(3 * p + 1) >> shift;
            const qint64 c = frame.sample(3 * p + 2) >> shift;
            if (ybr) {
                // PS3.3 C.7.6.3.1.2, YBR_FULL to RGB.
                rgb[0] = clamp8(a + 1.402 * (c - 128));
                rgb[1] = clamp8(a - 0.344136 * (b - 128) - 0.714136 * (c - 128));
                rgb[2] = clamp8(a + 1.772 * (b - 128));
            } else {
                rgb[0] = uchar(qBound(qint64(0), a, qint64(255)));
                rgb[1] = uchar(qBound(qint64(0), b, qint64(255)));
                rgb[2] = uchar(qBound(qint64(0), c, qint64(255)));
            }
        }
    }
    return image;
}

} // namespace

Window defaultWindow(const Frame &frame, const ImageInfo &info)
{
    if (!info.windows.isEmpty())
        return info.windows.first();
    double lo = 0;
    double hi = 0;
    bool any = false;
    const qint64 n = frame.sampleCount();
    for (qint64 i = 0; i < n; ++i) {
        const qint64 s = frame.sample(i);
        if (info.isPadding(s))
            continue;
        const double m = info.modalityValue(s);
        if (!any) {
            lo = hi = m;
            any = true;
        }
        lo = qMin(lo, m);
        hi = qMax(hi, m);
    }
    // A window of width w spans w values; +1 so a constant image is still valid.
    return Window{(lo + hi) / 2 + 0.5, hi - lo + 1};
}

QImage render(const Frame &frame, const ImageInfo &info, std::optional<Window> window)
{
    const qint64 bytes = frame.sampleCount() * (frame.bitsAllocated / 8);
    if (frame.rows <= 0 || frame.columns <= 0 || frame.samples.size() < bytes)
        return {};
    if (window && window->width < 1)
        window->width = 1;
    if (frame.samplesPerPixel == 1 && frame.photometricInterpretation != u"PALETTE COLOR")
        return renderMonochrome(frame, info, window);
    if (frame.samplesPerPixel == 3 || frame.photometricInterpretation == u"PALETTE COLOR")
        return renderColour(frame, info);
    return {};
}

} // namespace Dicom
