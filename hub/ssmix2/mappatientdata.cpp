// ADT events → Encounter; allergies (ADT-61 IAM, ADT-00 AL1) → AllergyIntolerance;
// PPR-01 → Condition.
#include "mappingsupport.h"

namespace Ssmix2::Mapping {

namespace {

QJsonObject code(const QString &system, const QString &value, const QString &display = {})
{
    QJsonObject c{{QStringLiteral("system"), system}, {QStringLiteral("code"), value}};
    if (!display.isEmpty())
        c.insert(QStringLiteral("display"), display);
    return c;
}

QJsonObject conceptValue(const QJsonObject &coding)
{
    return QJsonObject{{QStringLiteral("coding"), QJsonArray{coding}}};
}

} // namespace

void mapEncounter(const Hl7Message &message, ResourceList &list, QStringList &notes)
{
    const Hl7Segment *pv1 = message.first(QStringLiteral("PV1"));
    const Hl7Segment *evn = message.first(QStringLiteral("EVN"));
    if (!pv1) {
        notes << QStringLiteral("no PV1 segment: no Encounter");
        return;
    }
    const QString patientClass = pv1->value(2);
    const QJsonObject encounterClass = patientClass == QLatin1String("I")
        ? code(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode"), QStringLiteral("IMP"), QStringLiteral("inpatient encounter"))
        : patientClass == QLatin1String("E")
        ? code(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode"), QStringLiteral("EMER"), QStringLiteral("emergency"))
        : code(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode"), QStringLiteral("AMB"), QStringLiteral("ambulatory"));

    // PV1-44 admit, PV1-45 discharge; otherwise the event's occurred (EVN-6) or recorded (EVN-2) time.
    const QString admit = pv1->value(44);
    const QString discharge = pv1->value(45);
    QString eventTime = evn ? evn->value(6) : QString();
    if (fhirDateTime(eventTime).isEmpty() && evn)
        eventTime = evn->value(2);

    QJsonObject period;
    if (!fhirDateTime(admit).isEmpty())
        period.insert(QStringLiteral("start"), fhirDateTime(admit));
    if (!fhirDateTime(discharge).isEmpty())
        period.insert(QStringLiteral("end"), fhirDateTime(discharge));
    if (period.isEmpty() && !fhirDateTime(eventTime).isEmpty())
        period.insert(QStringLiteral("start"), fhirDateTime(eventTime));

    const QString trigger = message.msh().value(9, 2);
    const bool finished = !discharge.isEmpty() || trigger == QLatin1String("A03");
    const bool planned = trigger == QLatin1String("A14") || trigger == QLatin1String("A16")
        || trigger == QLatin1String("A05");
    QJsonObject encounter{
        {QStringLiteral("resourceType"), QStringLiteral("Encounter")},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("profile"), QJsonArray{QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter")}}}},
        {QStringLiteral("status"), finished ? QStringLiteral("finished") : planned ? QStringLiteral("planned") : QStringLiteral("in-progress")},
        {QStringLiteral("class"), encounterClass},
        {QStringLiteral("type"), QJsonArray{QJsonObject{
             {QStringLiteral("coding"), QJsonArray{code(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0003"), message.msh().value(9, 2))}},
             {QStringLiteral("text"), QStringLiteral("ADT^") + trigger}}}},
    };
    if (!period.isEmpty())
        encounter.insert(QStringLiteral("period"), period);
    const QStringList location = pv1->components(3);
    if (!location.value(0).isEmpty()) {
        const QString text = QStringList{location.value(0), location.value(1), location.value(2)}.join(QLatin1Char('-'));
        encounter.insert(QStringLiteral("location"),
                         QJsonArray{QJsonObject{{QStringLiteral("location"), QJsonObject{{QStringLiteral("display"), text}}}}});
    }
    const QString date = indexDate(!admit.isEmpty() ? admit : !discharge.isEmpty() ? discharge : eventTime);
    // Admissions and discharges are the outline of a stay: disclosed with the summaries.
    list.add(QStringLiteral("summaries"), date, {}, encounter);
}

void mapAllergies(const Hl7Message &message, ResourceList &list, QStringList &notes)
{
    Q_UNUSED(notes)
    for (const Hl7Segment &s : message.segments()) {
        const bool iam = s.name() == QLatin1String("IAM");
        if (!iam && s.name() != QLatin1String("AL1"))
            continue;
        // IAM and AL1 share fields 2 (type), 3 (allergen), 4 (severity), 5 (reaction).
        const QString type = s.value(2);
        const QString category = type == QLatin1String("DA") ? QStringLiteral("medication")
            : type == QLatin1String("FA")                      ? QStringLiteral("food")
                                                               : QStringLiteral("environment");
        QJsonObject allergy{
            {QStringLiteral("resourceType"), QStringLiteral("AllergyIntolerance")},
            {QStringLiteral("meta"), QJsonObject{{QStringLiteral("profile"), QJsonArray{QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_AllergyIntolerance")}}}},
            {QStringLiteral("clinicalStatus"), conceptValue(code(QStringLiteral("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"), QStringLiteral("active")))},
            {QStringLiteral("verificationStatus"), conceptValue(code(QStringLiteral("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"), QStringLiteral("confirmed")))},
            {QStringLiteral("category"), QJsonArray{category}},
        };
        const QJsonObject allergen = codeableConcept(s, 3);
        if (!allergen.isEmpty())
            allergy.insert(QStringLiteral("code"), allergen);
        QJsonObject reaction;
        const QString severity = s.value(4);
        if (severity == QLatin1String("MI") || severity == QLatin1String("MO") || severity == QLatin1String("SV"))
            reaction.insert(QStringLiteral("severity"), severity == QLatin1String("MI") ? QStringLiteral("mild")
                                                        : severity == QLatin1String("MO") ? QStringLiteral("moderate")
                                                                                          : QStringLiteral("severe"));
        if (!s.value(5).isEmpty()) {
            reaction.insert(QStringLiteral("manifestation"), QJsonArray{QJsonObject{{QStringLiteral("text"), s.value(5)}}});
            allergy.insert(QStringLiteral("reaction"), QJsonArray{reaction});
        }
        QString date;
        if (iam) {
            // IAM-11 onset date, IAM-12 onset as free text ("小学校低学年の頃").
            if (const QString onset = fhirDateTime(s.value(11)); !onset.isEmpty()) {
                allergy.insert(QStringLiteral("onsetDateTime"), onset);
                date = indexDate(s.value(11));
            } else if (!s.value(12).isEmpty()) {
                allergy.insert(QStringLiteral("onsetString"), s.value(12));
            }
        } else if (const QString onset = fhirDateTime(s.value(6)); !onset.isEmpty()) {
            allergy.insert(QStringLiteral("onsetDateTime"), onset);
            date = indexDate(s.value(6));
        }
        list.add(QStringLiteral("allergies"), date, mainCode(allergen), allergy, QStringLiteral("patient"));
    }
}

void mapConditions(const Hl7Message &message, ResourceList &list, QStringList &notes)
{
    for (const Hl7Segment &s : message.segments()) {
        if (s.name() != QLatin1String("PRB"))
            continue;
        // PRB-3 is the MEDIS standard disease code; PRB-10 carries the ICD-10 code (I10).
        QJsonObject conditionCode = codeableConcept(s, 3);
        QJsonArray codings = conditionCode.value(QStringLiteral("coding")).toArray();
        if (s.value(10, 3) == QLatin1String("I10") && !s.value(10, 1).isEmpty())
            codings.append(coding(s.value(10, 1), s.value(10, 2), QStringLiteral("I10")));
        if (codings.isEmpty() && !s.value(17).isEmpty()) {
            conditionCode.insert(QStringLiteral("text"), s.value(17));
        } else if (codings.isEmpty()) {
            notes << QStringLiteral("PRB without a diagnosis code skipped");
            continue;
        }
        if (!codings.isEmpty())
            conditionCode.insert(QStringLiteral("coding"), codings);
        QJsonObject condition{
            {QStringLiteral("resourceType"), QStringLiteral("Condition")},
            {QStringLiteral("meta"), QJsonObject{{QStringLiteral("profile"), QJsonArray{QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Condition")}}}},
            {QStringLiteral("category"), QJsonArray{conceptValue(code(QStringLiteral("http://terminology.hl7.org/CodeSystem/condition-category"), QStringLiteral("encounter-diagnosis")))}},
            {QStringLiteral("code"), conditionCode},
        };
        // PRB-14 (HL7 0241 outcome): N = not recovered, i.e. still active.
        if (s.value(14) == QLatin1String("N"))
            condition.insert(QStringLiteral("clinicalStatus"), conceptValue(code(QStringLiteral("http://terminology.hl7.org/CodeSystem/condition-clinical"), QStringLiteral("active"))));
        const QString onset = !s.value(16).isEmpty() ? s.value(16) : s.value(7);
        if (!fhirDateTime(onset).isEmpty())
            condition.insert(QStringLiteral("onsetDateTime"), fhirDateTime(onset));
        if (!fhirDateTime(s.value(2)).isEmpty())
            condition.insert(QStringLiteral("recordedDate"), fhirDateTime(s.value(2)));
        if (s.value(18) == QLatin1String("1"))
            condition.insert(QStringLiteral("note"), QJsonArray{QJsonObject{{QStringLiteral("text"), s.value(18, 2)}}});
        const QString date = indexDate(!fhirDateTime(onset).isEmpty() ? onset : s.value(2));
        // Index by the ICD-10 code when there is one: it is what other facilities search by.
        QString indexCode = mainCode(conditionCode);
        for (const QJsonValue &c : codings) {
            if (c.toObject().value(QStringLiteral("system")).toString() == codeSystemUri(QStringLiteral("I10")))
                indexCode = codeSystemUri(QStringLiteral("I10")) + QLatin1Char('|') + c.toObject().value(QStringLiteral("code")).toString();
        }
        list.add(QStringLiteral("diagnoses"), date, indexCode, condition);
    }
}

} // namespace Ssmix2::Mapping
