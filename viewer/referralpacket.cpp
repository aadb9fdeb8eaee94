#include "referralpacket.h"

#include "labresultsmodel.h"
#include "medicationmodel.h"
#include "recorddetails.h"
#include "referraltr.h"
#include "timelinemodel.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace {

const QString kDischargeSummaryLoinc = QStringLiteral("18842-5");

QString facilityName(const QHash<QString, QString> &names, const QString &id)
{
    return names.value(id, id);
}

bool isDischargeSummary(const ClinicalRecord &record)
{
    const QJsonArray codings = record.raw.value(QLatin1String("type")).toObject()
                                   .value(QLatin1String("coding")).toArray();
    for (const QJsonValue &coding : codings) {
        if (coding.toObject().value(QLatin1String("code")).toString() == kDischargeSummaryLoinc)
            return true;
    }
    return false;
}

/// The body of a document the hub sent inline as text; binary or linked content stays with
/// the disclosing facility and is described by the fields instead.
QString inlineText(const ClinicalRecord &record)
{
    for (const QJsonValue &content : record.raw.value(QLatin1String("content")).toArray()) {
        const QJsonObject attachment = content.toObject().value(QLatin1String("attachment")).toObject();
        const QString type = attachment.value(QLatin1String("contentType")).toString();
        const QByteArray data = attachment.value(QLatin1String("data")).toString().toLatin1();
        if (type.startsWith(QLatin1String("text/")) && !data.isEmpty())
            return QString::fromUtf8(QByteArray::fromBase64(data));
    }
    return {};
}

std::optional<ReferralDocument> latestDischargeSummary(const QList<ClinicalRecord> &records,
                                                       const QHash<QString, QString> &names)
{
    // A discharge summary (LOINC 18842-5) is what the receiving doctor wants; any other
    // document only when the hospital sent no summary at all.
    const ClinicalRecord *best = nullptr;
    bool bestIsSummary = false;
    for (const ClinicalRecord &r : records) {
        if (r.resourceType != QLatin1String("DocumentReference") || !r.displayable)
            continue;
        const bool summary = isDischargeSummary(r);
        if (!best || (summary && !bestIsSummary) || (summary == bestIsSummary && r.date > best->date)) {
            best = &r;
            bestIsSummary = summary;
        }
    }
    if (!best)
        return std::nullopt;
    ReferralDocument document;
    document.title = best->title;
    document.date = recordDateText(*best);
    document.facility = facilityName(names, best->facilityId);
    for (const RecordField &field : recordDetailFields(*best, document.facility))
        document.fields.append({field.label, field.value});
    document.text = inlineText(*best);
    return document;
}

QList<ReferralMedication> currentMedication(const QList<ClinicalRecord> &records,
                                            const QHash<QString, QString> &names)
{
    MedicationModel model;
    model.appendRecords(records);
    // "Current" on a referral letter means the last prescription: every order group of the
    // newest prescription day (a hospital often splits one visit's drugs into several orders).
    QDate newest;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex group = model.index(row, 0);
        if (ClinicalRecord::Kind(group.data(MedicationModel::KindRole).toInt()) == ClinicalRecord::Kind::Prescriptions)
            newest = std::max(newest, group.data(MedicationModel::OrderDateRole).toDate());
    }
    QList<ReferralMedication> result;
    for (int row = 0; newest.isValid() && row < model.rowCount(); ++row) {
        const QModelIndex group = model.index(row, 0);
        if (ClinicalRecord::Kind(group.data(MedicationModel::KindRole).toInt()) != ClinicalRecord::Kind::Prescriptions
            || group.data(MedicationModel::OrderDateRole).toDate() != newest)
            continue;
        for (int child = 0; child < model.rowCount(group); ++child) {
            auto text = [&](int column) { return model.index(child, column, group).data().toString(); };
            ReferralMedication drug;
            drug.drug = text(MedicationModel::DrugColumn);
            drug.dose = text(MedicationModel::DoseColumn);
            drug.usage = text(MedicationModel::UsageColumn);
            drug.days = text(MedicationModel::DaysColumn);
            drug.date = newest.toString(QStringLiteral("yyyy/MM/dd"));
            drug.facility = facilityName(names, model.index(child, 0, group).data(MedicationModel::FacilityRole).toString());
            result << drug;
        }
    }
    return result;
}

