#include "demodocuments.h"

#include <QXmlStreamWriter>

namespace DemoDocuments {

namespace {

const QString kLoinc = QStringLiteral("2.16.840.1.113883.6.1");

QString ts(const QDateTime &time)
{
    return time.toString(QStringLiteral("yyyyMMddHHmmss")) + QStringLiteral("+0900");
}

void code(QXmlStreamWriter &xml, const QString &value, const QString &display)
{
    xml.writeEmptyElement(QStringLiteral("code"));
    xml.writeAttribute(QStringLiteral("code"), value);
    xml.writeAttribute(QStringLiteral("codeSystem"), kLoinc);
    xml.writeAttribute(QStringLiteral("codeSystemName"), QStringLiteral("LOINC"));
    xml.writeAttribute(QStringLiteral("displayName"), display);
}

void name(QXmlStreamWriter &xml, const QString &family, const QString &given)
{
    xml.writeStartElement(QStringLiteral("name"));
    xml.writeTextElement(QStringLiteral("family"), family);
    xml.writeTextElement(QStringLiteral("given"), given);
    xml.writeEndElement();
}

void section(QXmlStreamWriter &xml, const QString &loinc, const QString &title, const QString &text)
{
    xml.writeStartElement(QStringLiteral("component"));
    xml.writeStartElement(QStringLiteral("section"));
    if (!loinc.isEmpty())
        code(xml, loinc, title);
    xml.writeTextElement(QStringLiteral("title"), title);
    xml.writeTextElement(QStringLiteral("text"), text);
    xml.writeEndElement();
    xml.writeEndElement();
}

} // namespace

QByteArray dischargeSummaryCda(const DischargeSummary &s)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("urn:hl7-org:v3"));
    xml.writeStartElement(QStringLiteral("ClinicalDocument"));
    xml.writeEmptyElement(QStringLiteral("realmCode"));
    xml.writeAttribute(QStringLiteral("code"), QStringLiteral("JP"));
    xml.writeEmptyElement(QStringLiteral("typeId"));
    xml.writeAttribute(QStringLiteral("root"), QStringLiteral("2.16.840.1.113883.1.3"));
    xml.writeAttribute(QStringLiteral("extension"), QStringLiteral("POCD_HD000040"));
    xml.writeEmptyElement(QStringLiteral("id"));
    xml.writeAttribute(QStringLiteral("root"), QStringLiteral("urn:renkei:demo:%1:document").arg(s.facility));
    xml.writeAttribute(QStringLiteral("extension"), s.localId + QLatin1Char('-') + s.discharged.toString(QStringLiteral("yyyyMMdd")));
    code(xml, QStringLiteral("18842-5"), QStringLiteral("退院時サマリー"));
    xml.writeTextElement(QStringLiteral("title"), QStringLiteral("退院時サマリー"));
    xml.writeEmptyElement(QStringLiteral("effectiveTime"));
    xml.writeAttribute(QStringLiteral("value"), ts(s.written));
    xml.writeEmptyElement(QStringLiteral("confidentialityCode"));
    xml.writeAttribute(QStringLiteral("code"), QStringLiteral("N"));
    xml.writeAttribute(QStringLiteral("codeSystem"), QStringLiteral("2.16.840.1.113883.5.25"));
    xml.writeEmptyElement(QStringLiteral("languageCode"));
    xml.writeAttribute(QStringLiteral("code"), QStringLiteral("ja-JP"));

    xml.writeStartElement(QStringLiteral("recordTarget"));
    xml.writeStartElement(QStringLiteral("patientRole"));
    xml.writeEmptyElement(QStringLiteral("id"));
    xml.writeAttribute(QStringLiteral("root"), QStringLiteral("urn:renkei:demo:%1:patient-id").arg(s.facility));
    xml.writeAttribute(QStringLiteral("extension"), s.localId);
    xml.writeStartElement(QStringLiteral("patient"));
    name(xml, s.familyName, s.givenName);
    xml.writeEmptyElement(QStringLiteral("administrativeGenderCode"));
    xml.writeAttribute(QStringLiteral("code"), s.gender == QLatin1String("male") ? QStringLiteral("M")
                                               : s.gender == QLatin1String("female") ? QStringLiteral("F")
                                                                                     : QStringLiteral("UN"));
    xml.writeAttribute(QStringLiteral("codeSystem"), QStringLiteral("2.16.840.1.113883.5.1"));
    xml.writeEmptyElement(QStringLiteral("birthTime"));
    xml.writeAttribute(QStringLiteral("value"), QString(s.birthDate).remove(QLatin1Char('-')));
    xml.writeEndElement(); // patient
    xml.writeEndElement(); // patientRole
    xml.writeEndElement(); // recordTarget

    xml.writeStartElement(QStringLiteral("author"));
    xml.writeEmptyElement(QStringLiteral("time"));
    xml.writeAttribute(QStringLiteral("value"), ts(s.written));
    xml.writeStartElement(QStringLiteral("assignedAuthor"));
    xml.writeEmptyElement(QStringLiteral("id"));
    xml.writeAttribute(QStringLiteral("nullFlavor"), QStringLiteral("UNK"));
    xml.writeStartElement(QStringLiteral("assignedPerson"));
    name(xml, s.doctorFamily, s.doctorGiven);
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("representedOrganization"));
    xml.writeTextElement(QStringLiteral("name"), s.facilityName);
    xml.writeEndElement();
    xml.writeEndElement(); // assignedAuthor
    xml.writeEndElement(); // author

    xml.writeStartElement(QStringLiteral("custodian"));
    xml.writeStartElement(QStringLiteral("assignedCustodian"));
    xml.writeStartElement(QStringLiteral("representedCustodianOrganization"));
    xml.writeEmptyElement(QStringLiteral("id"));
    xml.writeAttribute(QStringLiteral("root"), QStringLiteral("urn:renkei:facility"));
    xml.writeAttribute(QStringLiteral("extension"), s.facility);
    xml.writeTextElement(QStringLiteral("name"), s.facilityName);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement(); // custodian

    xml.writeStartElement(QStringLiteral("componentOf"));
    xml.writeStartElement(QStringLiteral("encompassingEncounter"));
    xml.writeStartElement(QStringLiteral("effectiveTime"));
    xml.writeEmptyElement(QStringLiteral("low"));
    xml.writeAttribute(QStringLiteral("value"), ts(s.admitted));
    xml.writeEmptyElement(QStringLiteral("high"));
    xml.writeAttribute(QStringLiteral("value"), ts(s.discharged));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement(); // componentOf

    const qint64 days = s.admitted.date().daysTo(s.discharged.date());
    xml.writeStartElement(QStringLiteral("component"));
    xml.writeStartElement(QStringLiteral("structuredBody"));
    section(xml, QStringLiteral("46241-6"), QString::fromUtf8(kSections[0]), QString::fromUtf8(kDiagnosisText));
    section(xml, QStringLiteral("8648-8"), QString::fromUtf8(kSections[1]),
            QStringLiteral("発熱と咳嗽で%1に入院。セフトリアキソン点滴（３日間）と補液で解熱し、炎症所見は改善した。"
                           "入院期間%2日。")
                .arg(s.admitted.date().toString(QStringLiteral("yyyy年M月d日"))).arg(days));
    section(xml, QStringLiteral("10183-2"), QString::fromUtf8(kSections[2]), QString::fromUtf8(kMedicationText));
    section(xml, QString(), QString::fromUtf8(kSections[3]), QString::fromUtf8(kConditionText));
    xml.writeEndElement(); // structuredBody
    xml.writeEndElement(); // component
    xml.writeEndElement(); // ClinicalDocument
    xml.writeEndDocument();
    return bytes;
}

} // namespace DemoDocuments
