#include "demohistories.h"

#include "demodocuments.h"
#include "iso2022jp.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cmath>

namespace DemoHistories {

namespace {

// Fixed so every demo network holds the same histories (QRandomGenerator's seeded sequence
// is defined by Qt, so it matches across platforms).
constexpr quint32 kSeed = 20260401;
const QDate kLastDay(2026, 3, 31);

struct Drug
{
    QString code;  ///< HOT9 (illustrative)
    QString name;
    int dose;      ///< tablets per intake
    int timesPerDay;
    QString usageCode; ///< JAMI 用法コード (JAMISDP01)
    QString usageText;
};

struct LabItem
{
    QString code; ///< JLAC10 (illustrative)
    QString name;
    QString unit;       ///< the UCUM code
    QString unitSystem; ///< ISO+ for UCUM units
    double low;
    double high;      ///< < low when open-ended above ("60-")
    int decimals;
    /// What the hospital's report prints (OBX-6.2), when it differs from the code; HL7
    /// escaped, as "^" separates components.
    QString unitText = {};
};

const Drug kMetformin{QStringLiteral("620008101"), QStringLiteral("メトグルコ錠２５０ｍｇ"), 2, 2,
                      QStringLiteral("1012040400000000"), QStringLiteral("内服・経口・１日２回朝夕食後")};
const Drug kAmlodipine{QStringLiteral("619992601"), QStringLiteral("アムロジピン錠５ｍｇ"), 1, 1,
                       QStringLiteral("1011040000000000"), QStringLiteral("内服・経口・１日１回朝食後")};
const Drug kRosuvastatin{QStringLiteral("621630901"), QStringLiteral("クレストール錠２．５ｍｇ"), 1, 1,
                         QStringLiteral("1011000400000000"), QStringLiteral("内服・経口・１日１回夕食後")};
const Drug kSitagliptin{QStringLiteral("618660301"), QStringLiteral("ジャヌビア錠５０ｍｇ"), 1, 1,
                        QStringLiteral("1011040000000000"), QStringLiteral("内服・経口・１日１回朝食後")};
const Drug kCarbocisteine{QStringLiteral("612230101"), QStringLiteral("ムコダイン錠５００ｍｇ"), 1, 3,
                          QStringLiteral("1013044400000000"), QStringLiteral("内服・経口・１日３回毎食後")};

enum Lab { HbA1c, Glucose, Ast, Alt, Creatinine, Egfr, Wbc, Hemoglobin, Crp };

LabItem labItem(Lab lab, bool female)
{
    switch (lab) {
    case HbA1c: return {QStringLiteral("3D046000001906202"), QStringLiteral("HbA1c"), QStringLiteral("%"), QStringLiteral("ISO+"), 4.9, 6.0, 1};
    case Glucose: return {QStringLiteral("3D010000001926101"), QStringLiteral("血糖"), QStringLiteral("mg/dL"), QStringLiteral("ISO+"), 73, 109, 0};
    case Ast: return {QStringLiteral("3B035000002327201"), QStringLiteral("AST"), QStringLiteral("U/L"), QStringLiteral("ISO+"), 13, 30, 0};
    case Alt: return {QStringLiteral("3B045000002327201"), QStringLiteral("ALT"), QStringLiteral("U/L"), QStringLiteral("ISO+"), female ? 7.0 : 10.0, female ? 23.0 : 42.0, 0};
    case Creatinine: return {QStringLiteral("3C015000002327101"), QStringLiteral("クレアチニン"), QStringLiteral("mg/dL"), QStringLiteral("ISO+"), female ? 0.46 : 0.65, female ? 0.79 : 1.07, 2};
    case Egfr: return {QStringLiteral("8A065000002391901"), QStringLiteral("eGFR"), QStringLiteral("mL/min/{1.73_m2}"), QStringLiteral("ISO+"), 60, 0, 1, QStringLiteral("mL/分/1.73m2")};
    case Wbc: return {QStringLiteral("2A990000001930101"), QStringLiteral("白血球数"), QStringLiteral("10*3/uL"), QStringLiteral("ISO+"), 3.3, 8.6, 1, QStringLiteral("10\\S\\3/μL")};
    case Hemoglobin: return {QStringLiteral("2A030000001930101"), QStringLiteral("ヘモグロビン"), QStringLiteral("g/dL"), QStringLiteral("ISO+"), female ? 11.6 : 13.7, female ? 14.8 : 16.8, 1};
    case Crp: return {QStringLiteral("5C070000002329201"), QStringLiteral("CRP"), QStringLiteral("mg/dL"), QStringLiteral("ISO+"), 0.0, 0.14, 2};
    }
    return {};
}

QString hl7Date(const QDate &date) { return date.toString(QStringLiteral("yyyyMMdd")); }
QString hl7Time(const QDateTime &time) { return time.toString(QStringLiteral("yyyyMMddHHmmss")); }

/// A segment from (field number, value) pairs; unnamed fields stay empty.
QString segment(const QString &name, const QList<QPair<int, QString>> &fields)
{
    int last = 0;
    for (const auto &field : fields)
        last = std::max(last, field.first);
    QStringList parts(last + 1);
    parts[0] = name;
    for (const auto &[number, value] : fields)
        parts[number] = value;
    return parts.join(QLatin1Char('|'));
}

/// One patient's messages at one hospital.
class PatientWriter
{
public:
    PatientWriter(const QString &root, const QString &facility, const QString &facilityName, int facilityIndex,
                  const Patient &patient, const QString &localId, quint64 &orderNumber, int &files)
        : m_root(root), m_facility(facility), m_facilityName(facilityName), m_patient(patient),
          m_localId(localId), m_orderNumber(orderNumber), m_files(files)
    {
        m_doctor = facilityIndex == 0 ? QStringLiteral("D101^内田^健一^^^^^^^L^^^^^I")
                                      : QStringLiteral("D201^松井^恵子^^^^^^^L^^^^^I");
    }