ReferralLabTable chosenLabs(const QList<ClinicalRecord> &records, const QHash<QString, QString> &names,
                            const QStringList &tests, int maxColumns)
{
    LabResultsModel model;
    model.appendRecords(records);
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (tests.contains(model.index(row, LabResultsModel::TestColumn).data().toString()))
            rows << row;
    }
    // Only the collection times where a chosen test has a value, newest first.
    QList<int> columns;
    for (int column = LabResultsModel::FirstDateColumn; column < model.columnCount() && columns.size() < maxColumns; ++column) {
        for (int row : std::as_const(rows)) {
            if (model.index(row, column).data().isValid()) {
                columns << column;
                break;
            }
        }
    }
    ReferralLabTable table;
    for (int column : std::as_const(columns))
        table.times << model.headerData(column, Qt::Horizontal, LabResultsModel::DateTimeRole).toDateTime();
    for (int row : std::as_const(rows)) {
        ReferralLabTest test;
        test.name = model.index(row, LabResultsModel::TestColumn).data().toString();
        test.range = model.index(row, LabResultsModel::RangeColumn).data().toString();
        test.unit = model.index(row, LabResultsModel::RangeColumn).data(LabResultsModel::UnitRole).toString();
        for (int column : std::as_const(columns)) {
            const QModelIndex cell = model.index(row, column);
            test.cells << cell.data().toString();
            bool ok = false;
            const double value = cell.data(LabResultsModel::ValueRole).toString().toDouble(&ok);
            test.values << (ok ? value : std::numeric_limits<double>::quiet_NaN());
            const QString facility = cell.data(LabResultsModel::FacilityRole).toString();
            if (!facility.isEmpty() && !test.facilities.contains(facilityName(names, facility)))
                test.facilities << facilityName(names, facility);
        }
        table.tests << test;
    }
    return table;
}

QString firstText(const QJsonArray &array, const char *key)
{
    return array.isEmpty() ? QString() : array.first().toObject().value(QLatin1String(key)).toString();
}

/// AllergyIntolerance.category codes as a reader says them.
QString allergyCategoryText(const QString &code)
{
    if (code == QLatin1String("medication"))
        return ReferralTr::tr("Drug");
    if (code == QLatin1String("food"))
        return ReferralTr::tr("Food");
    if (code == QLatin1String("environment"))
        return ReferralTr::tr("Environment");
    if (code == QLatin1String("biologic"))
        return ReferralTr::tr("Biologic");
    return code;
}

QList<ReferralEntry> entriesOf(const QList<ClinicalRecord> &records, ClinicalRecord::Kind kind,
                               const QHash<QString, QString> &names)
{
    QList<ReferralEntry> entries;
    for (const ClinicalRecord &r : records) {
        if (r.kind != kind || !r.displayable)
            continue;
        ReferralEntry entry;
        entry.text = r.title;
        entry.date = recordDateText(r);
        entry.facility = facilityName(names, r.facilityId);
        // The note says 主診断 or 疑い; the category says drug, food or environment.
        entry.detail = kind == ClinicalRecord::Kind::Diagnoses
            ? firstText(r.raw.value(QLatin1String("note")).toArray(), "text")
            : allergyCategoryText(r.raw.value(QLatin1String("category")).toArray().at(0).toString());
        entries << entry;
    }
    return entries;
}

QList<ReferralKeyImage> keyImagesOf(const PatientSummary &patient, const QList<KeyImage> &marked,
                                    int *others)
{
    QList<ReferralKeyImage> images;
    for (const KeyImage &k : marked) {
        if (!keyImageBelongsTo(k, patient)) {
            ++*others;
            continue;
        }
        const QDate date = QDate::fromString(k.studyDate, QStringLiteral("yyyyMMdd"));
        images << ReferralKeyImage{k.image, k.caption,
                                   date.isValid() ? date.toString(QStringLiteral("yyyy/MM/dd")) : k.studyDate,
                                   k.institution};
    }
    return images;
}

} // namespace

