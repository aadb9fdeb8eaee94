// Dispatch by SS-MIX2 data type, and the PID every message carries.
#include "mappingsupport.h"

namespace Ssmix2 {

using namespace Mapping;

namespace {

PidDemographics demographics(const Hl7Segment &pid)
{
    PidDemographics d;
    d.localId = pid.value(3);
    // PID-5 repeats the name by representation (XPN.8): I = ideographic (kanji), P = phonetic (kana).
    for (int r = 0; r < pid.repetitionCount(5); ++r) {
        const QString representation = pid.value(5, 8, 1, r);
        if (representation == QLatin1String("P")) {
            d.familyKana = pid.value(5, 1, 1, r);
            d.givenKana = pid.value(5, 2, 1, r);
        } else if (d.familyName.isEmpty()) {
            d.familyName = pid.value(5, 1, 1, r);
            d.givenName = pid.value(5, 2, 1, r);
        }
    }
    const QString birth = fhirDateTime(pid.value(7));
    d.birthDate = birth.size() == 10 ? birth : QString();
    const QString sex = pid.value(8);
    d.gender = sex == QLatin1String("M")   ? QStringLiteral("male")
        : sex == QLatin1String("F")        ? QStringLiteral("female")
        : sex == QLatin1String("O")        ? QStringLiteral("other")
                                           : QStringLiteral("unknown");
    return d;
}

} // namespace

bool isMappedDataType(const QString &t)
{
    static const QStringList known{
        QStringLiteral("ADT-00"), QStringLiteral("ADT-12"), QStringLiteral("ADT-21"),
        QStringLiteral("ADT-22"), QStringLiteral("ADT-31"), QStringLiteral("ADT-32"),
        QStringLiteral("ADT-41"), QStringLiteral("ADT-42"), QStringLiteral("ADT-51"),
        QStringLiteral("ADT-52"), QStringLiteral("ADT-61"), QStringLiteral("PPR-01"),
        QStringLiteral("OMP-01"), QStringLiteral("OMP-02"), QStringLiteral("OMP-11"),
        QStringLiteral("OMP-12"), QStringLiteral("OML-01"), QStringLiteral("OML-11"),
        QStringLiteral("OMG-01"), QStringLiteral("OMG-02"), QStringLiteral("OMG-03"),
        QStringLiteral("OMG-11"), QStringLiteral("OMG-12"), QStringLiteral("OMG-13"),
        QStringLiteral("OMD")};
    return known.contains(t);
}

Result<MappedMessage> mapFhir(const Hl7Message &message, const MappingContext &context)
{
    const QString t = context.dataType;
    if (!isMappedDataType(t))
        return Failure{QStringLiteral("data type %1 is not imported").arg(t)};
    MappedMessage out;
    if (const Hl7Segment *pid = message.first(QStringLiteral("PID")))
        out.patient = demographics(*pid);
    else
        return Failure{QStringLiteral("malformed %1 message: no PID segment").arg(t)};

    ResourceList list(context);
    if (t == QLatin1String("ADT-00")) {
        QList<const Hl7Segment *> obx;
        for (const Hl7Segment &s : message.segments()) {
            if (s.name() == QLatin1String("OBX"))
                obx << &s;
        }
        mapObservations(obx, QStringLiteral("vital-signs"), {}, list, out.notes);
        mapAllergies(message, list, out.notes);
    } else if (t.startsWith(QLatin1String("ADT-6"))) {
        mapAllergies(message, list, out.notes);
    } else if (t.startsWith(QLatin1String("ADT-"))) {
        mapEncounter(message, list, out.notes);
    } else if (t == QLatin1String("PPR-01")) {
        mapConditions(message, list, out.notes);
    } else if (t == QLatin1String("OMP-01") || t == QLatin1String("OMP-02")) {
        mapMedicationRequests(message, t == QLatin1String("OMP-02"), list, out.notes);
    } else if (t == QLatin1String("OMP-11") || t == QLatin1String("OMP-12")) {
        mapMedicationAdministrations(message, t == QLatin1String("OMP-12"), list, out.notes);
    } else if (t == QLatin1String("OML-01")) {
        mapServiceRequests(message, QStringLiteral("labs"), list, out.notes);
    } else if (t == QLatin1String("OML-11")) {
        mapResults(message, QStringLiteral("labs"), list, out.notes);
    } else if (t == QLatin1String("OMG-01")) {
        mapServiceRequests(message, QStringLiteral("radiology"), list, out.notes);
    } else if (t == QLatin1String("OMG-02")) {
        mapServiceRequests(message, QStringLiteral("endoscopy"), list, out.notes);
    } else if (t == QLatin1String("OMG-03")) {
        mapServiceRequests(message, QStringLiteral("physiology"), list, out.notes);
    } else if (t == QLatin1String("OMG-11")) {
        mapImagingStudies(message, QStringLiteral("radiology"), list, out.notes);
    } else if (t == QLatin1String("OMG-12")) {
        mapImagingStudies(message, QStringLiteral("endoscopy"), list, out.notes);
    } else if (t == QLatin1String("OMG-13")) {
        mapResults(message, QStringLiteral("physiology"), list, out.notes);
    } else if (t == QLatin1String("OMD")) {
        mapNutritionOrder(message, list, out.notes);
    }
    out.resources = list.take();
    return out;
}

} // namespace Ssmix2
