// Walks the Content Sequence of an SR document (PS3.3 C.17.3) ourselves rather than through
// DCMTK's dcmsr: dcmsr refuses documents that break its IOD rules, and a viewer must still
// show what a slightly non-conformant report says. Text goes through our own charset decoding
// (dcmsr would use DCMTK's iconv path, which cannot convert ISO 2022 IR 87 on Debian).

#include "structuredreport.h"

#include "datasettext_p.h"
#include "dicomfile_p.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <QStringList>

namespace Dicom {
namespace {

// Deeper trees than this are not reports but hostile input; stop before the stack suffers.
constexpr int kMaxDepth = 64;

DcmItem *firstItem(DcmItem *item, const DcmTagKey &sequenceTag)
{
    DcmSequenceOfItems *sequence = nullptr;
    if (item->findAndGetSequence(sequenceTag, sequence).bad() || !sequence || sequence->card() == 0)
        return nullptr;
    return sequence->getItem(0);
}

struct Code
{
    QString value;
    QString scheme;
    QString meaning;
};

Code readCode(DcmItem *item, const DcmTagKey &sequenceTag, const QByteArray &charset)
{
    DcmItem *codeItem = firstItem(item, sequenceTag);
    if (!codeItem)
        return {};
    const QByteArray set = characterSetOf(codeItem, charset);
    Code code{itemText(codeItem, DCM_CodeValue, set),
              itemText(codeItem, DCM_CodingSchemeDesignator, set),
              itemText(codeItem, DCM_CodeMeaning, set)};
    // Long Code Value / URN Code Value (PS3.3 8.8) when the short one is absent.
    if (code.value.isEmpty())
        code.value = itemText(codeItem, DCM_LongCodeValue, set);
    if (code.value.isEmpty())
        code.value = itemText(codeItem, DCM_URNCodeValue, set);
    return code;
}

QString formatDate(const QString &da)
{
    if (da.size() == 8)
        return QStringLiteral("%1-%2-%3").arg(da.left(4), da.mid(4, 2), da.mid(6, 2));
    return da;
}

QString formatTime(const QString &tm)
{
    if (tm.size() >= 6 && !tm.contains(u':'))
        return QStringLiteral("%1:%2:%3").arg(tm.left(2), tm.mid(2, 2), tm.mid(4));
    return tm;
}

void readNumeric(DcmItem *item, const QByteArray &charset, SrContentItem &out)
{
    DcmItem *measured = firstItem(item, DCM_MeasuredValueSequence);
    if (!measured) {
        // An empty NUM: the Numeric Value Qualifier says why (e.g. "Not a number").
        out.value = readCode(item, DCM_NumericValueQualifierCodeSequence, charset).meaning;
        return;
    }
    const QByteArray set = characterSetOf(measured, charset);
    out.value = itemText(measured, DCM_NumericValue, set);
    const Code unit = readCode(measured, DCM_MeasurementUnitsCodeSequence, set);
    // UCUM code values ("mm", "mg/dL") are what a reader expects; other schemes by meaning.
    out.units = unit.scheme == u"UCUM" && !unit.value.isEmpty() ? unit.value : unit.meaning;
    if (out.units == u"1") // UCUM's "no units"
        out.units.clear();
}

QString referencedObjects(DcmItem *item, const QByteArray &charset)
{
    DcmSequenceOfItems *sequence = nullptr;
    if (item->findAndGetSequence(DCM_ReferencedSOPSequence, sequence).bad() || !sequence)
        return {};
    QStringList refs;
    for (unsigned long i = 0; i < sequence->card(); ++i) {
        DcmItem *ref = sequence->getItem(i);
        const QByteArray set = characterSetOf(ref, charset);
        QString text = itemText(ref, DCM_ReferencedSOPInstanceUID, set);
        const QString frames = itemText(ref, DCM_ReferencedFrameNumber, set);
        if (!frames.isEmpty())
            text += QStringLiteral(" frame %1").arg(frames);
        refs << text;
    }
    return refs.join(QStringLiteral(", "));
}

QString graphicData(DcmItem *item, const QByteArray &charset)
{
    const QString type = itemText(item, DCM_GraphicType, charset);
    QString data = itemText(item, DCM_GraphicData, charset);
    data.replace(u'\\', QStringLiteral(", "));
    return QStringLiteral("%1 (%2)").arg(type, data);
}

QString valueOf(DcmItem *item, const QString &valueType, const QByteArray &charset)
{
    if (valueType == u"TEXT")
        return itemText(item, DCM_TextValue, charset);
    if (valueType == u"CODE")
        return readCode(item, DCM_ConceptCodeSequence, charset).meaning;
    if (valueType == u"PNAME")
        return itemText(item, DCM_PersonName, charset);
    if (valueType == u"DATE")
        return formatDate(itemText(item, DCM_Date, charset));
    if (valueType == u"TIME")
        return formatTime(itemText(item, DCM_Time, charset));
    if (valueType == u"DATETIME")
        return itemText(item, DCM_DateTime, charset);
    if (valueType == u"UIDREF")
        return itemText(item, DCM_UID, charset);
    if (valueType == u"IMAGE" || valueType == u"COMPOSITE" || valueType == u"WAVEFORM")
        return referencedObjects(item, charset);
    if (valueType == u"SCOORD" || valueType == u"SCOORD3D")
        return graphicData(item, charset);
    if (valueType == u"TCOORD")
        return itemText(item, DCM_TemporalRangeType, charset);
    return {};
}

SrContentItem readItem(DcmItem *item, const QByteArray &inherited, int depth)
{
    const QByteArray charset = characterSetOf(item, inherited);
    SrContentItem node;
    node.relationship = itemText(item, DCM_RelationshipType, charset);
    const QString byReference = itemText(item, DCM_ReferencedContentItemIdentifier, charset);
    if (!byReference.isEmpty()) {
        node.value = QStringLiteral("(see content item %1)")
                         .arg(QString(byReference).replace(u'\\', u'.'));
        return node;
    }
    node.valueType = itemText(item, DCM_ValueType, charset);
    const Code name = readCode(item, DCM_ConceptNameCodeSequence, charset);
    node.conceptName = name.meaning;
    if (!name.value.isEmpty())
        node.conceptCode = QStringLiteral("%1,%2").arg(name.value, name.scheme);
    if (node.valueType == u"NUM")
        readNumeric(item, charset, node);
    else
        node.value = valueOf(item, node.valueType, charset);

    DcmSequenceOfItems *content = nullptr;
    if (item->findAndGetSequence(DCM_ContentSequence, content).good() && content) {
        if (depth >= kMaxDepth) {
            node.children.append(SrContentItem{{}, {}, {}, {}, QStringLiteral("…"), {}, {}});
            return node;
        }
        for (unsigned long i = 0; i < content->card(); ++i)
            node.children.append(readItem(content->getItem(i), charset, depth + 1));
    }
    return node;
}

void appendText(const SrContentItem &node, int depth, QString &out)
{
    QString line(depth * 2, u' ');
    line += node.conceptName;
    QString value = node.value;
    if (!node.units.isEmpty())
        value += u' ' + node.units;
    if (!value.isEmpty()) {
        if (!node.conceptName.isEmpty())
            line += QStringLiteral(": ");
        // Multi-line TEXT values stay under their item.
        value.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        value.replace(u'\n', u'\n' + QString(depth * 2 + 2, u' '));
        line += value;
    }
    out += line + u'\n';
    for (const SrContentItem &child : node.children)
        appendText(child, depth + 1, out);
}

} // namespace

Result<StructuredReport> readStructuredReport(const DicomFile &file)
{
    const QByteArray charset = file.specificCharacterSet();
    DicomFile::Private &d = privateOf(file);
    std::lock_guard lock(d.mutex);
    DcmDataset *dataset = d.dataset();
    if (itemText(dataset, DCM_ValueType, charset) != u"CONTAINER"
        || !dataset->tagExists(DCM_ContentSequence))
        return Error{QStringLiteral("not a Structured Report (no content tree)")};
    StructuredReport report;
    report.root = readItem(dataset, charset, 0);
    report.completionFlag = itemText(dataset, DCM_CompletionFlag, charset);
    report.verificationFlag = itemText(dataset, DCM_VerificationFlag, charset);
    return report;
}

QString structuredReportText(const StructuredReport &report)
{
    QString out;
    appendText(report.root, 0, out);
    return out;
}

} // namespace Dicom
