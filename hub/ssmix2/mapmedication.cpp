// OMP-01/02 (prescription / injection orders) → MedicationRequest;
// OMP-11/12 (administered) → MedicationAdministration.
#include "mappingsupport.h"

#include <QHash>

#include <cstring>

namespace Ssmix2::Mapping {

namespace {

/// One RXE or RXA with the segments that follow it up to the next order (TQ1, RXR, RXC).
struct OrderGroup
{
    const Hl7Segment *orc = nullptr;
    const Hl7Segment *main = nullptr;
    const Hl7Segment *tq1 = nullptr;
    const Hl7Segment *rxr = nullptr;
    QList<const Hl7Segment *> rxc;
};

QList<OrderGroup> groups(const Hl7Message &message, const QString &mainName)
{
    QList<OrderGroup> result;
    const Hl7Segment *orc = nullptr;
    // TQ1 precedes RXA in RAS but follows RXE in RDE: collect what comes after ORC too.
    const Hl7Segment *pendingTq1 = nullptr;
    for (const Hl7Segment &s : message.segments()) {
        const QString name = s.name();
        if (name == QLatin1String("ORC")) {
            orc = &s;
            pendingTq1 = nullptr;
        } else if (name == mainName) {
            result.append(OrderGroup{orc, &s, pendingTq1, nullptr, {}});
        } else if (name == QLatin1String("TQ1")) {
            if (!result.isEmpty() && result.last().orc == orc && !result.last().tq1)
                result.last().tq1 = &s;
            else
                pendingTq1 = &s;
        } else if (name == QLatin1String("RXR") && !result.isEmpty()) {
            // In RAS one RXR follows all RXAs of an order: it applies to each of them.
            for (auto it = result.rbegin(); it != result.rend() && it->orc == orc && !it->rxr; ++it)
                it->rxr = &s;
        } else if (name == QLatin1String("RXC") && !result.isEmpty()) {
            result.last().rxc.append(&s);
        }
    }
    return result;
}

QJsonObject ucumDays(double days)
{
    // Made once per thread and value, as renkeiCategory() (a prescription's days are few).
    // Keyed by the bits: -0 and 0 are written differently, and NaN equals nothing.
    quint64 key = 0;
    std::memcpy(&key, &days, sizeof key);
    thread_local QHash<quint64, QJsonObject> made;
    if (const auto it = made.constFind(key); it != made.constEnd())
        return *it;
    const QJsonObject duration{{QStringLiteral("value"), days}, {QStringLiteral("unit"), QStringLiteral("日")},
                       {QStringLiteral("system"), QStringLiteral("http://unitsofmeasure.org")},
                       {QStringLiteral("code"), QStringLiteral("d")}};
    if (made.size() < 256)
        made.insert(key, duration);
    return duration;
}

/// Amount (a number field) with its unit (a CWE field: code^text^system).
std::optional<QJsonObject> amount(const Hl7Segment &s, int valueField, int unitField)
{
    const auto value = number(s.value(valueField));
    if (!value)
        return std::nullopt;
    QJsonObject q{{QStringLiteral("value"), *value}};
    const QString unitText = !s.value(unitField, 2).isEmpty() ? s.value(unitField, 2) : s.value(unitField, 1);
    if (!unitText.isEmpty())
        q.insert(QStringLiteral("unit"), unitText);
    if (!s.value(unitField, 1).isEmpty()) {
        q.insert(QStringLiteral("code"), s.value(unitField, 1));
        q.insert(QStringLiteral("system"), codeSystemUri(s.value(unitField, 3)));
    }
    return q;
}

QJsonObject route(const Hl7Segment *rxr)
{
    return rxr ? codeableConcept(*rxr, 1) : QJsonObject();
}

QJsonArray orderIdentifiers(const OrderGroup &g, const MappingContext &context)
{
    QJsonArray ids;
    if (g.orc && !g.orc->value(2).isEmpty())
        ids.append(QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:renkei:facility:%1:order-no").arg(context.facility)},
                               {QStringLiteral("value"), g.orc->value(2)}});
    if (g.orc && !g.orc->value(4).isEmpty())
        ids.append(QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:renkei:facility:%1:order-group").arg(context.facility)},
                               {QStringLiteral("value"), g.orc->value(2) + QLatin1Char('-') + g.orc->value(4)}});
    return ids;
}

