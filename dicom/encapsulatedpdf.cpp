#include "encapsulatedpdf.h"

#include "datasettext_p.h"
#include "dicomfile_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcsequen.h>

namespace Dicom {
namespace {

const char *const kEncapsulatedPdfStorage = "1.2.840.10008.5.1.4.1.1.104.1";

// A PDF ends with "%%EOF" and optionally an end-of-line (ISO 32000-1 7.5.5).
bool endsWithPdfEof(const QByteArray &bytes)
{
    QByteArray tail = bytes.right(8);
    while (tail.endsWith('\n') || tail.endsWith('\r'))
        tail.chop(1);
    return tail.endsWith("%%EOF");
}

} // namespace

Result<EncapsulatedDocument> readEncapsulatedDocument(const DicomFile &file)
{
    DicomFile::Private &d = privateOf(file);
    std::lock_guard lock(d.mutex);
    DcmDataset *dataset = d.dataset();
    const QByteArray charset = characterSetOf(dataset, {});

    EncapsulatedDocument document;
    document.sopClassUid = itemText(dataset, DCM_SOPClassUID, charset).trimmed();
    document.mimeType = itemText(dataset, DCM_MIMETypeOfEncapsulatedDocument, charset).trimmed();
    document.title = itemText(dataset, DCM_DocumentTitle, charset).trimmed();
    if (document.title.isEmpty()) {
        DcmItem *conceptName = nullptr;
        if (dataset->findAndGetSequenceItem(DCM_ConceptNameCodeSequence, conceptName, 0).good()
            && conceptName)
            document.title = itemText(conceptName, DCM_CodeMeaning, characterSetOf(conceptName, charset))
                                 .trimmed();
    }

    DcmElement *element = nullptr;
    if (dataset->findAndGetElement(DCM_EncapsulatedDocument, element).bad() || !element)
        return Error{QStringLiteral("no Encapsulated Document (0042,0011): not an encapsulated "
                                    "document object")};
    const Uint32 length = element->getLength();
    Uint8 *data = nullptr;
    if (length > 0 && (element->getUint8Array(data).bad() || !data))
        return Error{QStringLiteral("unreadable Encapsulated Document (0042,0011)")};
    document.bytes = QByteArray(reinterpret_cast<const char *>(data), qsizetype(length));

    // (0042,0015) gives the length before padding (PS3.3 C.24.2.1, added in 2019); older
    // writers leave it out, and then only the shape of a PDF tells a pad byte from content.
    Uint32 declared = 0;
    if (dataset->findAndGetUint32(DCM_EncapsulatedDocumentLength, declared).good()
        && declared <= length && length - declared <= 1) {
        document.bytes.truncate(qsizetype(declared));
    } else if ((document.isPdf() || document.sopClassUid == QLatin1String(kEncapsulatedPdfStorage))
               && document.bytes.endsWith('\0')) {
        const QByteArray unpadded = document.bytes.chopped(1);
        if (endsWithPdfEof(unpadded))
            document.bytes = unpadded;
    }
    if (document.mimeType.isEmpty() && document.bytes.startsWith("%PDF-"))
        document.mimeType = QStringLiteral("application/pdf");
    return document;
}

bool isEncapsulatedPdf(const DicomFile &file)
{
    DicomFile::Private &d = privateOf(file);
    std::lock_guard lock(d.mutex);
    DcmDataset *dataset = d.dataset();
    OFString sopClass;
    OFString mime;
    dataset->findAndGetOFString(DCM_SOPClassUID, sopClass);
    dataset->findAndGetOFString(DCM_MIMETypeOfEncapsulatedDocument, mime);
    return sopClass == kEncapsulatedPdfStorage
        || (dataset->tagExists(DCM_EncapsulatedDocument)
            && QString::fromLatin1(mime.c_str()).trimmed().compare(u"application/pdf",
                                                                    Qt::CaseInsensitive) == 0);
}

} // namespace Dicom
