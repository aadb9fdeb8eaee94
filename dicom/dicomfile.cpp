#include "dicomfile.h"

#include "codecs.h"
#include "datasettext_p.h"
#include "dicomfile_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace Dicom {
namespace {

QString conditionText(const OFCondition &condition)
{
    return QString::fromLocal8Bit(condition.text());
}

// DCMTK happily parses many non-DICOM byte streams as a (garbage) implicit-VR dataset; an
// object that has neither a meta header nor any identifying or pixel attribute is not DICOM.
bool looksLikeDicom(DcmFileFormat &file)
{
    DcmMetaInfo *meta = file.getMetaInfo();
    DcmDataset *dataset = file.getDataset();
    if (!dataset || dataset->card() == 0)
        return false;
    if (meta && meta->tagExists(DCM_MediaStorageSOPClassUID))
        return true;
    return dataset->tagExists(DCM_SOPClassUID) || dataset->tagExists(DCM_PixelData)
        || dataset->tagExists(DCM_WaveformSequence);
}

// A Part 10 file has "DICM" after its 128-byte preamble; a bare dataset starts with a tag of
// group 0002 or 0008 (either byte order). Anything else is not DICOM, whatever DCMTK says.
bool hasDicomSignature(const QByteArray &head)
{
    if (head.size() >= 132 && head.mid(128, 4) == "DICM")
        return true;
    if (head.size() < 8)
        return false;
    const auto b0 = uchar(head[0]);
    const auto b1 = uchar(head[1]);
    return ((b0 == 0x02 || b0 == 0x08) && b1 == 0x00)  // little endian group
        || ((b1 == 0x02 || b1 == 0x08) && b0 == 0x00); // big endian group
}

Result<std::shared_ptr<DicomFile::Private>> finish(std::shared_ptr<DicomFile::Private> d,
                                                   const OFCondition &status,
                                                   const QByteArray &head)
{
    if (!hasDicomSignature(head))
        return Error{QStringLiteral("not a DICOM file")};
    if (status.bad()) {
        if (status == EC_StreamNotifyClient || status == EC_PrematureSequDelimitationItem
            || status == EC_ItemEnd)
            return Error{QStringLiteral("truncated DICOM file: %1").arg(conditionText(status))};
        return Error{QStringLiteral("not a readable DICOM file: %1").arg(conditionText(status))};
    }
    if (!looksLikeDicom(d->file))
        return Error{QStringLiteral("not a DICOM file")};
    return d;
}

} // namespace

DicomFile::DicomFile(std::shared_ptr<Private> d) : d(std::move(d)) {}

Result<DicomFile> DicomFile::open(const QString &path)
{
    ensureCodecsRegistered();
    const QFileInfo fileInfo(path);
    if (!fileInfo.exists())
        return Error{QStringLiteral("%1: no such file").arg(path)};
    if (!fileInfo.isFile())
        return Error{QStringLiteral("%1: not a file").arg(path)};
    auto d = std::make_shared<Private>();
    const QByteArray name = QFile::encodeName(path);
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(path, probe.errorString())};
    const QByteArray head = probe.read(132);
    probe.close();
    const OFCondition status = d->file.loadFile(OFFilename(name.constData()));
    auto result = finish(std::move(d), status, head);
    if (!result)
        return Error{QStringLiteral("%1: %2").arg(path, result.error())};
    return DicomFile(std::move(*result));
}

Result<DicomFile> DicomFile::fromBytes(const QByteArray &bytes)
{
    ensureCodecsRegistered();
    auto d = std::make_shared<Private>();
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.constData(), offile_off_t(bytes.size()));
    stream.setEos();
    d->file.transferInit();
    OFCondition status = d->file.read(stream, EXS_Unknown, EGL_noChange);
    d->file.transferEnd();
    auto result = finish(std::move(d), status, bytes.left(132));
    if (!result)
        return Error{result.error()};
    return DicomFile(std::move(*result));
}

QString DicomFile::sopInstanceUidOf(const QByteArray &bytes)
{
    if (!Dicom::hasDicomSignature(bytes.left(132)))
        return {};
    // Parse only what precedes the Pixel Data tag (either byte order): the UID is in group
    // 0008, and DCMTK's own stop-at-tag reading logs a warning for every file. Should the tag
    // bytes occur earlier by chance, the UID usually still precedes them.
    qsizetype end = bytes.size();
    for (const char *tag : {"\xe0\x7f\x10\x00", "\x7f\xe0\x00\x10"}) {
        const qsizetype at = bytes.indexOf(QByteArrayView(tag, 4), 132);
        if (at > 0)
            end = qMin(end, at);
    }
    DcmFileFormat file;
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.constData(), offile_off_t(end));
    stream.setEos();
    file.transferInit();
    file.read(stream, EXS_Unknown, EGL_noChange);
    file.transferEnd();
    OFString uid;
    // A header cut short still names its instance if the UID came before the damage.
    if (file.getDataset()->findAndGetOFString(DCM_SOPInstanceUID, uid).bad())
        return {};
    return QString::fromLatin1(uid.c_str()).trimmed();
}

