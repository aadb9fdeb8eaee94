// Orders and results: OML-01, OMG-01/02/03 → ServiceRequest; OML-11, OMG-13 → Observation +
// DiagnosticReport; OMG-11/12 → ImagingStudy; OMD → NutritionOrder.
#include "mappingsupport.h"

#include <QRegularExpression>
#include <QSet>

namespace Ssmix2::Mapping {

namespace {

QJsonObject simpleConcept(const QString &system, const QString &code, const QString &display = {})
{
    QJsonObject c{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
    if (!display.isEmpty())
        c.insert(QStringLiteral("display"), display);
    return QJsonObject{{QStringLiteral("coding"), QJsonArray{c}}};
}

/// Observation.category for a disclosure kind: the FHIR category plus Renkei's own.
QJsonArray observationCategories(const QString &kind)
{
    // Made once per thread and kind, as renkeiCategory().
    thread_local QHash<QString, QJsonArray> made;
    if (const auto it = made.constFind(kind); it != made.constEnd())
        return *it;
    const QString fhir = kind == QLatin1String("labs") ? QStringLiteral("laboratory")
        : kind == QLatin1String("vital-signs")         ? QStringLiteral("vital-signs")
                                                       : QStringLiteral("exam");
    const QJsonArray categories{simpleConcept(QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category"), fhir),
                                renkeiCategory(kind)};
    if (made.size() < 256)
        made.insert(kind, categories);
    return categories;
}

QString storedKind(const QString &kind)
{
    // Height, weight and blood type from ADT-00 are patient profile data: shared with labs.
    return kind == QLatin1String("vital-signs") ? QStringLiteral("labs") : kind;
}

QString observationStatus(const QString &resultStatus)
{
    if (resultStatus == QLatin1String("F"))
        return QStringLiteral("final");
    if (resultStatus == QLatin1String("C"))
        return QStringLiteral("corrected");
    if (resultStatus == QLatin1String("P") || resultStatus == QLatin1String("R") || resultStatus == QLatin1String("S"))
        return QStringLiteral("preliminary");
    if (resultStatus == QLatin1String("X") || resultStatus == QLatin1String("D"))
        return QStringLiteral("cancelled");
    return QStringLiteral("registered");
}

/// OBX-7 "6.70-8.3", ">=10", "<5" → referenceRange; anything else as its text.
QJsonObject referenceRange(const QString &text, const QJsonObject &unit)
{
    static const QRegularExpression interval(QStringLiteral("^\\s*(-?[0-9.]+)\\s*[-~～]\\s*(-?[0-9.]+)\\s*$"));
    QJsonObject range;
    const auto m = interval.match(text);
    auto bound = [&](const QString &v) {
        QJsonObject q = unit;
        q.insert(QStringLiteral("value"), v.toDouble());
        return q;
    };
    if (m.hasMatch() && number(m.captured(1)) && number(m.captured(2))) {
        range.insert(QStringLiteral("low"), bound(m.captured(1)));
        range.insert(QStringLiteral("high"), bound(m.captured(2)));
    }
    range.insert(QStringLiteral("text"), text);
    return range;
}

QJsonObject interpretation(const QString &flag)
{
    static const QHash<QString, QString> displays{
        {QStringLiteral("H"), QStringLiteral("High")}, {QStringLiteral("L"), QStringLiteral("Low")},
        {QStringLiteral("HH"), QStringLiteral("Critical high")}, {QStringLiteral("LL"), QStringLiteral("Critical low")},
        {QStringLiteral("N"), QStringLiteral("Normal")}, {QStringLiteral("A"), QStringLiteral("Abnormal")}};
    if (!displays.contains(flag))
        return {};
    return simpleConcept(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"),
                         flag, displays.value(flag));
}

/// ORC/OBR/OBX groups of an order or result message.
struct Request
{
    const Hl7Segment *orc = nullptr;
    const Hl7Segment *obr = nullptr;
    QList<const Hl7Segment *> obx;
    QList<const Hl7Segment *> ipc;
};

QList<Request> requests(const Hl7Message &message)
{
    QList<Request> result;
    const Hl7Segment *orc = nullptr;
    for (const Hl7Segment &s : message.segments()) {
        const QString name = s.name();
        if (name == QLatin1String("ORC")) {
            orc = &s;
            // OUL puts ORC after its OBR: attach it to the request that has none yet.
            if (!result.isEmpty() && !result.last().orc)
                result.last().orc = &s;
        } else if (name == QLatin1String("OBR")) {
            const bool orcUsed = !result.isEmpty() && result.last().orc == orc;
            result.append(Request{orcUsed ? nullptr : orc, &s, {}, {}});
        } else if (name == QLatin1String("OBX") && !result.isEmpty()) {
            result.last().obx.append(&s);
        } else if (name == QLatin1String("IPC") && !result.isEmpty()) {
            result.last().ipc.append(&s);
        }
    }
    return result;
}

QString placerNumber(const Request &r)
{
    if (r.orc && !r.orc->value(2).isEmpty())
        return r.orc->value(2);
    return r.obr->value(2);
}

QString orderKindCategory(const QString &kind)
{
    return kind == QLatin1String("labs") ? QStringLiteral("laboratory") : kind;
}

} // namespace

QStringList mapObservations(const QList<const Hl7Segment *> &obxList, const QString &kind,
                            const QString &fallbackDate, ResourceList &list, QStringList &notes)
{
    QStringList ids;
    for (const Hl7Segment *obx : obxList) {
        const QJsonObject code = codeableConcept(*obx, 3);
        if (code.isEmpty()) {
            notes << QStringLiteral("OBX without an observation code skipped");
            continue;
        }
        QJsonObject observation{
            {QStringLiteral("resourceType"), QStringLiteral("Observation")},
            {QStringLiteral("meta"), QJsonObject{{QStringLiteral("profile"), QJsonArray{kind == QLatin1String("labs")
                 ? QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult")
                 : QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_Common")}}}},
            {QStringLiteral("status"), observationStatus(obx->value(11))},
            {QStringLiteral("category"), observationCategories(kind)},
            {QStringLiteral("code"), code},
        };
        const QString type = obx->value(2);
        const QString raw = obx->value(5);
        QJsonObject unit;
        const QString unitCode = obx->value(6, 1);
        const QString unitText = obx->value(6, 2);
        if (!unitCode.isEmpty() || !unitText.isEmpty()) {
            // OBX-6 is a CE: the text (component 2) is what a person reads, e.g. "10^3/μL"
            // for the UCUM code "10*3/uL"; the code alone is only a fallback for display.
            unit.insert(QStringLiteral("unit"), unitText.isEmpty() ? unitCode : unitText);
            // ISO+ units are UCUM-like; a local code keeps its spelling for display only.
            if (obx->value(6, 3) == QLatin1String("ISO+") && !unitCode.isEmpty()) {
                unit.insert(QStringLiteral("system"), QStringLiteral("http://unitsofmeasure.org"));
                unit.insert(QStringLiteral("code"), unitCode);
            }
        }
        if (type == QLatin1String("NM")) {
            if (const auto value = number(raw)) {
                QJsonObject q = unit;
                q.insert(QStringLiteral("value"), *value);
                observation.insert(QStringLiteral("valueQuantity"), q);
            } else if (!raw.isEmpty()) {
                observation.insert(QStringLiteral("valueString"), raw);
                notes << QStringLiteral("OBX NM value '%1' is not a number; kept as text").arg(raw);
            }
        } else if (type == QLatin1String("CWE") || type == QLatin1String("CE")) {
            const QJsonObject value = codeableConcept(*obx, 5);
            if (!value.isEmpty())
                observation.insert(QStringLiteral("valueCodeableConcept"), value);
        } else if (type == QLatin1String("XCN")) {
            const QString name = personName(*obx, 5);
            if (!name.isEmpty())
                observation.insert(QStringLiteral("valueString"), name);
        } else if (type == QLatin1String("TS") || type == QLatin1String("DT")) {
            if (!fhirDateTime(raw).isEmpty())
                observation.insert(QStringLiteral("valueDateTime"), fhirDateTime(raw));
        } else if (!raw.isEmpty()) {
            observation.insert(QStringLiteral("valueString"), obx->components(5).join(QLatin1Char(' ')).trimmed());
        }
        if (!obx->value(7).isEmpty())
            observation.insert(QStringLiteral("referenceRange"), QJsonArray{referenceRange(obx->value(7), unit)});
        if (const QJsonObject flag = interpretation(obx->value(8)); !flag.isEmpty())
            observation.insert(QStringLiteral("interpretation"), QJsonArray{flag});
        QString when = obx->value(14);
        if (fhirDateTime(when).isEmpty())
            when = fallbackDate;
        if (!fhirDateTime(when).isEmpty())
            observation.insert(QStringLiteral("effectiveDateTime"), fhirDateTime(when));
        ids << list.add(storedKind(kind), indexDate(when), mainCode(code), observation);
    }
    return ids;
}

void mapServiceRequests(const Hl7Message &message, const QString &kind, ResourceList &list, QStringList &notes)
{
    // NW (new) and PA (parent) repeat the same order; CH (child) items are orders of their own.
    QHash<QString, QString> idByPlacer;
    for (const Request &r : requests(message)) {
        const QString placer = placerNumber(r);
        if (placer.isEmpty() || idByPlacer.contains(placer)) {
            // The lab order repeats its number per specimen: those are separate requests.
            if (kind != QLatin1String("labs") || placer.isEmpty())
                continue;
        }
        const QJsonObject code = codeableConcept(*r.obr, 4);
        if (code.isEmpty()) {
            notes << QStringLiteral("OBR without a procedure code skipped");
            continue;
        }
        QJsonObject request{
            {QStringLiteral("resourceType"), QStringLiteral("ServiceRequest")},
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("intent"), QStringLiteral("order")},
            {QStringLiteral("category"), QJsonArray{renkeiCategory(orderKindCategory(kind))}},
            {QStringLiteral("code"), code},
            {QStringLiteral("identifier"), QJsonArray{QJsonObject{
                 {QStringLiteral("system"), QStringLiteral("urn:renkei:facility:%1:order-no").arg(list.context().facility)},
                 {QStringLiteral("value"), placer}}}},
        };
        if (kind == QLatin1String("labs")) {
            QJsonArray categories = request.value(QStringLiteral("category")).toArray();
            categories.prepend(simpleConcept(QStringLiteral("http://snomed.info/sct"), QStringLiteral("108252007"), QStringLiteral("Laboratory procedure")));
            request.insert(QStringLiteral("category"), categories);
        } else if (kind == QLatin1String("radiology")) {
            QJsonArray categories = request.value(QStringLiteral("category")).toArray();
            categories.prepend(simpleConcept(QStringLiteral("http://snomed.info/sct"), QStringLiteral("363679005"), QStringLiteral("Imaging")));
            request.insert(QStringLiteral("category"), categories);
        }
        // The tests asked for (lab OBX items) go to orderDetail; text findings to note.
        QJsonArray details;
        QJsonArray notesOut;
        for (const Hl7Segment *obx : r.obx) {
            if (obx->value(2) == QLatin1String("TX") || obx->value(2) == QLatin1String("ST"))
                notesOut.append(QJsonObject{{QStringLiteral("text"), obx->value(3, 2) + QStringLiteral(": ") + obx->value(5)}});
            else if (kind == QLatin1String("labs"))
                details.append(codeableConcept(*obx, 3));
        }
        if (!details.isEmpty())
            request.insert(QStringLiteral("orderDetail"), details);
        if (!notesOut.isEmpty())
            request.insert(QStringLiteral("note"), notesOut);
        const QString parent = r.orc ? r.orc->value(8) : QString();
        if (!parent.isEmpty() && idByPlacer.contains(parent))
            request.insert(QStringLiteral("basedOn"), QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("ServiceRequest/") + idByPlacer.value(parent)}}});
        const QString authored = r.orc ? r.orc->value(9) : QString();
        if (!fhirDateTime(authored).isEmpty())
            request.insert(QStringLiteral("authoredOn"), fhirDateTime(authored));
        if (r.orc && !personName(*r.orc, 12).isEmpty())
            request.insert(QStringLiteral("requester"), QJsonObject{{QStringLiteral("display"), personName(*r.orc, 12)}});
        const QString id = list.add(kind, indexDate(authored), mainCode(code), request);
        if (!idByPlacer.contains(placer))
            idByPlacer.insert(placer, id);
    }
}

void mapResults(const Hl7Message &message, const QString &kind, ResourceList &list, QStringList &notes)
{
    for (const Request &r : requests(message)) {
        const QString observed = !r.obr->value(7).isEmpty() ? r.obr->value(7) : r.obr->value(22);
        const QStringList ids = mapObservations(r.obx, kind, observed, list, notes);
        if (ids.isEmpty())
            continue;
        const QJsonObject code = codeableConcept(*r.obr, 4);
        QJsonArray results;
        for (const QString &id : ids)
            results.append(QJsonObject{{QStringLiteral("reference"), QStringLiteral("Observation/") + id}});
        QJsonArray categories{renkeiCategory(kind)};
        if (kind == QLatin1String("labs"))
            categories.prepend(simpleConcept(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0074"), QStringLiteral("LAB"), QStringLiteral("Laboratory")));
        QJsonObject report{
            {QStringLiteral("resourceType"), QStringLiteral("DiagnosticReport")},
            {QStringLiteral("status"), r.obr->value(25) == QLatin1String("F") || r.obx.first()->value(11) == QLatin1String("F")
                 ? QStringLiteral("final") : QStringLiteral("partial")},
            {QStringLiteral("category"), categories},
            {QStringLiteral("code"), code.isEmpty() ? QJsonObject{{QStringLiteral("text"), QStringLiteral("検査結果")}} : code},
            {QStringLiteral("result"), results},
        };
        if (!fhirDateTime(observed).isEmpty())
            report.insert(QStringLiteral("effectiveDateTime"), fhirDateTime(observed));
        // issued is an instant: only with a full time (fhirDateTime adds the zone).
        if (const QString issued = fhirDateTime(r.obr->value(22)); issued.size() > 10)
            report.insert(QStringLiteral("issued"), issued);
        list.add(kind, indexDate(observed), mainCode(code), report);
    }
}

void mapImagingStudies(const Hl7Message &message, const QString & /*orderKind*/, ResourceList &list, QStringList &notes)
{
    QSet<QString> seen;
    for (const Request &r : requests(message)) {
        for (const Hl7Segment *ipc : r.ipc) {
            // IPC-3 Study Instance UID links the order to the images (DICOMweb).
            const QString uid = ipc->value(3);
            static const QRegularExpression uidPattern(QStringLiteral("^[0-9]+(\\.[0-9]+)*$"));
            if (!uidPattern.match(uid).hasMatch()) {
                notes << QStringLiteral("IPC-3 '%1' is not a DICOM UID").arg(uid);
                continue;
            }
            if (seen.contains(uid))
                continue;
            seen.insert(uid);
            QJsonArray identifiers{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:dicom:uid")},
                                               {QStringLiteral("value"), QStringLiteral("urn:oid:") + uid}}};
            if (!ipc->value(1).isEmpty())
                identifiers.append(QJsonObject{
                    {QStringLiteral("type"), simpleConcept(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0203"), QStringLiteral("ACSN"))},
                    {QStringLiteral("system"), QStringLiteral("urn:renkei:facility:%1:accession").arg(list.context().facility)},
                    {QStringLiteral("value"), ipc->value(1)}});
            QJsonObject study{
                {QStringLiteral("resourceType"), QStringLiteral("ImagingStudy")},
                {QStringLiteral("status"), QStringLiteral("available")},
                {QStringLiteral("identifier"), identifiers},
            };
            if (!ipc->value(5, 1).isEmpty())
                study.insert(QStringLiteral("modality"), QJsonArray{coding(ipc->value(5, 1), {}, QStringLiteral("DCM"))});
            const QJsonObject procedure = codeableConcept(*r.obr, 4);
            if (!procedure.isEmpty()) {
                study.insert(QStringLiteral("procedureCode"), QJsonArray{procedure});
                study.insert(QStringLiteral("description"), procedure.value(QStringLiteral("text")).toString());
            }
            const QString started = !r.obr->value(7).isEmpty() ? r.obr->value(7) : r.obr->value(22);
            if (!fhirDateTime(started).isEmpty())
                study.insert(QStringLiteral("started"), fhirDateTime(started));
            // The study itself (the images) is its own kind; the order stays radiology/endoscopy.
            list.add(QStringLiteral("images"), indexDate(started), QStringLiteral("urn:dicom:uid|urn:oid:") + uid, study);
        }
    }
    if (seen.isEmpty())
        notes << QStringLiteral("no IPC segment with a Study Instance UID: no ImagingStudy");
}

void mapNutritionOrder(const Hl7Message &message, ResourceList &list, QStringList &notes)
{
    const Hl7Segment *orc = message.first(QStringLiteral("ORC"));
    const Hl7Segment *tq1 = message.first(QStringLiteral("TQ1"));
    QString when = orc ? orc->value(9) : QString();
    if (fhirDateTime(when).isEmpty())
        when = message.msh().value(7);
    if (fhirDateTime(when).isEmpty()) {
        notes << QStringLiteral("diet order without a valid date skipped");
        return;
    }
    QJsonObject diet;
    QJsonArray types;
    QStringList instructions;
    for (const Hl7Segment &s : message.segments()) {
        if (s.name() != QLatin1String("ODS"))
            continue;
        const QJsonObject type = codeableConcept(s, 3);
        if (!type.isEmpty())
            types.append(type);
        if (!s.value(4).isEmpty())
            instructions << s.value(4);
    }
    if (!types.isEmpty())
        diet.insert(QStringLiteral("type"), types);
    if (!instructions.isEmpty())
        diet.insert(QStringLiteral("instruction"), instructions.join(QLatin1Char('\n')));
    if (tq1 && !fhirDateTime(tq1->value(7)).isEmpty())
        diet.insert(QStringLiteral("schedule"), QJsonArray{QJsonObject{{QStringLiteral("repeat"),
            QJsonObject{{QStringLiteral("boundsPeriod"), QJsonObject{{QStringLiteral("start"), fhirDateTime(tq1->value(7))}}}}}}});
    QJsonObject order{
        {QStringLiteral("resourceType"), QStringLiteral("NutritionOrder")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("intent"), QStringLiteral("order")},
        {QStringLiteral("dateTime"), fhirDateTime(when)},
    };
    if (!diet.isEmpty())
        order.insert(QStringLiteral("oralDiet"), diet);
    if (orc && !personName(*orc, 12).isEmpty())
        order.insert(QStringLiteral("orderer"), QJsonObject{{QStringLiteral("display"), personName(*orc, 12)}});
    // Meal orders are physician orders; the policy has no kind of their own for them.
    list.add(QStringLiteral("physician-records"), indexDate(when), {}, order, QStringLiteral("patient"));
}

} // namespace Ssmix2::Mapping
