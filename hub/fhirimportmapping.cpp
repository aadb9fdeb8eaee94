#include "fhirimportmapping.h"

#include "fhirpatient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace FhirImport {

namespace {

const QString kRenkeiCategory = QStringLiteral("urn:renkei:category");
const QString kLoinc = QStringLiteral("http://loinc.org");
const QString kRepresentation = QStringLiteral("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation");

/// Every code of every coding of a CodeableConcept (or a list of them), lower case.
QSet<QString> codesOf(const QJsonValue &concepts)
{
    QSet<QString> codes;
    const QJsonArray list = concepts.isArray() ? concepts.toArray() : QJsonArray{concepts};
    for (const QJsonValue &conceptValue : list) {
        if (conceptValue.isString()) // AllergyIntolerance.category is a list of plain codes
            codes.insert(conceptValue.toString().toLower());
        for (const QJsonValue &coding : conceptValue.toObject().value(QStringLiteral("coding")).toArray())
            codes.insert(coding.toObject().value(QStringLiteral("code")).toString().toLower());
    }
    return codes;
}

/// Renkei's own category code naming a disclosure kind (what the hub's SS-MIX2 mapping writes),
/// so that records exported by a hub come back with the same kind.
QString renkeiKind(const QJsonValue &concepts)
{
    static const QStringList kinds{QStringLiteral("prescriptions"), QStringLiteral("injections"), QStringLiteral("labs"),
                                   QStringLiteral("physiology"), QStringLiteral("radiology"), QStringLiteral("endoscopy")};
    const QJsonArray list = concepts.isArray() ? concepts.toArray() : QJsonArray{concepts};
    for (const QJsonValue &conceptValue : list) {
        for (const QJsonValue &coding : conceptValue.toObject().value(QStringLiteral("coding")).toArray()) {
            const QJsonObject c = coding.toObject();
            if (c.value(QStringLiteral("system")).toString() == kRenkeiCategory
                && kinds.contains(c.value(QStringLiteral("code")).toString()))
                return c.value(QStringLiteral("code")).toString();
        }
    }
    return {};
}

bool profileMentions(const QJsonObject &resource, QLatin1StringView word)
{
    for (const QJsonValue &profile : resource.value(QStringLiteral("meta")).toObject().value(QStringLiteral("profile")).toArray()) {
        if (profile.toString().contains(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isInjection(const QJsonObject &resource)
{
    const QSet<QString> codes = codesOf(resource.value(QStringLiteral("category")));
    return codes.contains(QStringLiteral("injection")) || codes.contains(QStringLiteral("inj"))
        || profileMentions(resource, QLatin1StringView("Injection"));
}

QString documentKind(const QSet<QString> &loincCodes)
{
    if (loincCodes.contains(QStringLiteral("18842-5")))
        return QStringLiteral("summaries");
    // Nurse notes and nursing discharge summaries.
    if (loincCodes.contains(QStringLiteral("34746-8")) || loincCodes.contains(QStringLiteral("34745-0")))
        return QStringLiteral("nursing-records");
    return QStringLiteral("physician-records");
}

QString observationKind(const QJsonObject &resource)
{
    const QJsonValue category = resource.value(QStringLiteral("category"));
    if (const QString own = renkeiKind(category); !own.isEmpty())
        return own;
    const QSet<QString> codes = codesOf(category);
    if (codes.contains(QStringLiteral("laboratory")) || codes.contains(QStringLiteral("vital-signs")))
        return QStringLiteral("labs");
    if (codes.contains(QStringLiteral("imaging")))
        return QStringLiteral("radiology");
    if (codes.contains(QStringLiteral("exam")) || codes.contains(QStringLiteral("procedure")))
        return QStringLiteral("physiology");
    if (codes.isEmpty())
        return QStringLiteral("labs");
    return QStringLiteral("physician-records"); // social-history, survey, therapy, activity
}

QString reportKind(const QJsonObject &resource)
{
    const QJsonValue category = resource.value(QStringLiteral("category"));
    if (const QString own = renkeiKind(category); !own.isEmpty())
        return own;
    // HL7 v2 table 0074 (diagnostic service sections), as FHIR's DiagnosticReport uses it.
    const QSet<QString> codes = codesOf(category);
    for (const char *code : {"rad", "ct", "mr", "nmr", "rx", "us", "vus", "nms", "xrc", "LP29684-5"}) {
        if (codes.contains(QString::fromLatin1(code).toLower()))
            return QStringLiteral("radiology");
    }
    for (const char *code : {"ec", "pf", "nrs", "cus", "ctgy"}) {
        if (codes.contains(QString::fromLatin1(code)))
            return QStringLiteral("physiology");
    }
    if (codes.contains(QStringLiteral("endoscopy")))
        return QStringLiteral("endoscopy");
    return QStringLiteral("labs");
}

QString serviceRequestKind(const QJsonObject &resource)
{
    const QJsonValue category = resource.value(QStringLiteral("category"));
    if (const QString own = renkeiKind(category); !own.isEmpty())
        return own;
    const QSet<QString> codes = codesOf(category);
    // SNOMED CT codes of FHIR's servicerequest-category value set, and plain words.
    if (codes.contains(QStringLiteral("108252007")) || codes.contains(QStringLiteral("laboratory")))
        return QStringLiteral("labs");
    if (codes.contains(QStringLiteral("363679005")) || codes.contains(QStringLiteral("imaging"))
        || codes.contains(QStringLiteral("radiology")))
        return QStringLiteral("radiology");
    if (codes.contains(QStringLiteral("endoscopy")))
        return QStringLiteral("endoscopy");
    if (codes.contains(QStringLiteral("physiology")))
        return QStringLiteral("physiology");
    return QStringLiteral("physician-records");
}

QString valueAt(const QJsonObject &resource, const QString &path)
{
    QJsonValue value = resource;
    for (const QString &part : path.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    return value.toString();
}

/// YYYY[-MM[-DD]] as given; a dateTime (with or without zone) in Japan time without the zone.
QString indexDate(const QString &fhir)
{
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    if (dateOnly.match(fhir).hasMatch())
        return fhir;
    QDateTime when = QDateTime::fromString(fhir, Qt::ISODateWithMs);
    if (!when.isValid())
        return {};
    if (when.timeSpec() != Qt::LocalTime) // a zone was given: show it as Japan time
        when = when.toOffsetFromUtc(9 * 3600);
    return when.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QString codingText(const QJsonObject &coding)
{
    return coding.value(QStringLiteral("system")).toString() + QLatin1Char('|')
        + coding.value(QStringLiteral("code")).toString();
}

QString preferredCode(const QJsonValue &conceptValue)
{
    static const QStringList preferred{
        QStringLiteral("http://hl7.org/fhir/sid/icd-10"), QStringLiteral("urn:oid:1.2.392.200119.4.504"),
        QStringLiteral("urn:oid:1.2.392.200119.4.403.1"), QStringLiteral("urn:oid:1.2.392.100495.20.2.74"),
        kLoinc};
    const QJsonArray codings = conceptValue.toObject().value(QStringLiteral("coding")).toArray();
    for (const QString &system : preferred) {
        for (const QJsonValue &coding : codings) {
            if (coding.toObject().value(QStringLiteral("system")).toString() == system
                && !coding.toObject().value(QStringLiteral("code")).toString().isEmpty())
                return codingText(coding.toObject());
        }
    }
    for (const QJsonValue &coding : codings) {
        if (!coding.toObject().value(QStringLiteral("code")).toString().isEmpty())
            return codingText(coding.toObject());
    }
    return {};
}

/// Family and given name of a HumanName; from `text` ("山田 太郎") when the parts are missing.
std::pair<QString, QString> nameParts(const QJsonObject &name)
{
    QString family = name.value(QStringLiteral("family")).toString();
    QStringList given;
    for (const QJsonValue &part : name.value(QStringLiteral("given")).toArray())
        given << part.toString();
    if (family.isEmpty() && given.isEmpty()) {
        const QStringList words = name.value(QStringLiteral("text")).toString()
                                      .split(QRegularExpression(QStringLiteral("[\\s\\x{3000}]+")), Qt::SkipEmptyParts);
        family = words.value(0);
        given = words.mid(1);
    }
    return {family, given.join(QLatin1Char(' '))};
}

QString representationOf(const QJsonObject &name)
{
    for (const QJsonValue &extension : name.value(QStringLiteral("extension")).toArray()) {
        if (extension.toObject().value(QStringLiteral("url")).toString() == kRepresentation)
            return extension.toObject().value(QStringLiteral("valueCode")).toString();
    }
    return {};
}

bool isKana(const QString &text)
{
    bool any = false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool kana = (u >= 0x3041 && u <= 0x309F) || (u >= 0x30A0 && u <= 0x30FF) || (u >= 0xFF66 && u <= 0xFF9F);
        if (kana)
            any = true;
        else if (!c.isSpace() && u != 0x3000)
            return false;
    }
    return any;
}

} // namespace

bool isR4ResourceType(const QString &type)
{
    static const QSet<QString> types = [] {
        QSet<QString> set;
        for (const char *name : {
                 "Account", "ActivityDefinition", "AdverseEvent", "AllergyIntolerance", "Appointment",
                 "AppointmentResponse", "AuditEvent", "Basic", "Binary", "BiologicallyDerivedProduct",
                 "BodyStructure", "Bundle", "CapabilityStatement", "CarePlan", "CareTeam", "CatalogEntry",
                 "ChargeItem", "ChargeItemDefinition", "Claim", "ClaimResponse", "ClinicalImpression",
                 "CodeSystem", "Communication", "CommunicationRequest", "CompartmentDefinition", "Composition",
                 "ConceptMap", "Condition", "Consent", "Contract", "Coverage", "CoverageEligibilityRequest",
                 "CoverageEligibilityResponse", "DetectedIssue", "Device", "DeviceDefinition", "DeviceMetric",
                 "DeviceRequest", "DeviceUseStatement", "DiagnosticReport", "DocumentManifest",
                 "DocumentReference", "EffectEvidenceSynthesis", "Encounter", "Endpoint", "EnrollmentRequest",
                 "EnrollmentResponse", "EpisodeOfCare", "EventDefinition", "Evidence", "EvidenceVariable",
                 "ExampleScenario", "ExplanationOfBenefit", "FamilyMemberHistory", "Flag", "Goal",
                 "GraphDefinition", "Group", "GuidanceResponse", "HealthcareService", "ImagingStudy",
                 "Immunization", "ImmunizationEvaluation", "ImmunizationRecommendation", "ImplementationGuide",
                 "InsurancePlan", "Invoice", "Library", "Linkage", "List", "Location", "Measure", "MeasureReport",
                 "Media", "Medication", "MedicationAdministration", "MedicationDispense", "MedicationKnowledge",
                 "MedicationRequest", "MedicationStatement", "MedicinalProduct", "MedicinalProductAuthorization",
                 "MedicinalProductContraindication", "MedicinalProductIndication", "MedicinalProductIngredient",
                 "MedicinalProductInteraction", "MedicinalProductManufactured", "MedicinalProductPackaged",
                 "MedicinalProductPharmaceutical", "MedicinalProductUndesirableEffect", "MessageDefinition",
                 "MessageHeader", "MolecularSequence", "NamingSystem", "NutritionOrder", "Observation",
                 "ObservationDefinition", "OperationDefinition", "OperationOutcome", "Organization",
                 "OrganizationAffiliation", "Parameters", "Patient", "PaymentNotice", "PaymentReconciliation",
                 "Person", "PlanDefinition", "Practitioner", "PractitionerRole", "Procedure", "Provenance",
                 "Questionnaire", "QuestionnaireResponse", "RelatedPerson", "RequestGroup", "ResearchDefinition",
                 "ResearchElementDefinition", "ResearchStudy", "ResearchSubject", "RiskAssessment",
                 "RiskEvidenceSynthesis", "Schedule", "SearchParameter", "ServiceRequest", "Slot", "Specimen",
                 "SpecimenDefinition", "StructureDefinition", "StructureMap", "Subscription", "Substance",
                 "SubstanceNucleicAcid", "SubstancePolymer", "SubstanceProtein", "SubstanceReferenceInformation",
                 "SubstanceSourceMaterial", "SubstanceSpecification", "SupplyDelivery", "SupplyRequest", "Task",
                 "TerminologyCapabilities", "TestReport", "TestScript", "ValueSet", "VerificationResult",
                 "VisionPrescription"})
            set.insert(QString::fromLatin1(name));
        return set;
    }();
    return types.contains(type);
}

QString patientElement(const QString &type)
{
    return type == QLatin1String("AllergyIntolerance") || type == QLatin1String("NutritionOrder")
        ? QStringLiteral("patient") : QStringLiteral("subject");
}

QString disclosureKind(const QJsonObject &resource)
{
    const QString type = resource.value(QStringLiteral("resourceType")).toString();
    if (type == QLatin1String("Encounter"))
        return QStringLiteral("summaries");
    if (type == QLatin1String("Condition"))
        return QStringLiteral("diagnoses");
    if (type == QLatin1String("AllergyIntolerance"))
        return QStringLiteral("allergies");
    if (type == QLatin1String("MedicationRequest") || type == QLatin1String("MedicationAdministration"))
        return isInjection(resource) ? QStringLiteral("injections") : QStringLiteral("prescriptions");
    if (type == QLatin1String("Observation"))
        return observationKind(resource);
    if (type == QLatin1String("DiagnosticReport"))
        return reportKind(resource);
    if (type == QLatin1String("ServiceRequest"))
        return serviceRequestKind(resource);
    if (type == QLatin1String("ImagingStudy"))
        return QStringLiteral("images");
    if (type == QLatin1String("DocumentReference")) {
        QSet<QString> loinc;
        for (const QJsonValue &coding : resource.value(QStringLiteral("type")).toObject().value(QStringLiteral("coding")).toArray()) {
            if (coding.toObject().value(QStringLiteral("system")).toString() == kLoinc)
                loinc.insert(coding.toObject().value(QStringLiteral("code")).toString());
        }
        return documentKind(loinc);
    }
    return QStringLiteral("physician-records"); // NutritionOrder
}

QString clinicalDate(const QJsonObject &resource)
{
    static const QHash<QString, QStringList> paths{
        {QStringLiteral("Encounter"), {QStringLiteral("period.start")}},
        {QStringLiteral("Condition"), {QStringLiteral("onsetDateTime"), QStringLiteral("recordedDate")}},
        {QStringLiteral("AllergyIntolerance"), {QStringLiteral("onsetDateTime"), QStringLiteral("recordedDate")}},
        {QStringLiteral("MedicationRequest"), {QStringLiteral("authoredOn")}},
        {QStringLiteral("MedicationAdministration"), {QStringLiteral("effectiveDateTime"), QStringLiteral("effectivePeriod.start")}},
        {QStringLiteral("ServiceRequest"), {QStringLiteral("authoredOn")}},
        {QStringLiteral("Observation"), {QStringLiteral("effectiveDateTime"), QStringLiteral("effectivePeriod.start"), QStringLiteral("issued")}},
        {QStringLiteral("DiagnosticReport"), {QStringLiteral("effectiveDateTime"), QStringLiteral("effectivePeriod.start"), QStringLiteral("issued")}},
        {QStringLiteral("ImagingStudy"), {QStringLiteral("started")}},
        {QStringLiteral("DocumentReference"), {QStringLiteral("date")}},
        {QStringLiteral("NutritionOrder"), {QStringLiteral("dateTime")}},
    };
    for (const QString &path : paths.value(resource.value(QStringLiteral("resourceType")).toString())) {
        const QString date = indexDate(valueAt(resource, path));
        if (!date.isEmpty())
            return date;
    }
    return {};
}

QString mainCode(const QJsonObject &resource)
{
    const QString type = resource.value(QStringLiteral("resourceType")).toString();
    if (type == QLatin1String("MedicationRequest") || type == QLatin1String("MedicationAdministration"))
        return preferredCode(resource.value(QStringLiteral("medicationCodeableConcept")));
    if (type == QLatin1String("DocumentReference"))
        return preferredCode(resource.value(QStringLiteral("type")));
    if (type == QLatin1String("ImagingStudy"))
        return preferredCode(resource.value(QStringLiteral("procedureCode")).toArray().first());
    if (type == QLatin1String("Encounter"))
        return preferredCode(resource.value(QStringLiteral("type")).toArray().first());
    return preferredCode(resource.value(QStringLiteral("code")));
}

Result<Patient> patientFrom(const QJsonObject &resource, const QString &facility, const QString &idSystem)
{
    Patient patient;
    bool kanjiSeen = false;
    bool kanaSeen = false;
    for (const QJsonValue &value : resource.value(QStringLiteral("name")).toArray()) {
        const QJsonObject name = value.toObject();
        const auto [family, given] = nameParts(name);
        const QString representation = representationOf(name);
        const bool kana = representation == QLatin1String("SYL")
            || (representation.isEmpty() && isKana(family + given));
        if (kana && !kanaSeen) {
            patient.familyKana = family;
            patient.givenKana = given;
            kanaSeen = true;
        } else if (!kana && representation != QLatin1String("ABC") && !kanjiSeen) {
            patient.familyName = family;
            patient.givenName = given;
            kanjiSeen = true;
        }
    }
    const QString gender = resource.value(QStringLiteral("gender")).toString();
    static const QStringList genders{QStringLiteral("male"), QStringLiteral("female"), QStringLiteral("other")};
    patient.gender = genders.contains(gender) ? gender : QStringLiteral("unknown");
    static const QRegularExpression date(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    const QString birthDate = resource.value(QStringLiteral("birthDate")).toString();
    if (date.match(birthDate).hasMatch())
        patient.birthDate = birthDate;

    const QJsonArray identifiers = resource.value(QStringLiteral("identifier")).toArray();
    auto pick = [&](const std::function<bool(const QJsonObject &)> &accept) -> QString {
        for (const QJsonValue &identifier : identifiers) {
            const QJsonObject i = identifier.toObject();
            if (!i.value(QStringLiteral("value")).toString().isEmpty() && accept(i))
                return i.value(QStringLiteral("value")).toString();
        }
        return {};
    };
    auto system = [](const QJsonObject &i) { return i.value(QStringLiteral("system")).toString(); };
    QString localId;
    if (!idSystem.isEmpty()) {
        localId = pick([&](const QJsonObject &i) { return system(i) == idSystem; });
        if (localId.isEmpty())
            return Failure{QStringLiteral("Patient has no identifier with system %1 (--id-system)").arg(idSystem)};
    }
    if (localId.isEmpty())
        localId = pick([&](const QJsonObject &i) { return system(i) == facilityIdentifierSystem(facility); });
    if (localId.isEmpty()) // JP-Core: urn:oid:1.2.392.100495.20.3.51.1 + the medical institution code
        localId = pick([&](const QJsonObject &i) { return system(i).startsWith(QLatin1String("urn:oid:1.2.392.100495.20.3.51.")); });
    if (localId.isEmpty())
        localId = pick([&](const QJsonObject &i) { return codesOf(i.value(QStringLiteral("type"))).contains(QStringLiteral("mr")); });
    if (localId.isEmpty() && identifiers.size() == 1)
        localId = pick([](const QJsonObject &) { return true; });
    if (localId.isEmpty())
        return Failure{identifiers.isEmpty()
                           ? QStringLiteral("Patient has no identifier: the facility's local patient ID is needed")
                           : QStringLiteral("cannot tell which of the Patient's identifiers is the facility's local "
                                            "patient ID (give --id-system SYSTEM)")};
    patient.identifiers.append({facility, {}, localId});
    return patient;
}

void rewriteReferences(QJsonValue &value, const std::function<std::optional<QString>(const QString &)> &map)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue item = array.at(i);
            rewriteReferences(item, map);
            array.replace(i, item);
        }
        value = array;
    } else if (value.isObject()) {
        value = rewriteReferences(value.toObject(), map);
    }
}

QJsonObject rewriteReferences(const QJsonObject &object, const std::function<std::optional<QString>(const QString &)> &map)
{
    QJsonObject result = object;
    for (auto it = result.begin(); it != result.end(); ++it) {
        const bool referenceText = it.key() == QLatin1String("reference") && it.value().isString();
        // An attachment's url names the Binary that holds the content.
        const bool attachmentUrl = it.key() == QLatin1String("url") && it.value().isString()
            && object.contains(QStringLiteral("contentType"));
        if (referenceText || attachmentUrl) {
            if (const auto mapped = map(it.value().toString()))
                it.value() = *mapped;
            continue;
        }
        QJsonValue child = it.value();
        if (child.isArray() || child.isObject()) {
            rewriteReferences(child, map);
            it.value() = child;
        }
    }
    return result;
}

DocumentPair documentFromComposition(const QJsonObject &composition, const QByteArray &bundleBytes,
                                     const QString &referenceId, const QString &binaryId, const QString &facility)
{
    QSet<QString> loinc;
    for (const QJsonValue &coding : composition.value(QStringLiteral("type")).toObject().value(QStringLiteral("coding")).toArray()) {
        if (coding.toObject().value(QStringLiteral("system")).toString() == kLoinc)
            loinc.insert(coding.toObject().value(QStringLiteral("code")).toString());
    }
    const QString kind = documentKind(loinc);
    const QString category = loinc.contains(QStringLiteral("18842-5")) ? QStringLiteral("discharge-summary")
        : loinc.contains(QStringLiteral("57133-1"))                       ? QStringLiteral("referral-note")
        : loinc.contains(QStringLiteral("11506-3"))                       ? QStringLiteral("progress-note")
                                                                          : QStringLiteral("document");
    const QString title = composition.value(QStringLiteral("title")).toString();
    QJsonObject attachment{{QStringLiteral("contentType"), QStringLiteral("application/fhir+json")},
                           {QStringLiteral("url"), QStringLiteral("Binary/") + binaryId},
                           {QStringLiteral("size"), int(bundleBytes.size())},
                           {QStringLiteral("hash"), QString::fromLatin1(QCryptographicHash::hash(bundleBytes, QCryptographicHash::Sha1).toBase64())}};
    if (!title.isEmpty())
        attachment.insert(QStringLiteral("title"), title);
    QJsonArray authors;
    for (const QJsonValue &author : composition.value(QStringLiteral("author")).toArray()) {
        const QString display = author.toObject().value(QStringLiteral("display")).toString();
        if (!display.isEmpty())
            authors.append(QJsonObject{{QStringLiteral("display"), display}});
    }
    QJsonObject reference{
        {QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
        {QStringLiteral("id"), referenceId},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("source"), QStringLiteral("urn:renkei:facility:") + facility}}},
        {QStringLiteral("status"), QStringLiteral("current")},
        {QStringLiteral("category"), QJsonArray{QJsonObject{{QStringLiteral("coding"), QJsonArray{QJsonObject{
             {QStringLiteral("system"), kRenkeiCategory}, {QStringLiteral("code"), category}}}}}}},
        {QStringLiteral("custodian"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Organization/") + facility}}},
        {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("attachment"), attachment}}}},
    };
    if (composition.value(QStringLiteral("type")).isObject())
        reference.insert(QStringLiteral("type"), composition.value(QStringLiteral("type")));
    if (composition.value(QStringLiteral("subject")).isObject())
        reference.insert(QStringLiteral("subject"), composition.value(QStringLiteral("subject")));
    // DocumentReference.date is an instant: only a Composition date with a time and zone fits.
    const QString date = composition.value(QStringLiteral("date")).toString();
    static const QRegularExpression instant(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$"));
    if (instant.match(date).hasMatch())
        reference.insert(QStringLiteral("date"), date);
    if (!authors.isEmpty())
        reference.insert(QStringLiteral("author"), authors);
    if (!title.isEmpty())
        reference.insert(QStringLiteral("description"), title);
    const QJsonObject binary{
        {QStringLiteral("resourceType"), QStringLiteral("Binary")},
        {QStringLiteral("id"), binaryId},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("source"), QStringLiteral("urn:renkei:facility:") + facility}}},
        {QStringLiteral("contentType"), QStringLiteral("application/fhir+json")},
        {QStringLiteral("securityContext"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("DocumentReference/") + referenceId}}},
        {QStringLiteral("data"), QString::fromLatin1(bundleBytes.toBase64())},
    };
    return {reference, binary, kind};
}

} // namespace FhirImport
