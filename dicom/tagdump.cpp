#include "tagdump.h"

#include "codecs.h"
#include "datasettext_p.h"
#include "dicomfile_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvr.h>

#include <QFile>
#include <QFileInfo>

#include <mutex>

namespace Dicom {
namespace {

// Enough of a LUT or a coordinate list to recognise it; the rest would only hide the tags.
constexpr unsigned long kMaxValues = 32;
constexpr int kMaxChars = 1024;

bool isBinary(DcmEVR vr)
{
    switch (vr) {
    case EVR_OB: case EVR_OW: case EVR_OF: case EVR_OD: case EVR_OL: case EVR_OV:
    case EVR_UN: case EVR_pixelSQ: case EVR_pixelItem: case EVR_ox: case EVR_px:
    case EVR_lt:
        return true;
    default:
        return false;
    }
}

QString valueOf(DcmElement *element, const QByteArray &charset)
{
    const DcmEVR vr = element->ident();
    if (isBinary(vr) || element->getTag() == DCM_PixelData) {
        const Uint32 length = element->getLength();
        return length == DCM_UndefinedLength
            ? QStringLiteral("(encapsulated data)")
            : QStringLiteral("(%1 bytes)").arg(length);
    }
    if (element->isaString()) {
        OFString raw;
        if (element->getOFStringArray(raw).bad())
            return {};
        QString text = decodeText(QByteArray(raw.c_str(), qsizetype(raw.size())), charset,
                                  textKindForVr(vr));
        if (text.size() > kMaxChars)
            text = text.left(kMaxChars) + u'…';
        return text;
    }
    // Binary numbers (US, SS, UL, FL, FD, AT, ...): DCMTK writes them as text, value by value.
    const unsigned long vm = element->getVM();
    QStringList values;
    for (unsigned long i = 0; i < qMin(vm, kMaxValues); ++i) {
        OFString v;
        if (element->getOFString(v, i).good())
            values << QString::fromLatin1(v.c_str());
    }
    QString text = values.join(u'\\');
    if (vm > kMaxValues)
        text += QStringLiteral("\\… (%1 values)").arg(vm);
    return text;
}

void dumpItem(DcmItem *item, const QByteArray &inherited, int depth, int parent,
              QList<TagEntry> &out)
{
    const QByteArray charset = characterSetOf(item, inherited);
    for (unsigned long i = 0; i < item->card(); ++i) {
        DcmElement *element = item->getElement(i);
        if (!element)
            continue;
        DcmTag tag = element->getTag();
        TagEntry e;
        e.group = tag.getGTag();
        e.element = tag.getETag();
        e.vr = QString::fromLatin1(DcmVR(element->getVR()).getVRName());
        const char *name = tag.getTagName();
        e.keyword = name ? QString::fromLatin1(name) : QString();
        e.depth = depth;
        e.parent = parent;
        if (element->ident() == EVR_SQ) {
            auto *sequence = static_cast<DcmSequenceOfItems *>(element);
            e.kind = TagEntry::Kind::Sequence;
            e.value = QStringLiteral("(%1 item(s))").arg(sequence->card());
            const int sequenceRow = int(out.size());
            out.append(e);
            for (unsigned long n = 0; n < sequence->card(); ++n) {
                TagEntry itemRow;
                itemRow.kind = TagEntry::Kind::Item;
                itemRow.group = 0xFFFE;
                itemRow.element = 0xE000;
                itemRow.depth = depth + 1;
                itemRow.parent = sequenceRow;
                itemRow.item = int(n);
                const int itemIndex = int(out.size());
                out.append(itemRow);
                dumpItem(sequence->getItem(n), charset, depth + 2, itemIndex, out);
            }
            continue;
        }
        e.value = valueOf(element, charset);
        out.append(e);
    }
}

Result<QList<TagEntry>> dump(DcmFileFormat &file)
{
    QList<TagEntry> out;
    if (DcmMetaInfo *meta = file.getMetaInfo())
        dumpItem(meta, {}, 0, -1, out);
    DcmDataset *dataset = file.getDataset();
    if (!dataset || dataset->card() == 0)
        return Error{QStringLiteral("not a DICOM file")};
    dumpItem(dataset, {}, 0, -1, out);
    return out;
}

bool hasSignature(const QByteArray &head)
{
    if (head.size() >= 132 && head.mid(128, 4) == "DICM")
        return true;
    if (head.size() < 8)
        return false;
    const auto b0 = uchar(head[0]);
    const auto b1 = uchar(head[1]);
    return ((b0 == 0x02 || b0 == 0x08) && b1 == 0x00) || ((b1 == 0x02 || b1 == 0x08) && b0 == 0x00);
}

} // namespace

QString TagEntry::tagText() const
{
    return QStringLiteral("(%1,%2)")
        .arg(group, 4, 16, QLatin1Char('0'))
        .arg(element, 4, 16, QLatin1Char('0'))
        .toUpper();
}

Result<QList<TagEntry>> dumpTags(const QString &path)
{
    ensureCodecsRegistered();
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(path, probe.errorString())};
    if (!hasSignature(probe.read(132)))
        return Error{QStringLiteral("%1: not a DICOM file").arg(path)};
    probe.close();
    DcmFileFormat file;
    // Large values (pixel data) stay on disk: a listing only needs their length. A file cut
    // short still lists what was read.
    const QByteArray name = QFile::encodeName(path);
    const OFCondition status = file.loadFile(OFFilename(name.constData()), EXS_Unknown,
                                             EGL_noChange, 4096);
    auto result = dump(file);
    if (!result && status.bad())
        return Error{QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(status.text()))};
    return result;
}

Result<QList<TagEntry>> dumpTags(const QByteArray &bytes)
{
    ensureCodecsRegistered();
    if (!hasSignature(bytes.left(132)))
        return Error{QStringLiteral("not a DICOM file")};
    DcmFileFormat file;
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.constData(), offile_off_t(bytes.size()));
    stream.setEos();
    file.transferInit();
    const OFCondition status = file.read(stream, EXS_Unknown, EGL_noChange);
    file.transferEnd();
    auto result = dump(file);
    if (!result && status.bad())
        return Error{QString::fromLocal8Bit(status.text())};
    return result;
}

Result<QList<TagEntry>> dumpTags(const DicomFile &file)
{
    DicomFile::Private &parsed = privateOf(file);
    const std::lock_guard lock(parsed.mutex);
    return dump(parsed.file);
}

} // namespace Dicom