    Status write(const QString &dataType, const QDate &careDate, const QDateTime &stamp,
                 const QString &messageType, const QStringList &segments)
    {
        const QString order = QStringLiteral("%1").arg(++m_orderNumber, 15, 10, QLatin1Char('0'));
        const QString care = careDate.isValid() ? hl7Date(careDate) : QStringLiteral("-");
        const QString folder = QStringLiteral("%1/%2/%3/%4/%5/%6/%7")
                                   .arg(m_root, m_facility, m_localId.left(3), m_localId.mid(3, 3), m_localId, care, dataType);
        const QString fileName = QStringLiteral("%1_%2_%3_%4_%5_01_1")
                                     .arg(m_localId, care, dataType, order, stamp.toString(QStringLiteral("yyyyMMddHHmmsszzz")));
        QStringList lines{
            QStringLiteral("MSH|^~\\&|RENKEI-DEMO|%1|GW|RCV|%2||%3|%4|P|2.5||||||~ISO IR87||ISO 2022-1994|"
                           "SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO")
                .arg(m_facility, hl7Time(stamp), messageType, order),
            pid()};
        lines << segments;
        const auto bytes = Ssmix2::encodeIso2022Jp(lines.join(QLatin1Char('\r')) + QLatin1Char('\r'));
        if (!bytes)
            return Failure{QStringLiteral("%1: %2").arg(fileName, bytes.error())};
        if (!QDir().mkpath(folder))
            return Failure{QStringLiteral("cannot create %1").arg(folder)};
        QFile file(folder + QLatin1Char('/') + fileName);
        if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size())
            return Failure{QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString())};
        ++m_files;
        return success();
    }