bool DicomFile::hasDicomSignature(const QString &path)
{
    QFile probe(path);
    return probe.open(QIODevice::ReadOnly) && Dicom::hasDicomSignature(probe.read(132));
}

QString DicomFile::transferSyntaxUid() const
{
    std::lock_guard lock(d->mutex);
    const DcmXfer xfer(d->dataset()->getOriginalXfer());
    return QString::fromLatin1(xfer.getXferID());
}

QByteArray DicomFile::specificCharacterSet() const
{
    std::lock_guard lock(d->mutex);
    OFString value;
    d->dataset()->findAndGetOFStringArray(DCM_SpecificCharacterSet, value);
    return QByteArray(value.c_str(), qsizetype(value.size()));
}

QString DicomFile::text(quint16 group, quint16 element, TextKind kind) const
{
    const QByteArray charset = specificCharacterSet();
    std::lock_guard lock(d->mutex);
    OFString value;
    if (d->dataset()->findAndGetOFStringArray(DcmTagKey(group, element), value).bad())
        return {};
    return decodeText(QByteArray(value.c_str(), qsizetype(value.size())), charset, kind);
}

QString DicomFile::textAt(const QList<ItemStep> &path, quint16 group, quint16 element) const
{
    std::lock_guard lock(d->mutex);
    DcmItem *item = d->dataset();
    QByteArray charset = characterSetOf(item, {});
    for (const ItemStep &step : path) {
        DcmSequenceOfItems *sequence = nullptr;
        if (item->findAndGetSequence(DcmTagKey(step.group, step.element), sequence).bad()
            || !sequence || step.item < 0 || step.item >= int(sequence->card()))
            return {};
        item = sequence->getItem(unsigned(step.item));
        if (!item)
            return {};
        charset = characterSetOf(item, charset);
    }
    return itemText(item, DcmTagKey(group, element), charset);
}

bool DicomFile::hasPixelData() const
{
    std::lock_guard lock(d->mutex);
    return d->dataset()->tagExists(DCM_PixelData);
}

bool DicomFile::hasWaveform() const
{
    std::lock_guard lock(d->mutex);
    return d->dataset()->tagExists(DCM_WaveformSequence);
}

Result<ImageInfo> DicomFile::imageInfo() const
{
    std::lock_guard lock(d->mutex);
    return readImageInfo(d->dataset());
}

Result<Frame> DicomFile::frame(int index) const
{
    std::lock_guard lock(d->mutex);
    auto info = readImageInfo(d->dataset());
    if (!info)
        return Error{info.error()};
    if (index < 0 || index >= info->numberOfFrames)
        return Error{QStringLiteral("frame %1 out of range (the image has %2 frame(s))")
                         .arg(index + 1)
                         .arg(info->numberOfFrames)};
    return decodeFrame(d->dataset(), *info, index);
}

QJsonObject DicomFile::summary() const
{
    QJsonObject json;
    json[u"patientName"] = text(0x0010, 0x0010, TextKind::PersonName);
    json[u"patientId"] = text(0x0010, 0x0020);
    json[u"patientBirthDate"] = text(0x0010, 0x0030);
    json[u"patientSex"] = text(0x0010, 0x0040);
    json[u"studyInstanceUid"] = text(0x0020, 0x000D);
    json[u"seriesInstanceUid"] = text(0x0020, 0x000E);
    json[u"sopInstanceUid"] = text(0x0008, 0x0018);
    json[u"sopClassUid"] = text(0x0008, 0x0016);
    json[u"modality"] = text(0x0008, 0x0060);
    json[u"studyDate"] = text(0x0008, 0x0020);
    json[u"studyDescription"] = text(0x0008, 0x1030);
    json[u"seriesDescription"] = text(0x0008, 0x103E);
    json[u"specificCharacterSet"] = QString::fromLatin1(specificCharacterSet());
    json[u"transferSyntaxUid"] = transferSyntaxUid();
    json[u"hasWaveform"] = hasWaveform();
    const bool pixels = hasPixelData();
    json[u"hasPixelData"] = pixels;
    const auto info = imageInfo();
    if (pixels && info) {
        json[u"rows"] = info->rows;
        json[u"columns"] = info->columns;
        json[u"numberOfFrames"] = info->numberOfFrames;
        json[u"photometricInterpretation"] = info->photometricInterpretation;
        json[u"bitsAllocated"] = info->bitsAllocated;
        json[u"bitsStored"] = info->bitsStored;
        json[u"samplesPerPixel"] = info->samplesPerPixel;
        json[u"pixelRepresentation"] = info->isSigned ? 1 : 0;
        QJsonArray windows;
        for (const Window &w : info->windows)
            windows.append(QJsonArray{w.center, w.width});
        json[u"windows"] = windows;
    } else {
        json[u"rows"] = 0;
        json[u"columns"] = 0;
        json[u"numberOfFrames"] = 0;
        json[u"photometricInterpretation"] = QString();
        json[u"bitsAllocated"] = 0;
        if (pixels)
            json[u"imageError"] = info.error();
    }
    return json;
}

} // namespace Dicom
