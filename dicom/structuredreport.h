#pragma once

#include "dicomfile.h"
#include "result.h"

#include <QList>
#include <QString>

namespace Dicom {

/// One node of an SR content tree (PS3.3 C.17.3), its text already decoded to Unicode with
/// the Specific Character Set in effect for its item.
struct SrContentItem
{
    QString relationship; ///< Relationship Type, e.g. "CONTAINS", "HAS OBS CONTEXT"; empty at the root
    QString valueType;    ///< Value Type, e.g. "CONTAINER", "TEXT", "NUM", "CODE", "PNAME"
    QString conceptName;  ///< Code Meaning of the Concept Name Code Sequence
    QString conceptCode;  ///< "CodeValue,CodingSchemeDesignator" of the concept name
    QString value;        ///< The value as text (TEXT, CODE meaning, number, date, UID, reference)
    QString units;        ///< NUM only: the unit (UCUM code value, else its code meaning)
    QList<SrContentItem> children;
};

/// A Structured Report document: the root container and the document's status flags.
struct StructuredReport
{
    SrContentItem root;
    QString completionFlag;   ///< (0040,A491) e.g. "COMPLETE", "PARTIAL"
    QString verificationFlag; ///< (0040,A493) e.g. "VERIFIED", "UNVERIFIED"
};

/// Reads the content tree of an SR document. An object that is not an SR (no Value Type
/// CONTAINER at the top) is an error; unknown value types are kept with an empty value.
Result<StructuredReport> readStructuredReport(const DicomFile &file);

/// The tree as indented UTF-8-ready text, one content item per line, two spaces per level:
/// "Concept name: value units"; containers show their name only. By-reference items show
/// "(see content item 1.2.3)".
QString structuredReportText(const StructuredReport &report);

} // namespace Dicom