QJsonObject injectionMedication(const OrderGroup &g)
{
    // RXC-1: B = base solution, A = additive. Kept as a contained Medication's ingredients.
    QJsonArray ingredients;
    for (const Hl7Segment *rxc : g.rxc) {
        QJsonObject ingredient{{QStringLiteral("itemCodeableConcept"), codeableConcept(*rxc, 2)}};
        ingredient.insert(QStringLiteral("extension"),
                          QJsonArray{QJsonObject{{QStringLiteral("url"), QStringLiteral("urn:renkei:fhir:extension:injection-component")},
                                                 {QStringLiteral("valueCode"), rxc->value(1) == QLatin1String("B") ? QStringLiteral("base") : QStringLiteral("additive")}}});
        if (const auto dose = amount(*rxc, 3, 4))
            ingredient.insert(QStringLiteral("strength"),
                              QJsonObject{{QStringLiteral("numerator"), *dose},
                                          {QStringLiteral("denominator"), QJsonObject{{QStringLiteral("value"), 1}}}});
        ingredients.append(ingredient);
    }
    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Medication")},
                       {QStringLiteral("id"), QStringLiteral("injection")},
                       {QStringLiteral("ingredient"), ingredients}};
}

QString categoryCode(bool injection)
{
    return injection ? QStringLiteral("injection") : QStringLiteral("prescription");
}

} // namespace

