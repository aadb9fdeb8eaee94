// Decodes one frame of pixel data: native data sliced directly, JPEG/JPEG-LS/RLE through
// DCMTK's codecs, JPEG 2000 through OpenJPEG; then normalised to the Frame layout.

#include "dicomfile_p.h"
#include "jpeg2000.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QList>

#include <cstring>

namespace Dicom {
namespace {

bool isJpeg2000(E_TransferSyntax xfer)
{
    return xfer == EXS_JPEG2000LosslessOnly || xfer == EXS_JPEG2000
        || xfer == EXS_JPEG2000MulticomponentLosslessOnly || xfer == EXS_JPEG2000Multicomponent;
}

QByteArray fragmentBytes(DcmPixelItem *item)
{
    Uint8 *data = nullptr;
    if (!item || item->getUint8Array(data).bad() || !data)
        return {};
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(item->getLength()));
}

bool startsCodestream(const QByteArray &fragment)
{
    return fragment.startsWith("\xFF\x4F\xFF\x51") || fragment.startsWith("\x00\x00\x00\x0CjP  ");
}

// The compressed bytes of frame @p index: all fragments for a single frame, else by the Basic
// Offset Table, else one fragment per frame, else split where a new codestream starts.
Result<QByteArray> encapsulatedFrame(DcmPixelSequence *sequence, int frames, int index)
{
    const unsigned long items = sequence->card();
    if (items < 2)
        return Error{QStringLiteral("encapsulated pixel data has no fragments")};
    QList<QByteArray> fragments;
    for (unsigned long i = 1; i < items; ++i) {
        DcmPixelItem *item = nullptr;
        sequence->getItem(item, i);
        fragments.append(fragmentBytes(item));
    }
    if (frames == 1) {
        QByteArray all;
        for (const QByteArray &f : fragments)
            all += f;
        return all;
    }
    DcmPixelItem *table = nullptr;
    sequence->getItem(table, 0);
    const QByteArray offsets = fragmentBytes(table);
    if (offsets.size() >= 4 * frames) {
        auto offsetAt = [&](int i) {
            const auto *p = reinterpret_cast<const uchar *>(offsets.constData()) + 4 * i;
            return quint64(p[0]) | (quint64(p[1]) << 8) | (quint64(p[2]) << 16)
                | (quint64(p[3]) << 24);
        };
        const quint64 begin = offsetAt(index);
        const quint64 end = index + 1 < frames ? offsetAt(index + 1) : ~quint64(0);
        QByteArray frame;
        quint64 position = 0;
        for (const QByteArray &f : fragments) {
            if (position >= begin && position < end)
                frame += f;
            position += 8 + quint64(f.size()); // item tag + length precede each fragment
        }
        return frame;
    }
    if (fragments.size() == frames)
        return fragments[index];
    int current = -1;
    QByteArray frame;
    for (const QByteArray &f : fragments) {
        if (startsCodestream(f) || current < 0)
            ++current;
        if (current == index)
            frame += f;
    }
    if (frame.isEmpty())
        return Error{QStringLiteral("cannot find frame %1 in the encapsulated pixel data")
                         .arg(index + 1)};
    return frame;
}

Result<QByteArray> decodeJpeg2000Frame(DcmPixelData *pixelData, E_TransferSyntax xfer,
                                       const ImageInfo &info, int index)
{
    DcmPixelSequence *sequence = nullptr;
    if (pixelData->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || !sequence)
        return Error{QStringLiteral("JPEG 2000 pixel data is not encapsulated")};
    auto compressed = encapsulatedFrame(sequence, info.numberOfFrames, index);
    if (!compressed)
        return Error{compressed.error()};
    return decodeJpeg2000(*compressed, info);
}

Result<QByteArray> nativeFrame(DcmPixelData *pixelData, E_TransferSyntax xfer,
                               const ImageInfo &info, int index)
{
    // Loads (lazily) and swaps to the machine's byte order in 16-bit words for OW.
    Uint8 *data = nullptr;
    if (pixelData->getUint8Array(data).bad() || !data)
        return Error{QStringLiteral("pixel data cannot be read")};
    const qint64 available = qint64(pixelData->getLength());
    const qint64 frameBytes = info.frameBytes();
    const qint64 needed = frameBytes * info.numberOfFrames;
    if (available < needed)
        return Error{QStringLiteral("pixel data truncated: %1 bytes, %2 frame(s) need %3")
                         .arg(available).arg(info.numberOfFrames).arg(needed)};
    QByteArray frame(reinterpret_cast<const char *>(data) + frameBytes * index, frameBytes);
    // 32-bit samples from a big endian file were swapped as 16-bit words; swap the words.
    if (xfer == EXS_BigEndianExplicit && info.bitsAllocated == 32
        && pixelData->getVR() != EVR_OL) {
        for (qint64 i = 0; i + 3 < frame.size(); i += 4) {
            std::swap(frame[i], frame[i + 2]);
            std::swap(frame[i + 1], frame[i + 3]);
        }
    }
    return frame;
}

Result<QByteArray> dcmtkFrame(DcmPixelData *pixelData, DcmDataset *dataset, const ImageInfo &info,
                              int index, QString &decodedPhotometric)
{
    Uint32 frameSize = 0;
    if (pixelData->getUncompressedFrameSize(dataset, frameSize).bad() || frameSize == 0)
        return Error{QStringLiteral("cannot compute the frame size")};
    if (qint64(frameSize) < info.frameBytes())
        frameSize = Uint32(info.frameBytes());
    QByteArray buffer(qsizetype(frameSize) + 1, '\0');
    Uint32 startFragment = 0;
    OFString colourModel;
    const OFCondition status = pixelData->getUncompressedFrame(
        dataset, Uint32(index), startFragment, buffer.data(), frameSize, colourModel, nullptr);
    if (status.bad()) {
        const DcmXfer xfer(dataset->getOriginalXfer());
        if (status == EC_CannotChangeRepresentation || status == EC_UnsupportedEncoding)
            return Error{QStringLiteral("unsupported transfer syntax %1 (%2)")
                             .arg(QString::fromLatin1(xfer.getXferID()),
                                  QString::fromLatin1(xfer.getXferName()))};
        return Error{QStringLiteral("cannot decode frame %1 (%2): %3")
                         .arg(index + 1)
                         .arg(QString::fromLatin1(xfer.getXferName()),
                              QString::fromLocal8Bit(status.text()))};
    }
    if (!colourModel.empty())
        decodedPhotometric = QString::fromLatin1(colourModel.c_str()).trimmed();
    buffer.truncate(info.frameBytes());
    return buffer;
}

// Converts colour-by-plane to colour-by-pixel.
QByteArray interleave(const QByteArray &planar, qint64 pixels, int bytesPerSample)
{
    QByteArray out(planar.size(), Qt::Uninitialized);
    for (int c = 0; c < 3; ++c) {
        for (qint64 p = 0; p < pixels; ++p) {
            std::memcpy(out.data() + (p * 3 + c) * bytesPerSample,
                        planar.constData() + (c * pixels + p) * bytesPerSample, bytesPerSample);
        }
    }
    return out;
}

// Expands YBR_FULL_422 (Y1 Y2 Cb Cr per pixel pair) to full YBR_FULL samples.
QByteArray expand422(const QByteArray &packed, int rows, int columns)
{
    QByteArray out(qsizetype(rows) * columns * 3, Qt::Uninitialized);
    const auto *src = reinterpret_cast<const uchar *>(packed.constData());
    auto *dst = reinterpret_cast<uchar *>(out.data());
    const qint64 pairs = qint64(rows) * columns / 2;
    for (qint64 i = 0; i < pairs; ++i) {
        const uchar *s = src + 4 * i;
        uchar *d = dst + 6 * i;
        d[0] = s[0]; d[1] = s[2]; d[2] = s[3];
        d[3] = s[1]; d[4] = s[2]; d[5] = s[3];
    }
    return out;
}

// Clears bits above bitsStored and sign-extends signed values, in place.
void normaliseBits(Frame &frame)
{
    if (frame.bitsStored >= frame.bitsAllocated)
        return;
    const quint32 mask = (quint32(1) << frame.bitsStored) - 1;
    const quint32 signBit = quint32(1) << (frame.bitsStored - 1);
    const int width = frame.bitsAllocated / 8;
    auto *p = reinterpret_cast<uchar *>(frame.samples.data());
    const qint64 n = frame.sampleCount();
    for (qint64 i = 0; i < n; ++i) {
        uchar *s = p + i * width;
        quint32 v = 0;
        for (int b = 0; b < width; ++b)
            v |= quint32(s[b]) << (8 * b);
        v &= mask;
        if (frame.isSigned && (v & signBit))
            v |= ~mask;
        for (int b = 0; b < width; ++b)
            s[b] = uchar(v >> (8 * b));
    }
}

} // namespace

