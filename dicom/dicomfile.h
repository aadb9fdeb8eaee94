#pragma once

#include "characterset.h"
#include "frame.h"
#include "imageinfo.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace Dicom {

/// One step down into a sequence: the sequence attribute and the 0-based item in it.
struct ItemStep
{
    quint16 group = 0;
    quint16 element = 0;
    int item = 0;
};

/// A parsed DICOM file (Part 10 or bare dataset). Cheap to copy: copies share the parsed
/// dataset. All methods are safe to call from several threads at once.
class DicomFile
{
public:
    /// Parses @p path. Not DICOM, unreadable or cut short: an error, never a crash.
    static Result<DicomFile> open(const QString &path);
    /// Parses an in-memory file (used by the fuzzer and for DICOMweb payloads).
    static Result<DicomFile> fromBytes(const QByteArray &bytes);

    /// The SOP Instance UID of an in-memory file, read from its header only (parsing stops
    /// before the pixel data); empty when there is none. For naming DICOMweb parts as they
    /// stream in without a full parse.
    static QString sopInstanceUidOf(const QByteArray &bytes);

    /// Cheap check of the first bytes: a DICOM preamble or a plausible first tag.
    static bool hasDicomSignature(const QString &path);

    QString transferSyntaxUid() const;
    /// The raw Specific Character Set (0008,0005), e.g. "\\ISO 2022 IR 87".
    QByteArray specificCharacterSet() const;
    /// The whole value of a top-level string attribute as Unicode (empty if absent).
    QString text(quint16 group, quint16 element, TextKind kind = TextKind::ShortText) const;
    /// The value of an attribute inside (nested) sequence items, e.g. the Code Meaning of the
    /// first Procedure Code Sequence item: textAt({{0x0008, 0x1032, 0}}, 0x0008, 0x0104).
    /// Decoded with the Specific Character Set in effect there (the innermost item's own
    /// (0008,0005), else its parent's, else the dataset's); the text kind follows the VR.
    /// Empty when a step or the attribute is missing.
    QString textAt(const QList<ItemStep> &path, quint16 group, quint16 element) const;
    bool hasPixelData() const;
    bool hasWaveform() const;

    /// The pixel description, or why this object has no decodable image.
    Result<ImageInfo> imageInfo() const;
    /// Decodes frame @p index (0-based) at native depth.
    Result<Frame> frame(int index) const;

    /// Identifying and image attributes as UTF-8 JSON fields (what `renkei-dicom info` prints).
    QJsonObject summary() const;

    struct Private;
    /// For readers inside dicom/ (SR, waveforms, ...) that walk the DCMTK dataset themselves;
    /// they must hold Private::mutex while they do.
    friend Private &privateOf(const DicomFile &file) { return *file.d; }

private:
    explicit DicomFile(std::shared_ptr<Private> d);
    std::shared_ptr<Private> d;
};

} // namespace Dicom
