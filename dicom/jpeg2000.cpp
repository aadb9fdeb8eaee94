#include "jpeg2000.h"

#include <QThread>

#include <openjpeg.h>

#include <cstring>
#include <memory>

namespace Dicom {
namespace {

struct MemoryStream
{
    const uchar *data;
    OPJ_SIZE_T size;
    OPJ_SIZE_T position;
};

OPJ_SIZE_T readStream(void *buffer, OPJ_SIZE_T count, void *user)
{
    auto *s = static_cast<MemoryStream *>(user);
    const OPJ_SIZE_T n = qMin(count, s->size - s->position);
    if (n == 0)
        return OPJ_SIZE_T(-1); // OpenJPEG's end-of-stream signal
    std::memcpy(buffer, s->data + s->position, n);
    s->position += n;
    return n;
}

OPJ_OFF_T skipStream(OPJ_OFF_T count, void *user)
{
    auto *s = static_cast<MemoryStream *>(user);
    const OPJ_OFF_T target = qBound<OPJ_OFF_T>(0, OPJ_OFF_T(s->position) + count, OPJ_OFF_T(s->size));
    const OPJ_OFF_T moved = target - OPJ_OFF_T(s->position);
    s->position = OPJ_SIZE_T(target);
    return moved;
}

OPJ_BOOL seekStream(OPJ_OFF_T offset, void *user)
{
    auto *s = static_cast<MemoryStream *>(user);
    if (offset < 0 || OPJ_SIZE_T(offset) > s->size)
        return OPJ_FALSE;
    s->position = OPJ_SIZE_T(offset);
    return OPJ_TRUE;
}

// OpenJPEG reports through callbacks; keep the last error for our one-line message.
void recordError(const char *message, void *user)
{
    *static_cast<QString *>(user) = QString::fromLocal8Bit(message).trimmed();
}
void ignoreMessage(const char *, void *) {}

struct CodecDeleter { void operator()(opj_codec_t *c) const { opj_destroy_codec(c); } };
struct StreamDeleter { void operator()(opj_stream_t *s) const { opj_stream_destroy(s); } };
struct ImageDeleter { void operator()(opj_image_t *i) const { opj_image_destroy(i); } };

} // namespace

Result<QByteArray> decodeJpeg2000(const QByteArray &codestream, const ImageInfo &info)
{
    if (codestream.size() < 12)
        return Error{QStringLiteral("JPEG 2000 frame is empty or cut short")};
    const auto *bytes = reinterpret_cast<const uchar *>(codestream.constData());
    // JP2 files start with a signature box; a bare codestream starts with SOC (FF 4F).
    const bool isJp2 = std::memcmp(bytes, "\x00\x00\x00\x0CjP  ", 8) == 0;
    MemoryStream memory{bytes, OPJ_SIZE_T(codestream.size()), 0};

    std::unique_ptr<opj_stream_t, StreamDeleter> stream(opj_stream_create(1 << 16, OPJ_TRUE));
    std::unique_ptr<opj_codec_t, CodecDeleter> codec(
        opj_create_decompress(isJp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K));
    if (!stream || !codec)
        return Error{QStringLiteral("cannot start the JPEG 2000 decoder")};
    opj_stream_set_user_data(stream.get(), &memory, nullptr);
    opj_stream_set_user_data_length(stream.get(), memory.size);
    opj_stream_set_read_function(stream.get(), readStream);
    opj_stream_set_skip_function(stream.get(), skipStream);
    opj_stream_set_seek_function(stream.get(), seekStream);

    QString lastError;
    opj_set_error_handler(codec.get(), recordError, &lastError);
    opj_set_warning_handler(codec.get(), ignoreMessage, nullptr);
    opj_set_info_handler(codec.get(), ignoreMessage, nullptr);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec.get(), &parameters))
        return Error{QStringLiteral("cannot set up the JPEG 2000 decoder")};
    // One 512x512 CT slice takes OpenJPEG ~150 ms on one core, so the first image of a J2K
    // series is late unless its code-blocks are decoded on all cores. When the whole series is
    // decoded on the pool the extra threads only share the same cores; the output is the same.
    if (opj_has_thread_support())
        opj_codec_set_threads(codec.get(), qBound(1, QThread::idealThreadCount(), 4));

    opj_image_t *rawImage = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &rawImage)) {
        opj_image_destroy(rawImage);
        return Error{QStringLiteral("invalid JPEG 2000 header: %1").arg(lastError)};
    }
    std::unique_ptr<opj_image_t, ImageDeleter> image(rawImage);
    if (!opj_decode(codec.get(), stream.get(), image.get())
        || !opj_end_decompress(codec.get(), stream.get()))
        return Error{QStringLiteral("JPEG 2000 decoding failed: %1").arg(lastError)};

    if (int(image->numcomps) != info.samplesPerPixel)
        return Error{QStringLiteral("JPEG 2000 frame has %1 components, the header says %2")
                         .arg(image->numcomps).arg(info.samplesPerPixel)};
    for (OPJ_UINT32 c = 0; c < image->numcomps; ++c) {
        const opj_image_comp_t &comp = image->comps[c];
        if (!comp.data || int(comp.w) != info.columns || int(comp.h) != info.rows
            || comp.dx != 1 || comp.dy != 1)
            return Error{QStringLiteral("JPEG 2000 frame size or subsampling does not match "
                                        "the DICOM header (%1x%2)")
                             .arg(info.columns).arg(info.rows)};
    }

    const int bytesPerSample = info.bitsAllocated / 8;
    const qint64 pixels = qint64(info.rows) * info.columns;
    QByteArray out(pixels * info.samplesPerPixel * bytesPerSample, Qt::Uninitialized);
    auto *dst = reinterpret_cast<uchar *>(out.data());
    for (qint64 p = 0; p < pixels; ++p) {
        for (int c = 0; c < info.samplesPerPixel; ++c) {
            // Keep the low bitsAllocated bits; the caller masks/sign-extends to bitsStored,
            // which also covers codestreams whose signedness disagrees with the header.
            const quint32 v = quint32(image->comps[c].data[p]);
            uchar *s = dst + (p * info.samplesPerPixel + c) * bytesPerSample;
            for (int b = 0; b < bytesPerSample; ++b)
                s[b] = uchar(v >> (8 * b));
        }
    }
    return out;
}

} // namespace Dicom
