#include "recorddetails.h"

#include "fhirjson.h"
#include "networktr.h"
#include "timelinemodel.h"

#include <QHash>
#include <QJsonArray>
#include <QStringList>

using RenkeiNetworkPrivate::Tr;

namespace {

QString joinedTexts(const QJsonArray &items, const char *key)
{
    QStringList texts;
    for (const QJsonValue &item : items) {
        const QJsonValue value = item.toObject().value(QLatin1String(key));
        const QString display = value.toObject().value(QLatin1String("display")).toString();
        texts << (value.isString() ? value.toString()
                                   : display.isEmpty() ? FhirJson::conceptText(value) : display);
    }
    texts.removeAll(QString());
    return texts.join(QStringLiteral("、"));
}

QString codingsText(const QJsonValue &codeable)
{
    QStringList parts;
    const QJsonArray codings = codeable.toObject().value(QLatin1String("coding")).toArray();
    for (const QJsonValue &value : codings) {
        const QJsonObject coding = value.toObject();
        const QString code = coding.value(QLatin1String("code")).toString();
        if (code.isEmpty())
            continue;
        QString system = coding.value(QLatin1String("system")).toString();
        // Japanese code systems by their everyday names.
        static const QHash<QString, QString> names{
            {FhirJson::kJlac10System, QStringLiteral("JLAC10")},
            {QStringLiteral("urn:oid:1.2.392.200119.4.403.1"), QStringLiteral("HOT9")},
            {QStringLiteral("urn:oid:1.2.392.200119.4.101.6"), QStringLiteral("MEDIS")},
            {QStringLiteral("urn:oid:1.2.392.200250.2.2.20"), QStringLiteral("JAMI")},
        };
        if (names.contains(system))
            system = names.value(system);
        else if (system.endsWith(QLatin1String("icd-10")))
            system = QStringLiteral("ICD-10");
        else
            system = system.section(QLatin1Char(':'), -1).section(QLatin1Char('/'), -1);
        parts << QStringLiteral("%1 %2").arg(system, code);
    }
    return parts.join(QStringLiteral(" / "));
}

QString severityText(const QString &code)
{
    if (code == QLatin1String("mild"))
        return Tr::tr("Mild");
    if (code == QLatin1String("moderate"))
        return Tr::tr("Moderate");
    if (code == QLatin1String("severe"))
        return Tr::tr("Severe");
    return code;
}

/// The FHIR status codes the mapping writes, in words (unknown codes are shown as they are).
QString statusText(const QJsonValue &codeable)
{
    const QString code = FhirJson::conceptCode(codeable);
    static const QHash<QString, const char *> words{
        {QStringLiteral("active"), QT_TRANSLATE_NOOP("Renkei", "Active")},
        {QStringLiteral("inactive"), QT_TRANSLATE_NOOP("Renkei", "Inactive")},
        {QStringLiteral("resolved"), QT_TRANSLATE_NOOP("Renkei", "Resolved")},
        {QStringLiteral("remission"), QT_TRANSLATE_NOOP("Renkei", "In remission")},
        {QStringLiteral("confirmed"), QT_TRANSLATE_NOOP("Renkei", "Confirmed")},
        {QStringLiteral("unconfirmed"), QT_TRANSLATE_NOOP("Renkei", "Unconfirmed")},
        {QStringLiteral("provisional"), QT_TRANSLATE_NOOP("Renkei", "Provisional")},
        {QStringLiteral("refuted"), QT_TRANSLATE_NOOP("Renkei", "Refuted")},
        {QStringLiteral("entered-in-error"), QT_TRANSLATE_NOOP("Renkei", "Entered in error")},
    };
    const auto word = words.constFind(code);
    return word == words.cend() ? FhirJson::conceptText(codeable) : Tr::tr(*word);
}

QString periodText(const QJsonObject &period)
{
    const QString start = period.value(QLatin1String("start")).toString();
    const QString end = period.value(QLatin1String("end")).toString();
    auto show = [](const QString &text) {
        ClinicalRecord r;
        r.date = parseFhirDateTime(text, &r.hasTime);
        return r.date.isValid() ? recordDateText(r) : text;
    };
    if (start.isEmpty() && end.isEmpty())
        return {};
    return Tr::tr("%1 – %2", "period start – end").arg(start.isEmpty() ? QString() : show(start),
                                                       end.isEmpty() ? QString() : show(end));
}

} // namespace

QList<RecordField> recordDetailFields(const ClinicalRecord &r, const QString &facilityName)
{
    QList<RecordField> fields;
    auto add = [&fields](const QString &label, const QString &value) {
        if (!value.trimmed().isEmpty())
            fields.append({label, value.trimmed()});
    };
    const QJsonObject &o = r.raw;
    add(Tr::tr("Kind"), clinicalKindLabel(r.kind));
    add(Tr::tr("Date"), recordDateText(r));
    add(Tr::tr("Facility"), facilityName);
    if (!r.displayable) {
        add(Tr::tr("Problem"), Tr::tr("This record could not be read. The other records are "
                                      "shown as usual."));
        add(Tr::tr("Technical detail"), r.problem);
        add(Tr::tr("Resource"), QStringLiteral("%1/%2").arg(r.resourceType, r.id));
        return fields;
    }
    add(Tr::tr("Name"), r.title);
    if (r.resourceType == QLatin1String("Observation")) {
        add(Tr::tr("Value"), FhirJson::observationValueText(o));
        add(Tr::tr("Reference range"), FhirJson::referenceRangeText(o));
    }
    add(Tr::tr("Status"), statusText(o.value(QLatin1String("clinicalStatus"))));
    add(Tr::tr("Verification"), statusText(o.value(QLatin1String("verificationStatus"))));
    if (r.resourceType == QLatin1String("AllergyIntolerance")) {
        add(Tr::tr("Onset"), o.value(QLatin1String("onsetString")).toString());
        const QJsonArray reactions = o.value(QLatin1String("reaction")).toArray();
        for (const QJsonValue &reaction : reactions) {
            add(Tr::tr("Reaction"), joinedTexts(reaction.toObject().value(QLatin1String("manifestation")).toArray(), "text"));
            add(Tr::tr("Severity"), severityText(reaction.toObject().value(QLatin1String("severity")).toString()));
        }
    }
    if (r.resourceType == QLatin1String("Condition"))
        add(Tr::tr("Recorded"), o.value(QLatin1String("recordedDate")).toString());
    if (r.resourceType == QLatin1String("Encounter")) {
        add(Tr::tr("Period"), periodText(o.value(QLatin1String("period")).toObject()));
        add(Tr::tr("Ward / room"), joinedTexts(o.value(QLatin1String("location")).toArray(), "location"));
    }
    if (r.resourceType == QLatin1String("ImagingStudy"))
        add(Tr::tr("Modality"), FhirJson::numberText(o.value(QLatin1String("modality")).toArray().first().toObject().value(QLatin1String("code"))));
    if (r.resourceType == QLatin1String("DocumentReference"))
        add(Tr::tr("Document type"), FhirJson::conceptText(o.value(QLatin1String("type"))));
    add(Tr::tr("Code"), codingsText(o.value(QLatin1String("code"))));
    add(Tr::tr("Ordered by"), FhirJson::at(o, QStringLiteral("requester.display")).toString());
    add(Tr::tr("Performed by"), joinedTexts(o.value(QLatin1String("performer")).toArray(), "actor"));
    add(Tr::tr("Note"), joinedTexts(o.value(QLatin1String("note")).toArray(), "text"));
    return fields;
}
