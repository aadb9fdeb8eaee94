#include "dicomdir.h"

#include "datasettext_p.h"
#include "dicomfile.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdirrec.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace Dicom {
namespace {

QString recordText(DcmItem *record, const DcmTagKey &key)
{
    return itemText(record, key, characterSetOf(record, {})).trimmed();
}

QString recordTypeName(DcmItem *record)
{
    OFString type;
    record->findAndGetOFString(DCM_DirectoryRecordType, type);
    return QString::fromLatin1(type.c_str()).trimmed();
}

// The records linked as PS3.3 F.3.2.1 lays them out: each record names the byte offset of
// its next sibling and of its first child. DCMTK keeps each record's own offset as read.
struct Walk
{
    QString folder;
    DicomDir *result = nullptr;
    QHash<Uint32, DcmItem *> byOffset;
    QSet<DcmItem *> visited;
};

Uint32 offsetOf(DcmItem *record, const DcmTagKey &key)
{
    Uint32 value = 0;
    record->findAndGetUint32(key, value);
    return value;
}

void visit(DcmItem *record, DicomDirEntry context, Walk &w, int depth);

// A sibling chain; a damaged file with a cycle or absurd depth stops instead of looping.
void walkChain(Uint32 offset, const DicomDirEntry &context, Walk &w, int depth)
{
    while (offset != 0 && depth <= 16) {
        DcmItem *record = w.byOffset.value(offset);
        if (!record || w.visited.contains(record))
            return;
        visit(record, context, w, depth);
        offset = offsetOf(record, DCM_OffsetOfTheNextDirectoryRecord);
    }
}

void visit(DcmItem *record, DicomDirEntry context, Walk &w, int depth)
{
    w.visited.insert(record);
    // Inactive records (Record In-use Flag 0000H, retired but still written) are deleted ones.
    Uint16 inUse = 0xFFFF;
    if (record->findAndGetUint16(DCM_RecordInUseFlag, inUse).good() && inUse == 0)
        return;
    const QString type = recordTypeName(record);
    if (type == u"PATIENT") {
        ++w.result->patientCount;
        context.patientId = recordText(record, DCM_PatientID);
        context.patientName = recordText(record, DCM_PatientName);
    } else if (type == u"STUDY") {
        ++w.result->studyCount;
        context.studyInstanceUid = recordText(record, DCM_StudyInstanceUID);
        context.studyDate = recordText(record, DCM_StudyDate);
        context.studyDescription = recordText(record, DCM_StudyDescription);
    } else if (type == u"SERIES") {
        ++w.result->seriesCount;
        context.seriesInstanceUid = recordText(record, DCM_SeriesInstanceUID);
        context.modality = recordText(record, DCM_Modality);
        context.seriesNumber = recordText(record, DCM_SeriesNumber);
    }
    OFString fileId;
    if (record->findAndGetOFStringArray(DCM_ReferencedFileID, fileId).good() && !fileId.empty()) {
        DicomDirEntry entry = context;
        entry.recordType = type;
        const QString joined = QString::fromLatin1(fileId.c_str()).trimmed();
        for (const QString &part : joined.split(u'\\', Qt::SkipEmptyParts))
            entry.fileId.append(part.trimmed());
        entry.path = resolveFileId(w.folder, entry.fileId);
        entry.sopInstanceUid = recordText(record, DCM_ReferencedSOPInstanceUIDInFile);
        w.result->entries.append(entry);
    }
    walkChain(offsetOf(record, DCM_OffsetOfReferencedLowerLevelDirectoryEntity), context, w,
              depth + 1);
}

// "IM1;1" on an ISO 9660 disc mounted without Rock Ridge/Joliet is the file IM1.
QString withoutVersion(const QString &name)
{
    const qsizetype semicolon = name.lastIndexOf(u';');
    return semicolon > 0 ? name.left(semicolon) : name;
}

} // namespace

QStringList DicomDir::files() const
{
    QStringList paths;
    for (const DicomDirEntry &entry : entries) {
        if (!entry.path.isEmpty() && !paths.contains(entry.path))
            paths.append(entry.path);
    }
    return paths;
}

QStringList DicomDir::missingFiles() const
{
    QStringList missing;
    for (const DicomDirEntry &entry : entries) {
        if (entry.path.isEmpty())
            missing.append(entry.fileId.join(u'/'));
    }
    return missing;
}