void mapMedicationRequests(const Hl7Message &message, bool injection, ResourceList &list, QStringList &notes)
{
    for (const OrderGroup &g : groups(message, QStringLiteral("RXE"))) {
        const Hl7Segment &rxe = *g.main;
        QJsonObject request{
            {QStringLiteral("resourceType"), QStringLiteral("MedicationRequest")},
            {QStringLiteral("meta"), QJsonObject{{QStringLiteral("profile"), QJsonArray{injection
                 ? QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationRequest_Injection")
                 : QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationRequest")}}}},
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("intent"), QStringLiteral("order")},
        };
        // Categories: Renkei's prescription/injection, the FHIR inpatient/outpatient (ORC-29),
        // and the hospital's own order classes (RXE-21, e.g. MERIT-9 OHP 外来処方).
        QJsonArray categories{renkeiCategory(categoryCode(injection))};
        const QString orderClass = g.orc ? g.orc->value(29) : QString();
        if (orderClass == QLatin1String("I") || orderClass == QLatin1String("O"))
            categories.append(QJsonObject{{QStringLiteral("coding"), QJsonArray{QJsonObject{
                {QStringLiteral("system"), QStringLiteral("http://terminology.hl7.org/CodeSystem/medicationrequest-category")},
                {QStringLiteral("code"), orderClass == QLatin1String("I") ? QStringLiteral("inpatient") : QStringLiteral("outpatient")}}}}});
        for (int r = 0; r < rxe.repetitionCount(21); ++r) {
            const QJsonObject c = codeableConcept(rxe, 21, r);
            if (!c.isEmpty())
                categories.append(c);
        }
        request.insert(QStringLiteral("category"), categories);

        const QJsonObject drug = codeableConcept(rxe, 2);
        QString code = mainCode(drug);
        if (injection && !g.rxc.isEmpty()) {
            request.insert(QStringLiteral("contained"), QJsonArray{injectionMedication(g)});
            request.insert(QStringLiteral("medicationReference"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("#injection")}});
            code = mainCode(codeableConcept(*g.rxc.first(), 2));
        } else if (!drug.isEmpty()) {
            request.insert(QStringLiteral("medicationCodeableConcept"), drug);
        } else {
            notes << QStringLiteral("RXE without a drug skipped");
            continue;
        }
        if (g.orc && !fhirDateTime(g.orc->value(9)).isEmpty())
            request.insert(QStringLiteral("authoredOn"), fhirDateTime(g.orc->value(9)));
        if (g.orc && !personName(*g.orc, 12).isEmpty())
            request.insert(QStringLiteral("requester"), QJsonObject{{QStringLiteral("display"), personName(*g.orc, 12)}});
        if (const QJsonArray ids = orderIdentifiers(g, list.context()); !ids.isEmpty())
            request.insert(QStringLiteral("identifier"), ids);

        QJsonObject dosage;
        QJsonObject timing;
        QJsonObject repeat;
        if (g.tq1) {
            // TQ1-3 repeat pattern: JAMI usage code & text & system in one component.
            const QString usageCode = g.tq1->value(3, 1, 1);
            const QString usageText = g.tq1->value(3, 1, 2);
            const QString usageSystem = g.tq1->value(3, 1, 3);
            if (!usageCode.isEmpty()) {
                QJsonObject usage{{QStringLiteral("coding"), QJsonArray{coding(usageCode, usageText, usageSystem)}}};
                if (!usageText.isEmpty())
                    usage.insert(QStringLiteral("text"), usageText);
                timing.insert(QStringLiteral("code"), usage);
                dosage.insert(QStringLiteral("text"), usageText);
            }
            // TQ1-6 service duration (e.g. 5^d): the days prescribed.
            if (const auto days = number(g.tq1->value(6, 1)); days && g.tq1->value(6, 2) == QLatin1String("d")) {
                repeat.insert(QStringLiteral("boundsDuration"), ucumDays(*days));
                request.insert(QStringLiteral("dispenseRequest"), QJsonObject{{QStringLiteral("expectedSupplyDuration"), ucumDays(*days)}});
            }
            const QString start = fhirDateTime(g.tq1->value(7));
            const QString end = fhirDateTime(g.tq1->value(8));
            if (!start.isEmpty() && !repeat.contains(QStringLiteral("boundsDuration"))) {
                QJsonObject period{{QStringLiteral("start"), start}};
                if (!end.isEmpty())
                    period.insert(QStringLiteral("end"), end);
                repeat.insert(QStringLiteral("boundsPeriod"), period);
            }
        }
        if (!repeat.isEmpty())
            timing.insert(QStringLiteral("repeat"), repeat);
        if (!timing.isEmpty())
            dosage.insert(QStringLiteral("timing"), timing);
        if (!rxe.value(7, 2).isEmpty())
            dosage.insert(QStringLiteral("patientInstruction"), rxe.value(7, 2));
        if (const QJsonObject r = route(g.rxr); !r.isEmpty())
            dosage.insert(QStringLiteral("route"), r);
        if (g.rxr && !g.rxr->value(3).isEmpty())
            dosage.insert(QStringLiteral("method"), codeableConcept(*g.rxr, 3));

        QJsonObject doseAndRate;
        if (const auto dose = amount(rxe, 3, 5))
            doseAndRate.insert(QStringLiteral("doseQuantity"), *dose);
        if (injection) {
            if (const auto rate = number(rxe.value(23)))
                doseAndRate.insert(QStringLiteral("rateQuantity"),
                                   QJsonObject{{QStringLiteral("value"), *rate}, {QStringLiteral("unit"), rxe.value(24, 1)}});
        } else if (const auto daily = number(rxe.value(19, 1))) {
            // RXE-19 total daily dose (3^TAB&錠&MR9P): JP-Core writes it as a rate per day.
            QJsonObject numerator{{QStringLiteral("value"), *daily}};
            if (!rxe.value(19, 2, 2).isEmpty())
                numerator.insert(QStringLiteral("unit"), rxe.value(19, 2, 2));
            if (!rxe.value(19, 2, 1).isEmpty()) {
                numerator.insert(QStringLiteral("code"), rxe.value(19, 2, 1));
                numerator.insert(QStringLiteral("system"), codeSystemUri(rxe.value(19, 2, 3)));
            }
            doseAndRate.insert(QStringLiteral("rateRatio"),
                               QJsonObject{{QStringLiteral("numerator"), numerator},
                                           {QStringLiteral("denominator"), ucumDays(1)}});
        }
        if (!doseAndRate.isEmpty())
            dosage.insert(QStringLiteral("doseAndRate"), QJsonArray{doseAndRate});
        if (!dosage.isEmpty())
            request.insert(QStringLiteral("dosageInstruction"), QJsonArray{dosage});

        if (const auto total = amount(rxe, 10, 11)) {
            QJsonObject dispense = request.value(QStringLiteral("dispenseRequest")).toObject();
            dispense.insert(QStringLiteral("quantity"), *total);
            request.insert(QStringLiteral("dispenseRequest"), dispense);
        }
        // The timeline places an order by authoredOn (docs/PROTOCOL.md); the start of
        // administration only when the order time is missing.
        const QString date = g.orc && !indexDate(g.orc->value(9)).isEmpty() ? indexDate(g.orc->value(9))
            : g.tq1 ? indexDate(g.tq1->value(7)) : QString();
        list.add(categoryCode(injection) + QLatin1Char('s'), date, code, request);
    }
}

void mapMedicationAdministrations(const Hl7Message &message, bool injection, ResourceList &list, QStringList &notes)
{
    const QString fallback = message.msh().value(7);
    for (const OrderGroup &g : groups(message, QStringLiteral("RXA"))) {
        const Hl7Segment &rxa = *g.main;
        const QJsonObject drug = codeableConcept(rxa, 5);
        if (drug.isEmpty()) {
            notes << QStringLiteral("RXA without a drug skipped");
            continue;
        }
        QJsonObject administration{
            {QStringLiteral("resourceType"), QStringLiteral("MedicationAdministration")},
            {QStringLiteral("meta"), QJsonObject{{QStringLiteral("profile"), QJsonArray{injection
                 ? QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationAdministration_Injection")
                 : QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationAdministration")}}}},
            {QStringLiteral("status"), rxa.value(20) == QLatin1String("NA") ? QStringLiteral("not-done")
                                       : rxa.value(20) == QLatin1String("PA") ? QStringLiteral("in-progress")
                                                                              : QStringLiteral("completed")},
            {QStringLiteral("category"), renkeiCategory(categoryCode(injection))},
            {QStringLiteral("medicationCodeableConcept"), drug},
        };
        // effective[x] is required: RXA-3/4 (start/end), else the message time.
        const QString start = fhirDateTime(rxa.value(3));
        const QString end = fhirDateTime(rxa.value(4));
        QString date = indexDate(rxa.value(3));
        if (!start.isEmpty() && !end.isEmpty() && start != end)
            administration.insert(QStringLiteral("effectivePeriod"), QJsonObject{{QStringLiteral("start"), start}, {QStringLiteral("end"), end}});
        else if (!start.isEmpty())
            administration.insert(QStringLiteral("effectiveDateTime"), start);
        else if (!fhirDateTime(fallback).isEmpty()) {
            administration.insert(QStringLiteral("effectiveDateTime"), fhirDateTime(fallback));
            date = indexDate(fallback);
            notes << QStringLiteral("RXA-3 '%1' is not a date; the message time is used").arg(rxa.value(3));
        } else {
            notes << QStringLiteral("RXA without any valid date skipped");
            continue;
        }
        QJsonObject dosage;
        if (const auto dose = amount(rxa, 6, 7))
            dosage.insert(QStringLiteral("dose"), *dose);
        if (const QJsonObject r = route(g.rxr); !r.isEmpty())
            dosage.insert(QStringLiteral("route"), r);
        if (!rxa.value(9, 2).isEmpty())
            dosage.insert(QStringLiteral("text"), rxa.value(9, 2));
        if (!dosage.isEmpty())
            administration.insert(QStringLiteral("dosage"), dosage);
        if (!personName(rxa, 10).isEmpty())
            administration.insert(QStringLiteral("performer"), QJsonArray{QJsonObject{{QStringLiteral("actor"), QJsonObject{{QStringLiteral("display"), personName(rxa, 10)}}}}});
        list.add(categoryCode(injection) + QLatin1Char('s'), date, mainCode(drug), administration);
    }
}

} // namespace Ssmix2::Mapping