    /// The admission's discharge summary as CDA R2 in the extended storage,
    /// `…/ID/<discharge date>/18842-5/<standard file name>.xml`, written two hours after discharge.
    Status writeDischargeSummary(const QDateTime &admitted, const QDateTime &discharged)
    {
        const QDateTime written = discharged.addSecs(2 * 3600);
        const QStringList doctor = m_doctor.split(QLatin1Char('^'));
        const QByteArray bytes = DemoDocuments::dischargeSummaryCda(
            {m_facility, m_facilityName, m_localId, m_patient.familyName, m_patient.givenName, m_patient.gender,
             m_patient.birthDate, doctor.value(1), doctor.value(2), admitted, discharged, written});
        const QString type = QStringLiteral("18842-5");
        const QString care = hl7Date(discharged.date());
        const QString folder = QStringLiteral("%1/%2/%3/%4/%5/%6/%7")
                                   .arg(m_root, m_facility, m_localId.left(3), m_localId.mid(3, 3), m_localId, care, type);
        const QString fileName = QStringLiteral("%1_%2_%3_%4_%5_01_1.xml")
                                     .arg(m_localId, care, type, QStringLiteral("%1").arg(++m_orderNumber, 15, 10, QLatin1Char('0')),
                                          written.toString(QStringLiteral("yyyyMMddHHmmsszzz")));
        if (!QDir().mkpath(folder))
            return Failure{QStringLiteral("cannot create %1").arg(folder)};
        QFile file(folder + QLatin1Char('/') + fileName);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return Failure{QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString())};
        ++m_files;
        return success();
    }

    QString pid() const
    {
        const QString sex = m_patient.gender == QLatin1String("male") ? QStringLiteral("M")
            : m_patient.gender == QLatin1String("female")              ? QStringLiteral("F")
            : m_patient.gender == QLatin1String("other")               ? QStringLiteral("O")
                                                                       : QStringLiteral("U");
        return segment(QStringLiteral("PID"),
                       {{1, QStringLiteral("0001")}, {3, m_localId + QStringLiteral("^^^^PI")},
                        {5, QStringLiteral("%1^%2^^^^^L^I~%3^%4^^^^^L^P")
                                .arg(m_patient.familyName, m_patient.givenName, m_patient.familyKana, m_patient.givenKana)},
                        {7, QString(m_patient.birthDate).remove(QLatin1Char('-'))}, {8, sex}});
    }

    QString outpatientVisit() const
    {
        return segment(QStringLiteral("PV1"), {{1, QStringLiteral("0001")}, {2, QStringLiteral("O")},
                                               {3, QStringLiteral("01^^^^^C")}, {7, m_doctor}});
    }
    QString inpatientVisit() const
    {
        return segment(QStringLiteral("PV1"), {{1, QStringLiteral("0001")}, {2, QStringLiteral("I")},
                                               {3, QStringLiteral("5A^512^2^^^N")}, {7, m_doctor}});
    }

    QString orc(const QString &control, const QString &placer, const QString &group, const QDateTime &when,
                bool inpatient) const
    {
        return segment(QStringLiteral("ORC"),
                       {{1, control}, {2, placer}, {4, group}, {9, hl7Time(when)}, {12, m_doctor},
                        {17, QStringLiteral("01^内科^99XY1")}, {21, m_facilityName},
                        {29, inpatient ? QStringLiteral("I^入院患者オーダ^HL70482") : QStringLiteral("O^外来患者オーダ^HL70482")}});
    }

    QString nextPlacer() const { return QStringLiteral("%1").arg(m_orderNumber + 1, 15, 10, QLatin1Char('0')); }
    const QString &doctor() const { return m_doctor; }

private:
    QString m_root, m_facility, m_facilityName;
    const Patient &m_patient;
    QString m_localId;
    QString m_doctor;
    quint64 &m_orderNumber;
    int &m_files;
};