bool isDicomDirName(const QString &path)
{
    return withoutVersion(QFileInfo(path).fileName()).compare(u"DICOMDIR", Qt::CaseInsensitive) == 0;
}

QString resolveFileId(const QString &folder, const QStringList &components)
{
    if (components.isEmpty())
        return {};
    QDir dir(folder);
    for (qsizetype i = 0; i < components.size(); ++i) {
        const QString &component = components[i];
        if (component.isEmpty() || component == u"." || component == u".."
            || component.contains(u'/') || QDir::isAbsolutePath(component))
            return {};
        const bool last = i == components.size() - 1;
        QString found;
        if (last ? QFileInfo(dir.filePath(component)).isFile()
                 : QFileInfo(dir.filePath(component)).isDir()) {
            found = component;
        } else {
            const QStringList names =
                dir.entryList((last ? QDir::Files : QDir::Dirs) | QDir::NoDotAndDotDot | QDir::Hidden,
                              QDir::Name);
            for (const QString &name : names) {
                if (withoutVersion(name).compare(component, Qt::CaseInsensitive) == 0) {
                    found = name;
                    break;
                }
            }
        }
        if (found.isEmpty())
            return {};
        if (last)
            return QDir::cleanPath(dir.filePath(found));
        if (!dir.cd(found))
            return {};
    }
    return {};
}

Result<DicomDir> readDicomDir(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return Error{QStringLiteral("%1: no such file").arg(path)};
    if (!info.isReadable())
        return Error{QStringLiteral("%1: not readable").arg(path)};
    if (!DicomFile::hasDicomSignature(path))
        return Error{QStringLiteral("%1: not a DICOM file").arg(path)};
    // A plain read, not DcmDicomDir: that class writes the file back when it "repairs" it,
    // and a viewer never writes to a patient's disc.
    DcmFileFormat file;
    const QByteArray name = QFile::encodeName(path);
    const OFCondition status = file.loadFile(OFFilename(name.constData()));
    if (status.bad())
        return Error{QStringLiteral("%1: not a readable DICOMDIR: %2")
                         .arg(path, QString::fromLocal8Bit(status.text()))};
    DcmDataset *dataset = file.getDataset();
    DcmSequenceOfItems *records = nullptr;
    if (!dataset || dataset->findAndGetSequence(DCM_DirectoryRecordSequence, records).bad()
        || !records)
        return Error{QStringLiteral("%1: not a DICOMDIR (no Directory Record Sequence)").arg(path)};

    DicomDir result;
    result.path = info.absoluteFilePath();
    Walk w{info.absolutePath(), &result, {}, {}};
    for (unsigned long i = 0; i < records->card(); ++i) {
        auto *record = dynamic_cast<DcmDirectoryRecord *>(records->getItem(i));
        if (record)
            w.byOffset.insert(record->getFileOffset(), record);
    }
    walkChain(offsetOf(dataset, DCM_OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity), {},
              w, 0);
    if (w.visited.isEmpty()) {
        // Offsets that lead nowhere (some writers get them wrong): the records in file order,
        // which every writer we know of puts depth first, patient → study → series → file.
        DicomDirEntry context;
        for (unsigned long i = 0; i < records->card(); ++i) {
            DcmItem *record = records->getItem(i);
            if (w.visited.contains(record))
                continue;
            const QString type = recordTypeName(record);
            if (type == u"PATIENT")
                context = {};
            else if (type == u"STUDY")
                context.studyInstanceUid.clear();
            visit(record, context, w, 0);
            // Carry what this record set down to the records after it.
            if (type == u"PATIENT") {
                context.patientId = recordText(record, DCM_PatientID);
                context.patientName = recordText(record, DCM_PatientName);
            } else if (type == u"STUDY") {
                context.studyInstanceUid = recordText(record, DCM_StudyInstanceUID);
                context.studyDate = recordText(record, DCM_StudyDate);
                context.studyDescription = recordText(record, DCM_StudyDescription);
            } else if (type == u"SERIES") {
                context.seriesInstanceUid = recordText(record, DCM_SeriesInstanceUID);
                context.modality = recordText(record, DCM_Modality);
                context.seriesNumber = recordText(record, DCM_SeriesNumber);
            }
        }
    }
    if (result.entries.isEmpty())
        return Error{QStringLiteral("%1: the DICOMDIR lists no files").arg(path)};
    return result;
}

} // namespace Dicom
