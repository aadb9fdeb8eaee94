#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace Dicom {

/// One decoded frame at its native depth: stored values (before any LUT), one sample per
/// bitsAllocated/8 bytes, little endian, colour samples interleaved (R G B R G B ...).
/// Signed values are sign-extended from bitsStored and bits above bitsStored cleared, so
/// sample() is the stored value PS3.5 defines, whatever the encoder left in the high bits.
struct Frame
{
    int rows = 0;
    int columns = 0;
    int samplesPerPixel = 1;
    int bitsAllocated = 16;
    int bitsStored = 16;
    bool isSigned = false;
    /// As decoded; differs from the file when a codec converted colour (YBR_FULL JPEG to RGB).
    QString photometricInterpretation;
    QByteArray samples;

    qint64 sampleCount() const { return qint64(rows) * columns * samplesPerPixel; }
    qint64 sample(qint64 index) const
    {
        const auto *p = reinterpret_cast<const uchar *>(samples.constData());
        switch (bitsAllocated) {
        case 8:
            return isSigned ? qint64(qint8(p[index])) : qint64(p[index]);
        case 16: {
            const quint16 v = quint16(p[2 * index] | (p[2 * index + 1] << 8));
            return isSigned ? qint64(qint16(v)) : qint64(v);
        }
        default: {
            const quint32 v = quint32(p[4 * index]) | (quint32(p[4 * index + 1]) << 8)
                | (quint32(p[4 * index + 2]) << 16) | (quint32(p[4 * index + 3]) << 24);
            return isSigned ? qint64(qint32(v)) : qint64(v);
        }
        }
    }
};

/// Minimum, maximum and mean of a frame's stored values (all samples).
struct FrameStatistics
{
    qint64 minimum = 0;
    qint64 maximum = 0;
    double mean = 0;
};

FrameStatistics statistics(const Frame &frame);

} // namespace Dicom