namespace {

// The decoded frame is the copy a viewer keeps. DCMTK keeps the bytes it loaded (native or
// compressed) in the dataset too, which would hold a series twice; values loaded lazily from
// a file can be loaded again, so they are dropped. Multi-frame objects keep theirs: reloading
// every frame's bytes for each frame would cost far more than the memory.
void releaseLoadedPixels(DcmPixelData *pixelData, E_TransferSyntax xfer, const ImageInfo &info)
{
    // Big endian values are swapped in place when loaded; DCMTK then reloads them from the
    // file without swapping again (seen with MR_small_bigendian.dcm), so they stay loaded.
    if (info.numberOfFrames != 1 || DcmXfer(xfer).getByteOrder() == EBO_BigEndian)
        return;
    pixelData->compact();
    DcmPixelSequence *sequence = nullptr;
    if (DcmXfer(xfer).isEncapsulated()
        && pixelData->getEncapsulatedRepresentation(xfer, nullptr, sequence).good() && sequence) {
        for (unsigned long i = 0; i < sequence->card(); ++i) {
            DcmPixelItem *item = nullptr;
            if (sequence->getItem(item, i).good() && item)
                item->compact();
        }
    }
}

} // namespace

Result<Frame> decodeFrame(DcmDataset *dataset, const ImageInfo &info, int index)
{
    DcmElement *element = nullptr;
    if (dataset->findAndGetElement(DCM_PixelData, element).bad() || !element)
        return Error{QStringLiteral("this object has no image (no Pixel Data)")};
    auto *pixelData = OFstatic_cast(DcmPixelData *, element);
    const E_TransferSyntax xfer = dataset->getOriginalXfer();
    const DcmXfer xferInfo(xfer);

    Frame frame;
    frame.rows = info.rows;
    frame.columns = info.columns;
    frame.samplesPerPixel = info.samplesPerPixel;
    frame.bitsAllocated = info.bitsAllocated;
    frame.bitsStored = info.bitsStored;
    frame.isSigned = info.isSigned;
    frame.photometricInterpretation = info.photometricInterpretation;

    const bool subsampled = info.photometricInterpretation == u"YBR_FULL_422";
    ImageInfo layout = info;
    bool planar = info.samplesPerPixel == 3 && info.planarConfiguration == 1;
    Result<QByteArray> bytes = QByteArray();
    if (isJpeg2000(xfer)) {
        bytes = decodeJpeg2000Frame(pixelData, xfer, info, index);
        planar = false;
        // OpenJPEG applies the inverse RCT/ICT; what comes out is RGB.
        if (info.samplesPerPixel == 3)
            frame.photometricInterpretation = QStringLiteral("RGB");
    } else if (!xferInfo.isEncapsulated()) {
        if (subsampled && info.bitsAllocated == 8)
            layout.samplesPerPixel = 2; // 4 bytes per 2 pixels
        bytes = nativeFrame(pixelData, xfer, layout, index);
    } else {
        bytes = dcmtkFrame(pixelData, dataset, info, index, frame.photometricInterpretation);
    }
    releaseLoadedPixels(pixelData, xfer, info);
    if (!bytes)
        return Error{bytes.error()};
    frame.samples = std::move(*bytes);
    if (frame.samples.size() < info.frameBytes() && !(subsampled && !xferInfo.isEncapsulated()))
        return Error{QStringLiteral("decoded frame %1 is too short").arg(index + 1)};

    if (subsampled && !xferInfo.isEncapsulated() && info.bitsAllocated == 8) {
        frame.samples = expand422(frame.samples, info.rows, info.columns);
        frame.photometricInterpretation = QStringLiteral("YBR_FULL");
    } else if (planar) {
        frame.samples = interleave(frame.samples, qint64(info.rows) * info.columns,
                                   info.bitsAllocated / 8);
    }
    normaliseBits(frame);
    return frame;
}

FrameStatistics statistics(const Frame &frame)
{
    FrameStatistics stats;
    const qint64 n = frame.sampleCount();
    if (n <= 0 || frame.samples.size() < n * (frame.bitsAllocated / 8))
        return stats;
    stats.minimum = stats.maximum = frame.sample(0);
    long double sum = 0;
    for (qint64 i = 0; i < n; ++i) {
        const qint64 v = frame.sample(i);
        stats.minimum = qMin(stats.minimum, v);
        stats.maximum = qMax(stats.maximum, v);
        sum += v;
    }
    stats.mean = double(sum / n);
    return stats;
}

} // namespace Dicom
