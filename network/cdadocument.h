#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

/// One block of a CDA section's narrative (section/text): a paragraph, a list or a table.
/// Inline markup (content, sub, sup, linkHtml, footnote…) is reduced to its text; <br/> is a
/// line break inside the block.
struct CdaBlock
{
    enum class Type { Paragraph, List, Table };

    Type type = Type::Paragraph;
    QString text;                ///< Paragraph
    QStringList items;           ///< List
    bool ordered = false;        ///< List: listType="ordered"
    QList<QStringList> rows;     ///< Table: cells by row (th and td alike)
    int headerRows = 0;          ///< Table: leading rows that came from thead or were all th
    QString caption;             ///< List and Table: their caption, if any
};

/// One section of the structured body, flattened in document order. Nested sections
/// (section/component/section) follow their parent with a deeper level.
struct CdaSection
{
    QString title;    ///< section/title, or the code's displayName when there is no title
    QString code;     ///< section/code/@code (LOINC for the common section kinds)
    int level = 1;    ///< 1 for the body's sections, 2 for their subsections …
    QList<CdaBlock> blocks;
};

/// A CDA R2 document (HL7 ClinicalDocument, e.g. a 退院時サマリー) read for people: the header
/// facts a reader needs and the narrative of each section. No widget code: the viewer renders
/// it. Unknown elements are skipped; only XML that is not well-formed, or a root element other
/// than ClinicalDocument, is an error.
struct CdaDocument
{
    QString title;              ///< ClinicalDocument/title, else code/@displayName
    QString typeCode;           ///< ClinicalDocument/code/@code (LOINC 18842-5 …)
    QString typeDisplay;        ///< ClinicalDocument/code/@displayName
    QDateTime effectiveTime;    ///< when the document was made, in its own UTC offset
    QString patientName;        ///< "family given" as written
    QString patientId;          ///< recordTarget/patientRole/id/@extension
    QString patientGender;      ///< administrativeGenderCode/@code (M, F, UN)
    QDate patientBirthDate;
    QString authorName;         ///< assignedPerson/name
    QString authorOrganization; ///< representedOrganization/name
    QDateTime authorTime;
    QString custodian;          ///< representedCustodianOrganization/name
    QDateTime encounterStart;   ///< componentOf/encompassingEncounter/effectiveTime/low
    QDateTime encounterEnd;     ///< … /high
    QList<CdaSection> sections;
    /// A nonXMLBody's text (a CDA wrapping a plain text); empty otherwise.
    QString nonXmlText;

    /// Why the bytes could not be read (not well-formed, not CDA); empty when they could.
    QString error;
    bool isValid() const { return error.isEmpty(); }

    /// The whole document as plain text (title, header lines, headings and paragraphs), for
    /// copying and for tests.
    QString plainText() const;
};

Q_DECLARE_METATYPE(CdaDocument)

/// Reads CDA R2 XML (any encoding the XML declaration names). Never throws; see
/// CdaDocument::error for failures.
CdaDocument parseCdaDocument(const QByteArray &xml);

/// Reads an HL7 v3 TS value ("20241204", "202412041300", "20241204130000+0900",
/// "20241204130000.123+0900"); invalid when malformed. Without a zone the time is local.
QDateTime parseHl7Timestamp(const QString &value, bool *hasTime = nullptr);