QString formatted(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString obx(int setId, const LabItem &item, double value, const QDateTime &when)
{
    const double rounded = std::round(value * std::pow(10, item.decimals)) / std::pow(10, item.decimals);
    QString flag;
    if (rounded < item.low)
        flag = QStringLiteral("L");
    else if (item.high > item.low && rounded > item.high)
        flag = QStringLiteral("H");
    const QString range = item.high > item.low
        ? formatted(item.low, item.decimals) + QLatin1Char('-') + formatted(item.high, item.decimals)
        : formatted(item.low, 0) + QLatin1Char('-');
    return segment(QStringLiteral("OBX"),
                   {{1, QString::number(setId)}, {2, QStringLiteral("NM")},
                    {3, QStringLiteral("%1^%2^JC10").arg(item.code, item.name)},
                    {5, formatted(rounded, item.decimals)},
                    {6, QStringLiteral("%1^%2^%3").arg(item.unit, item.unitText.isEmpty() ? item.unit : item.unitText, item.unitSystem)},
                    {7, range}, {8, flag}, {11, QStringLiteral("F")},
                    {14, when.toString(QStringLiteral("yyyyMMddHHmm"))}});
}

/// The patient's physiology, drifting with time: what the lab values are drawn around.
struct Course
{
    bool female = false;
    QDate birth;
    double hba1cStart = 6.2, hba1cSlope = 0.3;   // % and %/year
    double creatinineStart = 0.8, creatinineSlope = 0.05;
    double ast = 22, alt = 20, wbc = 6.0, hemoglobin = 14.0;

    double years(const QDate &from, const QDate &to) const { return from.daysTo(to) / 365.25; }
    double egfr(double creatinine, const QDate &on) const
    {
        // JSN equation for Japanese adults: 194 × Cr^-1.094 × age^-0.287 (× 0.739 for women).
        const double age = std::max(18.0, years(birth, on));
        return 194.0 * std::pow(creatinine, -1.094) * std::pow(age, -0.287) * (female ? 0.739 : 1.0);
    }
};

Status writeLabs(PatientWriter &w, const Course &course, const QDateTime &when, const QList<QPair<Lab, double>> &values,
                 bool inpatient)
{
    const QString placer = w.nextPlacer();
    QStringList segments{
        inpatient ? w.inpatientVisit() : w.outpatientVisit(),
        segment(QStringLiteral("SPM"), {{1, QStringLiteral("1")}, {2, placer}, {4, QStringLiteral("023^血清^JC10")},
                                        {17, when.toString(QStringLiteral("yyyyMMddHHmm"))}}),
        segment(QStringLiteral("OBR"), {{1, QStringLiteral("1")}, {2, placer}, {3, placer},
                                        {4, QStringLiteral("E001^生化学・血液学検査^99O03")},
                                        {7, hl7Time(when)}, {16, w.doctor()}, {22, hl7Time(when.addSecs(3600))}}),
        w.orc(QStringLiteral("SC"), placer, {}, when.addSecs(3600), inpatient),
    };
    int setId = 0;
    for (const auto &[lab, value] : values)
        segments << obx(++setId, labItem(lab, course.female), value, when);
    return w.write(QStringLiteral("OML-11"), when.date(), when.addSecs(3600), QStringLiteral("OUL^R22^OUL_R22"), segments);
}

Status writePrescription(PatientWriter &w, const QDateTime &when, const QList<Drug> &drugs, int days)
{
    const QString placer = w.nextPlacer();
    QStringList segments{w.outpatientVisit()};
    int group = 0;
    for (const Drug &drug : drugs) {
        const int daily = drug.dose * drug.timesPerDay;
        segments << w.orc(QStringLiteral("NW"), placer, QString::number(++group), when, false)
                 << segment(QStringLiteral("RXE"),
                            {{2, QStringLiteral("%1^%2^HOT9").arg(drug.code, drug.name)},
                             {3, QString::number(drug.dose)}, {5, QStringLiteral("TAB^錠^MR9P")},
                             {10, QString::number(daily * days)}, {11, QStringLiteral("TAB^錠^MR9P")},
                             {15, placer + QString::number(group)},
                             {19, QStringLiteral("%1^TAB&錠&MR9P").arg(daily)},
                             {21, QStringLiteral("OHP^外来処方^MR9P~OHI^院内処方^MR9P")}})
                 << segment(QStringLiteral("TQ1"),
                            {{1, QStringLiteral("1")},
                             {3, QStringLiteral("%1&%2&JAMISDP01").arg(drug.usageCode, drug.usageText)},
                             {6, QStringLiteral("%1^d").arg(days)}, {7, hl7Date(when.date()) + QStringLiteral("00")}})
                 << QStringLiteral("RXR|PO^口^HL70162");
    }
    return w.write(QStringLiteral("OMP-01"), when.date(), when.addSecs(600), QStringLiteral("RDE^O11^RDE_O11"), segments);
}

struct Diagnosis
{
    QString icd10; ///< as SS-MIX2 writes it, without the dot
    QString name;
    QDate onset;
    bool primary;
};

Status writeDiagnoses(PatientWriter &w, const QDateTime &when, const QList<Diagnosis> &diagnoses)
{
    QStringList segments{w.outpatientVisit()};
    int number = 0;
    for (const Diagnosis &d : diagnoses) {
        QList<QPair<int, QString>> fields{
            {1, QStringLiteral("AD")}, {2, hl7Date(d.onset)},
            {4, QStringLiteral("%1").arg(++number, 3, 10, QLatin1Char('0'))},
            {10, QStringLiteral("%1^%2^I10").arg(d.icd10, d.name)},
            {16, hl7Date(d.onset)}, {17, d.name}};
        if (d.primary)
            fields << qMakePair(18, QStringLiteral("1^主診断^JHSD0007"));
        segments << segment(QStringLiteral("PRB"), fields);
    }
    segments << w.orc(QStringLiteral("NW"), w.nextPlacer(), {}, when, false);
    return w.write(QStringLiteral("PPR-01"), {}, when, QStringLiteral("PPR^ZD1^PPR_ZD1"), segments);
}

Status writeRegistration(PatientWriter &w, const QDateTime &when)
{
    return w.write(QStringLiteral("ADT-00"), {}, when, QStringLiteral("ADT^A08^ADT_A01"),
                   {segment(QStringLiteral("EVN"), {{2, hl7Time(when)}}), w.outpatientVisit()});
}

Status writeAllergy(PatientWriter &w, const QDateTime &when, QRandomGenerator &random)
{
    static const QStringList allergies{
        QStringLiteral("FA^食物アレルギー^HL70127|5A1002411023006^ソバ^JC10|MO^中等度^HL70128|湿疹"),
        QStringLiteral("LA^花粉アレルギー^HL70127|5A1002216023023^スギ^JC10|MI^軽度^HL70128|目のかゆみ"),
        QStringLiteral("DA^薬剤アレルギー^HL70127|611170001^ペニシリン系抗生物質^HOT9|MO^中等度^HL70128|発疹"),
    };
    const QString onset = QString::number(1990 + int(random.bounded(25))) + QStringLiteral("04");
    return w.write(QStringLiteral("ADT-61"), {}, when, QStringLiteral("ADT^A60^ADT_A60"),
                   {segment(QStringLiteral("EVN"), {{2, hl7Time(when)}}),
                    QStringLiteral("IAM|1|%1|A^追加^HL70323|||||%2").arg(allergies.at(int(random.bounded(3))), onset)});
}

Status writeAdmission(PatientWriter &w, const Course &course, const QDateTime &admitted, int days,
                      QRandomGenerator &random)
{
    const QDateTime discharged(admitted.date().addDays(days), QTime(11, 0));
    const QString ward = QStringLiteral("5A^512^2^^^N");
    if (const Status s = w.write(QStringLiteral("ADT-22"), admitted.date(), admitted.addSecs(1800), QStringLiteral("ADT^A01^ADT_A01"),
                                 {segment(QStringLiteral("EVN"), {{2, hl7Time(admitted)}}),
                                  segment(QStringLiteral("PV1"), {{1, QStringLiteral("0001")}, {2, QStringLiteral("I")}, {3, ward},
                                                                  {7, w.doctor()}, {10, QStringLiteral("01")}, {17, w.doctor()},
                                                                  {44, hl7Time(admitted)}})});
        !s)
        return s;
    if (const Status s = writeDiagnoses(w, admitted, {{QStringLiteral("J189"), QStringLiteral("肺炎"), admitted.date(), true}}); !s)
        return s;

    // Drips for the first three days: an antibiotic in saline, then maintenance fluid.
    const QString placer = w.nextPlacer();
    QStringList drips{w.inpatientVisit()};
    int group = 0;
    for (int day = 0; day < 3; ++day) {
        const QDate date = admitted.date().addDays(day);
        struct Drip { QString baseCode, baseName; int volume; QString additiveCode, additiveName, additiveUnit; int rate; QTime start; int hours; };
        const QList<Drip> plan{
            {QStringLiteral("620006601"), QStringLiteral("生理食塩液１００ｍＬ"), 100, QStringLiteral("620005601"),
             QStringLiteral("セフトリアキソンナトリウム静注用１ｇ"), QStringLiteral("V^瓶^MR9P"), 100, QTime(9, 0), 1},
            {QStringLiteral("620007329"), QStringLiteral("ソリタＴ３号輸液５００ｍＬ"), 500, QStringLiteral("620004422"),
             QStringLiteral("ビタメジン静注用"), QStringLiteral("V^瓶^MR9P"), 100, QTime(10, 0), 5},
        };
        for (const Drip &drip : plan) {
            ++group;
            const QDateTime start(date, drip.start);
            drips << w.orc(QStringLiteral("NW"), placer, QStringLiteral("%1_%2").arg(placer).arg(group, 3, 10, QLatin1Char('0')),
                           QDateTime(admitted.date(), QTime(17, 0)), true)
                  << segment(QStringLiteral("RXE"),
                             {{2, QStringLiteral("00^一般^99I02")}, {3, QString::number(drip.volume)},
                              {5, QStringLiteral("ML^ミリリットル^MR9P")}, {6, QStringLiteral("INJ^注射剤^MR9P")},
                              {7, QStringLiteral("^%1時間かけて点滴^99IC6").arg(drip.hours)},
                              {15, QStringLiteral("%1-%2").arg(hl7Date(date)).arg(group, 3, 10, QLatin1Char('0'))},
                              {21, QStringLiteral("IHP^入院処方^MR9P~FTP^定時処方^99I01")},
                              {23, QString::number(drip.rate)}, {24, QStringLiteral("ml/hr^ミリリッター／時間^ISO+")}})
                  << segment(QStringLiteral("TQ1"), {{1, QStringLiteral("1")}, {7, hl7Time(start)},
                                                     {8, hl7Time(start.addSecs(drip.hours * 3600))}})
                  << QStringLiteral("RXR|IV^静脈内^HL70162||IVP^点滴ポンプ^HL70164")
                  << QStringLiteral("RXC|B|%1^%2^HOT9|1|HON^本^MR9P").arg(drip.baseCode, drip.baseName)
                  << QStringLiteral("RXC|A|%1^%2^HOT9|1|%3").arg(drip.additiveCode, drip.additiveName, drip.additiveUnit);
        }
    }
    if (const Status s = w.write(QStringLiteral("OMP-02"), admitted.date(), QDateTime(admitted.date(), QTime(17, 5)),
                                 QStringLiteral("RDE^O11^RDE_O11"), drips);
        !s)
        return s;

    // Admission labs: an inflammation picture on top of the chronic course.
    const QDateTime labTime = admitted.addSecs(3600);
    const double years = course.years(QDate(2021, 1, 1), admitted.date());
    const double creatinine = course.creatinineStart + course.creatinineSlope * std::max(0.0, years) + 0.1;
    if (const Status s = writeLabs(w, course, labTime,
                                   {{Wbc, 11.5 + random.bounded(4.0)}, {Crp, 6.0 + random.bounded(8.0)},
                                    {Hemoglobin, course.hemoglobin - 0.6}, {Ast, course.ast + 6}, {Alt, course.alt + 4},
                                    {Creatinine, creatinine}, {Egfr, course.egfr(creatinine, admitted.date())},
                                    {Glucose, 150 + random.bounded(60.0)}},
                                   true);
        !s)
        return s;

    // Resting 12-lead ECG on admission (MFER codes for the intervals, as SS-MIX2 samples do).
    const QDateTime ecgTime = admitted.addSecs(2 * 3600);
    const int rate = 78 + int(random.bounded(20));
    const int qt = 360 + int(random.bounded(40));
    const int qtc = int(std::round(qt / std::sqrt(60.0 / rate)));
    const QString placerEcg = w.nextPlacer();
    const QStringList ecg{
        w.inpatientVisit(),
        segment(QStringLiteral("OBR"), {{1, QStringLiteral("1")}, {2, placerEcg}, {4, QStringLiteral("9A110^標準１２誘導心電図^JC10")},
                                        {7, hl7Time(ecgTime)}, {16, w.doctor()}, {22, hl7Time(ecgTime.addSecs(1800))},
                                        {25, QStringLiteral("F")}}),
        QStringLiteral("OBX|1|TX|9A100&IMP^心電図所見^JC10|1|洞調律、明らかなST変化なし||||||F"),
        QStringLiteral("OBX|2|NM|32769^心拍数^99MFR|2|%1|bpm|||||F").arg(rate),
        QStringLiteral("OBX|3|NM|32770^PQ 時間^99MFR|2|%1|msec|||||F").arg(140 + int(random.bounded(50))),
        QStringLiteral("OBX|4|NM|58240^QRS 幅^99MFR|2|%1|msec|||||F").arg(84 + int(random.bounded(20))),
        QStringLiteral("OBX|5|NM|56008^QT 時間^99MFR|2|%1|msec|||||F").arg(qt),
        QStringLiteral("OBX|6|NM|59136^QTc 時間&Bazzet^99MFR|2|%1|msec|||||F").arg(qtc),
        QStringLiteral("OBX|7|NM|32774^QRS 軸^99MFR|2|%1|degree|||||F").arg(int(random.bounded(90)) - 10),
    };
    if (const Status s = w.write(QStringLiteral("OMG-13"), admitted.date(), ecgTime.addSecs(1800), QStringLiteral("ORU^R01^ORU_R01"), ecg); !s)
        return s;

    if (const Status s = w.writeDischargeSummary(admitted, discharged); !s)
        return s;
    return w.write(QStringLiteral("ADT-52"), discharged.date(), discharged.addSecs(1800), QStringLiteral("ADT^A03^ADT_A03"),
                   {segment(QStringLiteral("EVN"), {{2, hl7Time(discharged)}, {6, hl7Time(discharged)}}),
                    segment(QStringLiteral("PV1"), {{1, QStringLiteral("0001")}, {2, QStringLiteral("I")}, {3, ward},
                                                    {7, w.doctor()}, {10, QStringLiteral("01")}, {17, w.doctor()},
                                                    {36, QStringLiteral("01")}, {44, hl7Time(admitted)},
                                                    {45, hl7Time(discharged)}})});
}

quint32 patientSeed(const QString &id)
{
    quint32 seed = kSeed;
    for (QChar c : id)
        seed = seed * 31u + c.unicode();
    return seed;
}

} // namespace

