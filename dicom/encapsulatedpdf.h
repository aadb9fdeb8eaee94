#pragma once

#include "dicomfile.h"
#include "result.h"

#include <QByteArray>
#include <QString>

namespace Dicom {

/// The document inside an Encapsulated Document object (PDF, CDA, STL …), PS3.3 C.24.2.
struct EncapsulatedDocument
{
    QByteArray bytes;   ///< the document exactly as it was before encapsulation
    QString title;      ///< Document Title (0042,0010), else the Concept Name's meaning
    QString mimeType;   ///< MIME Type of Encapsulated Document (0042,0012), e.g. "application/pdf"
    QString sopClassUid;

    bool isPdf() const { return mimeType.compare(u"application/pdf", Qt::CaseInsensitive) == 0; }
};

/// Extracts the Encapsulated Document (0042,0011) of @p file. DICOM pads odd-length values
/// with one NUL byte: it is removed when Encapsulated Document Length (0042,0015) says so, or,
/// for a PDF without that attribute, when the document ends "%%EOF" + NUL. An object without
/// an encapsulated document is an error.
Result<EncapsulatedDocument> readEncapsulatedDocument(const DicomFile &file);

/// True for the Encapsulated PDF Storage SOP Class or a PDF MIME type in @p file.
bool isEncapsulatedPdf(const DicomFile &file);

} // namespace Dicom
