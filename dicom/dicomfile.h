#pragma once

#include "characterset.h"
#include "frame.h"
#include "imageinfo.h"
#include "result.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace Dicom {

/// A parsed DICOM file (Part 10 or bare dataset). Cheap to copy: copies share the parsed
/// dataset. All methods are safe to call from several threads at once.
class DicomFile
{
public:
    /// Parses @p path. Not DICOM, unreadable or cut short: an error, never a crash.
    static Result<DicomFile> open(const QString &path);
    /// Parses an in-memory file (used by the fuzzer and for DICOMweb payloads).
    static Result<DicomFile> fromBytes(const QByteArray &bytes);

    /// Cheap check of the first bytes: a DICOM preamble or a plausible first tag.
    static bool hasDicomSignature(const QString &path);

    QString transferSyntaxUid() const;
    /// The raw Specific Character Set (0008,0005), e.g. "\\ISO 2022 IR 87".
    QByteArray specificCharacterSet() const;
    /// The whole value of a top-level string attribute as Unicode (empty if absent).
    QString text(quint16 group, quint16 element, TextKind kind = TextKind::ShortText) const;
    bool hasPixelData() const;
    bool hasWaveform() const;

    /// The pixel description, or why this object has no decodable image.
    Result<ImageInfo> imageInfo() const;
    /// Decodes frame @p index (0-based) at native depth.
    Result<Frame> frame(int index) const;

    /// Identifying and image attributes as UTF-8 JSON fields (what `renkei-dicom info` prints).
    QJsonObject summary() const;

    struct Private;

private:
    explicit DicomFile(std::shared_ptr<Private> d);
    std::shared_ptr<Private> d;
};

} // namespace Dicom