Result<StorageSummary> writeStorage(const QString &root, const QList<Patient> &patients,
                                    const QList<QPair<QString, QString>> &hospitals)
{
    QDir rootDir(root);
    if (rootDir.exists() && !rootDir.removeRecursively())
        return Failure{QStringLiteral("cannot empty %1").arg(root)};
    StorageSummary summary;
    quint64 orderNumber = 0;

    for (const Patient &patient : patients) {
        // Where the patient is registered, in the order of \a hospitals.
        QList<int> at;
        for (int h = 0; h < hospitals.size(); ++h) {
            for (const PatientIdentifier &identifier : patient.identifiers) {
                if (identifier.facility == hospitals[h].first)
                    at << h;
            }
        }
        if (at.isEmpty())
            continue;
        auto localIdAt = [&](int h) {
            for (const PatientIdentifier &identifier : patient.identifiers) {
                if (identifier.facility == hospitals[h].first)
                    return identifier.value;
            }
            return QString();
        };
        QRandomGenerator random(patientSeed(patient.id));
        Course course;
        course.female = patient.gender == QLatin1String("female");
        course.birth = QDate::fromString(patient.birthDate, Qt::ISODate);
        course.hba1cStart = 5.9 + random.bounded(0.9);
        course.hba1cSlope = 0.15 + random.bounded(0.3);
        course.creatinineStart = (course.female ? 0.55 : 0.75) + random.bounded(0.2);
        course.creatinineSlope = 0.03 + random.bounded(0.06);
        course.ast = 18 + random.bounded(10.0);
        course.alt = 15 + random.bounded(12.0);
        course.wbc = 5.0 + random.bounded(2.5);
        course.hemoglobin = (course.female ? 12.5 : 14.0) + random.bounded(1.5);

        const int outIndex = at.first();
        const int admitIndex = at.last();
        PatientWriter outpatient(root, hospitals[outIndex].first, hospitals[outIndex].second, outIndex, patient,
                                 localIdAt(outIndex), orderNumber, summary.files);
        const int historyYears = 3 + int(random.bounded(3));
        const QDate first = kLastDay.addYears(-historyYears).addDays(int(random.bounded(60)));

        if (const Status s = writeRegistration(outpatient, QDateTime(first, QTime(9, 0))); !s)
            return Failure{s.error()};
        if (const Status s = writeDiagnoses(outpatient, QDateTime(first, QTime(10, 30)),
                                            {{QStringLiteral("E119"), QStringLiteral("2型糖尿病"), first, true},
                                             {QStringLiteral("I10"), QStringLiteral("本態性高血圧症"), first, false},
                                             {QStringLiteral("E785"), QStringLiteral("脂質異常症"), first.addDays(90), false}});
            !s)
            return Failure{s.error()};
        if (const Status s = writeAllergy(outpatient, QDateTime(first, QTime(10, 0)), random); !s)
            return Failure{s.error()};

        // Visits every 12-14 weeks; the admission falls between two of them.
        QList<QDate> visits;
        for (QDate visit = first; visit <= kLastDay; visit = visit.addDays(84 + 7 * int(random.bounded(3))))
            visits << visit;
        const int admitAfter = int(visits.size() / 2) + int(random.bounded(int(visits.size() / 3) + 1)) - 1;
        bool sitagliptin = false;
        for (int v = 0; v < visits.size(); ++v) {
            const QDateTime when(visits[v], QTime(9, 30).addSecs(60 * int(random.bounded(120))));
            const double years = course.years(first, visits[v]);
            const double hba1c = course.hba1cStart + course.hba1cSlope * years + random.bounded(0.4) - 0.2
                - (sitagliptin ? 0.4 : 0.0);
            const double creatinine = course.creatinineStart + course.creatinineSlope * years + random.bounded(0.08) - 0.04;
            if (const Status s = writeLabs(outpatient, course, when,
                                           {{HbA1c, hba1c}, {Glucose, 60 + 16 * hba1c + random.bounded(30.0)},
                                            {Ast, course.ast + random.bounded(10.0) - 5}, {Alt, course.alt + random.bounded(12.0) - 6},
                                            {Creatinine, creatinine}, {Egfr, course.egfr(creatinine, visits[v])},
                                            {Wbc, course.wbc + random.bounded(1.6) - 0.8},
                                            {Hemoglobin, course.hemoglobin + random.bounded(0.8) - 0.4}},
                                           false);
                !s)
                return Failure{s.error()};
            if (hba1c > 7.0)
                sitagliptin = true;
            QList<Drug> drugs{kMetformin, kAmlodipine, kRosuvastatin};
            if (sitagliptin)
                drugs << kSitagliptin;
            const int days = v + 1 < visits.size() ? int(visits[v].daysTo(visits[v + 1])) : 84;
            if (const Status s = writePrescription(outpatient, when.addSecs(1200), drugs, std::min(days, 90)); !s)
                return Failure{s.error()};

            if (v == admitAfter) {
                PatientWriter inpatient(root, hospitals[admitIndex].first, hospitals[admitIndex].second, admitIndex,
                                        patient, localIdAt(admitIndex), orderNumber, summary.files);
                const QDate admitted = visits[v].addDays(20 + int(random.bounded(30)));
                if (admitIndex != outIndex) {
                    if (const Status s = writeRegistration(inpatient, QDateTime(admitted, QTime(14, 0))); !s)
                        return Failure{s.error()};
                }
                if (const Status s = writeAdmission(inpatient, course, QDateTime(admitted, QTime(15, 0)),
                                                    8 + int(random.bounded(5)), random);
                    !s)
                    return Failure{s.error()};
                // The discharge prescription: an expectorant for the rest of the recovery.
                if (const Status s = writePrescription(outpatient, QDateTime(admitted.addDays(14), QTime(10, 0)),
                                                       {kCarbocisteine}, 7);
                    !s)
                    return Failure{s.error()};
            }
        }
        ++summary.patients;
    }
    return summary;
}

} // namespace DemoHistories
