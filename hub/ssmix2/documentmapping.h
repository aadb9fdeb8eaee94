#pragma once

#include "../result.h"
#include "fhirmapping.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Ssmix2 {

/// One extended-storage (拡張ストレージ) document as found in the storage.
struct DocumentSource
{
    QByteArray bytes;  ///< the file's original content, kept as it is
    QString fileName;  ///< e.g. discharge-summary.xml; its extension says the format
    QString folder;    ///< the document-type folder, e.g. 18842-5
    QString careDate;  ///< YYYYMMDD or "-"
};

/// Maps a document to a DocumentReference (context.idPrefix-1) and the Binary holding its
/// bytes (context.idPrefix-2), shaped for FHIR R4. Metadata is read where it is cheap: a CDA's
/// title, code, effectiveTime and author organization; otherwise the file name and care date.
/// The type is LOINC when the folder (or the CDA's code) says which kind of document it is:
/// 18842-5 discharge summary (disclosure kind `summaries`), 57133-1 referral note,
/// 11506-3 progress note; anything else keeps the folder name as text (`physician-records`).
/// Fails when the content is not what its extension claims (no `%PDF-` header, XML that does
/// not parse or is not a CDA ClinicalDocument) or the file is empty.
Result<QList<MappedResource>> mapDocument(const DocumentSource &source, const MappingContext &context);

} // namespace Ssmix2