QString referralSectionName(ReferralSection section)
{
    switch (section) {
    case ReferralSection::CoverLetter: return QStringLiteral("CoverLetter");
    case ReferralSection::DischargeSummary: return QStringLiteral("DischargeSummary");
    case ReferralSection::Medication: return QStringLiteral("Medication");
    case ReferralSection::Labs: return QStringLiteral("Labs");
    case ReferralSection::LabTrend: return QStringLiteral("LabTrend");
    case ReferralSection::Diagnoses: return QStringLiteral("Diagnoses");
    case ReferralSection::Allergies: return QStringLiteral("Allergies");
    case ReferralSection::KeyImages: return QStringLiteral("KeyImages");
    }
    return {};
}

QStringList ReferralPacket::sourceFacilities() const
{
    QStringList names;
    auto add = [&names](const QString &name) {
        if (!name.isEmpty() && !names.contains(name))
            names << name;
    };
    if (dischargeSummary && has(ReferralSection::DischargeSummary))
        add(dischargeSummary->facility);
    if (has(ReferralSection::Medication) || has(ReferralSection::CoverLetter)) {
        for (const ReferralMedication &m : medication)
            add(m.facility);
    }
    if (has(ReferralSection::Labs)) {
        for (const ReferralLabTest &t : labs.tests) {
            for (const QString &f : t.facilities)
                add(f);
        }
    }
    if (has(ReferralSection::Diagnoses) || has(ReferralSection::CoverLetter)) {
        for (const ReferralEntry &e : diagnoses)
            add(e.facility);
    }
    if (has(ReferralSection::Allergies)) {
        for (const ReferralEntry &e : allergies)
            add(e.facility);
    }
    if (has(ReferralSection::KeyImages)) {
        for (const ReferralKeyImage &k : keyImages)
            add(k.source);
    }
    return names;
}

QStringList ReferralPacket::sectionNames() const
{
    QStringList names;
    for (ReferralSection section : sections)
        names << referralSectionName(section);
    return names;
}

ReferralPacket buildReferralPacket(const PatientSummary &patient, const QList<ClinicalRecord> &records,
                                   const QHash<QString, QString> &facilityNames,
                                   const ReferralChoice &choice)
{
    ReferralPacket packet;
    packet.cover = choice.cover;
    packet.patient = patient;
    // Keep the packet's own order whatever order the choice listed them in.
    for (int i = 0; i < kReferralSectionCount; ++i) {
        if (choice.sections.contains(ReferralSection(i)))
            packet.sections << ReferralSection(i);
    }
    if (!packet.has(ReferralSection::Labs))
        packet.sections.removeAll(ReferralSection::LabTrend);
    packet.printedBy = choice.printedBy;
    packet.printedAt = choice.printedAt.isValid() ? choice.printedAt : QDateTime::currentDateTime();
    packet.dischargeSummary = latestDischargeSummary(records, facilityNames);
    packet.medication = currentMedication(records, facilityNames);
    if (packet.has(ReferralSection::Labs))
        packet.labs = chosenLabs(records, facilityNames, choice.labTests, std::max(1, choice.maxLabColumns));
    packet.diagnoses = entriesOf(records, ClinicalRecord::Kind::Diagnoses, facilityNames);
    packet.allergies = entriesOf(records, ClinicalRecord::Kind::Allergies, facilityNames);
    packet.keyImages = keyImagesOf(patient, choice.keyImages, &packet.keyImagesOfOtherPatients);
    return packet;
}

QStringList referralLabTests(const QList<ClinicalRecord> &records)
{
    LabResultsModel model;
    model.appendRecords(records);
    QStringList tests;
    for (int row = 0; row < model.rowCount(); ++row)
        tests << model.index(row, LabResultsModel::TestColumn).data().toString();
    return tests;
}
