#include "demoimages.h"

#include "dicomimporter.h"
#include "patientrepository.h"
#include "resourcerepository.h"
#include "ssmix2/iso2022jp.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QHash>
#include <QList>

#include <algorithm>
#include <cmath>
#include <vector>

namespace DemoImages {

namespace {

// --- names ----------------------------------------------------------------------------------

const QHash<QChar, QString> &kanaTable()
{
    static const QHash<QChar, QString> table = [] {
        QHash<QChar, QString> t;
        const char16_t *kana[] = {u"アイウエオ", u"カキクケコ", u"サシスセソ", u"タチツテト", u"ナニヌネノ",
                                  u"ハヒフヘホ", u"マミムメモ", u"ヤ ユ ヨ", u"ラリルレロ", u"ワ   ヲ",
                                  u"ガギグゲゴ", u"ザジズゼゾ", u"ダヂヅデド", u"バビブベボ", u"パピプペポ"};
        const char *latin[][5] = {{"A", "I", "U", "E", "O"},      {"KA", "KI", "KU", "KE", "KO"},
                                  {"SA", "SHI", "SU", "SE", "SO"}, {"TA", "CHI", "TSU", "TE", "TO"},
                                  {"NA", "NI", "NU", "NE", "NO"},  {"HA", "HI", "FU", "HE", "HO"},
                                  {"MA", "MI", "MU", "ME", "MO"},  {"YA", "", "YU", "", "YO"},
                                  {"RA", "RI", "RU", "RE", "RO"},  {"WA", "", "", "", "O"},
                                  {"GA", "GI", "GU", "GE", "GO"},  {"ZA", "JI", "ZU", "ZE", "ZO"},
                                  {"DA", "JI", "ZU", "DE", "DO"},  {"BA", "BI", "BU", "BE", "BO"},
                                  {"PA", "PI", "PU", "PE", "PO"}};
        for (size_t row = 0; row < std::size(kana); ++row)
            for (int column = 0; column < 5; ++column)
                if (kana[row][column] != u' ')
                    t.insert(QChar(kana[row][column]), QString::fromLatin1(latin[row][column]));
        t.insert(QChar(u'ン'), QStringLiteral("N"));
        t.insert(QChar(u'ヴ'), QStringLiteral("VU"));
        return t;
    }();
    return table;
}

/// \a text as ISO 2022 IR 87 bytes that end in ASCII. ICU's stateful encoder (behind
/// Ssmix2::encodeIso2022Jp) leaves a trailing JIS X 0208 run open; in DICOM the next '^', '='
/// or '\\' would then be read as half of a kanji, so the run is closed here.
Result<QByteArray> jisText(const QString &text)
{
    auto bytes = Ssmix2::encodeIso2022Jp(text);
    if (!bytes)
        return bytes;
    const qsizetype opened = bytes->lastIndexOf("\x1b$");
    if (opened >= 0 && bytes->indexOf("\x1b(", opened) < 0)
        bytes->append("\x1b(B");
    return bytes;
}

/// The family and given name as DICOM PN with three component groups, each encoded as
/// ISO 2022 IR 87 requires: ASCII outside, `ESC $ B` runs for kanji and kana, back to ASCII
/// before every '^' and '=' (the encoder ends every run, and the delimiters are ASCII).
Result<QByteArray> personName(const Patient &patient)
{
    const QString alphabetic = romaji(patient.familyKana) + u'^' + romaji(patient.givenKana);
    const QString ideographic = patient.familyName + u'^' + patient.givenName;
    const QString phonetic = patient.familyKana + u'^' + patient.givenKana;
    const auto ideo = jisText(ideographic);
    if (!ideo)
        return Failure{ideo.error()};
    const auto phon = jisText(phonetic);
    if (!phon)
        return Failure{phon.error()};
    return alphabetic.toLatin1() + '=' + *ideo + '=' + *phon;
}

// --- the phantoms --------------------------------------------------------------------------

struct Ellipse
{
    double cx, cy, rx, ry;
    bool contains(double x, double y) const
    {
        const double dx = (x - cx) / rx, dy = (y - cy) / ry;
        return dx * dx + dy * dy <= 1.0;
    }
};

double smoothstep(double edge0, double edge1, double x)
{
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

/// Hounsfield units of one axial slice of the chest phantom. x to the patient's left, y
/// posterior (LPS), millimetres from the centre; t from 0 (lung apex) to 1 (upper abdomen).
double chestHu(double x, double y, double t, int slice, bool consolidation)
{
    const Ellipse table{0, 420, 250, 290};
    const Ellipse body{0, 8, 158 - 10 * (1 - t), 112};
    if (!body.contains(x, y)) {
        // The couch: a thin curved board below the patient.
        if (table.contains(x, y) && !Ellipse{0, 420, 246, 286}.contains(x, y) && std::abs(x) < 170)
            return 120;
        return -1000;
    }
    const Ellipse muscle{0, 8, body.rx - 11, body.ry - 10};
    if (!muscle.contains(x, y))
        return -100; // subcutaneous fat
    // Spine: vertebral body (cortex and cancellous bone), canal, spinous process.
    const double vbDist = std::hypot(x, y - 72);
    if (vbDist < 18)
        return vbDist > 14.5 ? 700 : 230;
    if (std::hypot(x, y - 97) < 7.5)
        return 15; // spinal canal
    if (std::abs(x) < 4 && y > 97 && y < 122)
        return 650;
    if (std::abs(std::abs(x) - 14) < 4 && y > 88 && y < 100)
        return 600; // laminae
    // Ribs: cross-sections just inside the muscle wall, at angles that move from slice to slice.
    // (Only near the wall: the test is the costly part of the phantom.)
    const bool nearWall = !Ellipse{0, 8, muscle.rx - 26, muscle.ry - 26}.contains(x, y);
    for (int side = -1; nearWall && side <= 1; side += 2) {
        for (int rib = 0; rib < 7; ++rib) {
            const double angle = (-70 + rib * 25 + (slice % 3) * 6) * M_PI / 180.0;
            const double rx = side * (muscle.rx - 9) * std::cos(angle);
            const double ry = 8 + (muscle.ry - 8) * std::sin(angle) * 0.92;
            const double d = std::hypot(x - rx, y - ry);
            if (d < 5.5)
                return d > 3.5 ? 720 : 260;
        }
    }
    // Sternum in front of the upper and middle chest.
    if (t < 0.75 && Ellipse{0, -92, 13, 6}.contains(x, y))
        return 480;
    // The liver comes up under the right lung (image left) in the lowest slices.
    const double liverTop = 0.72;
    if (t > liverTop && Ellipse{-45, 20, 105, 85}.contains(x, y) && x < 40)
        return 58 + 8 * smoothstep(liverTop, 1.0, t);
    // Mediastinum: trachea above, heart and aorta below it.
    if (t < 0.38 && std::hypot(x, y + 12) < 9)
        return -1000;
    if (t < 0.38 && std::hypot(x, y + 12) < 11)
        return 40;
    if (std::hypot(x - 18, y - 45) < 12.5)
        return 45; // descending aorta
    if (t > 0.35 && t < 0.95 && Ellipse{12, -15, 55 * std::sin(M_PI * (t - 0.3) / 0.7) + 10, 48}.contains(x, y))
        return 42; // heart
    // Lungs: widest in the middle, a dome at the base; a little denser posteriorly (gravity).
    const double grow = std::sin(M_PI * std::clamp(0.15 + t * 0.85, 0.0, 1.0));
    const double lungRx = 30 + 34 * grow;
    const double lungRy = 45 + 42 * grow;
    for (int side = -1; side <= 1; side += 2) {
        const Ellipse lung{side * 72.0, 8, lungRx, lungRy};
        if (lung.contains(x, y)) {
            if (consolidation && side < 0 && t > 0.5 && t < 0.85
                && Ellipse{-78, 38, 26, 20}.contains(x, y)) {
                // Air bronchograms: a few branching dark lines through the consolidation.
                const bool bronchus = std::abs((y - 30) - 0.6 * (x + 78)) < 1.5 && x > -95;
                return bronchus ? -880 : 32;
            }
            // Vessels: small soft-tissue dots scattered through the lung, one in some 11 mm
            // cells at a hashed place in the cell (a regular pattern would look like a grid),
            // larger towards the hilum.
            const int ix = int(std::floor(x / 11)), iy = int(std::floor(y / 11));
            const quint32 h = (quint32(ix) * 73856093u) ^ (quint32(iy) * 19349663u) ^ (quint32(slice / 2) * 83492791u);
            if (h % 3 == 0) {
                const double cx = (ix + 0.2 + 0.6 * ((h >> 8) % 16) / 15.0) * 11;
                const double cy = (iy + 0.2 + 0.6 * ((h >> 12) % 16) / 15.0) * 11;
                const double radius = 0.9 + 1.6 * smoothstep(70, 20, std::abs(std::abs(x) - 25));
                if (std::hypot(x - cx, y - cy) < radius)
                    return 35;
            }
            return -860 + 60 * smoothstep(-40, 90, y);
        }
    }
    return 40; // soft tissue: muscle, mediastinal fat-free tissue
}

/// Linear attenuation summed along a ray, for a chest radiograph. (u, v): millimetres on the
/// detector from its centre, v downwards. lateral: the lateral view.
double chestXray(double u, double v, bool lateral, bool opacity)
{
    // Thickness of the body the ray crosses, as soft tissue.
    const double halfWidth = lateral ? 120 : 165;
    const double across = 1.0 - (u * u) / (halfWidth * halfWidth);
    double value = across > 0 ? 320 * std::sqrt(across) : 0;
    if (v < -150)
        value *= smoothstep(-230, -150, v); // the neck narrows above the shoulders
    // Lung fields subtract (air), ending at the diaphragm domes.
    auto lungField = [&](double cu, double halfU) {
        // Narrow, rounded apices; widest above the domes of the diaphragm.
        const double width = halfU * (0.55 + 0.45 * smoothstep(-160, -40, v));
        const double du = (u - cu) / width;
        const double apex = -150 + 40 * du * du;
        const double dome = 95 - 35 * du * du; // the diaphragm, lower laterally
        if (std::abs(du) >= 1 || v < apex || v > dome)
            return 0.0;
        const double edge = std::min({smoothstep(1.0, 0.75, std::abs(du)), smoothstep(apex, apex + 25, v),
                                      smoothstep(dome, dome - 18, v)});
        return 170 * edge;
    };
    if (lateral) {
        value -= 1.3 * lungField(-5, 80);
        value += 60 * std::exp(-(std::pow((u + 45) / 45, 2) + std::pow((v - 40) / 55, 2))); // heart, anterior
        value += 90 * smoothstep(100, 88, std::abs(u - 85) + 88) * smoothstep(-190, -160, v); // spine, posterior
    } else {
        value -= lungField(-72, 66) + lungField(72, 66);
        // Cardiac silhouette, two thirds to the patient's left (image right), and the
        // mediastinum above it; soft-edged.
        value += 95 * std::exp(-(std::pow((u - 22) / 62, 4) + std::pow((v - 45) / 58, 4)));
        value += 80 * std::exp(-std::pow(u / (26 + 0.05 * std::max(0.0, v + 60)), 4)) * smoothstep(-240, -200, v);
        // Posterior ribs: faint arcs from the spine outwards and down.
        for (int rib = 0; rib < 10; ++rib) {
            const double level = -140 + rib * 23;
            const double arc = level + 0.0025 * u * u + 0.12 * std::abs(u);
            const double d = std::abs(v - arc);
            if (std::abs(u) > 18 && std::abs(u) < 150 && d < 5)
                value += 28 * (1 - d / 5);
        }
        // Clavicles.
        const double clavicle = std::abs(v - (-158 + 0.22 * std::abs(u)));
        if (std::abs(u) > 15 && std::abs(u) < 115 && clavicle < 6)
            value += 45 * (1 - clavicle / 6);
        if (opacity)
            value += 60 * std::exp(-(std::pow((u + 80) / 32, 2) + std::pow((v - 50) / 26, 2)));
    }
    return std::max(0.0, value);
}

// --- writing -------------------------------------------------------------------------------

/// Seeded noise in [-0.5, 0.5): xorshift32, cheap enough to call for every pixel.
class Noise
{
public:
    explicit Noise(quint32 seed) : m_state(seed ? seed : 0x9e3779b9u) {}
    double next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return double(m_state) / 4294967296.0 - 0.5;
    }

private:
    quint32 m_state;
};

struct StudyPlan
{
    Patient patient;
    QString facility;
    QString facilityName;
    QString localId;
    QDate date;
    bool pneumonia = true;
    int number = 0; ///< accession numbers
};

class Writer
{
public:
    explicit Writer(const StudyPlan &plan, QByteArray name, QByteArray institution)
        : m_plan(plan), m_name(std::move(name)), m_institution(std::move(institution))
    {
    }

    Status writeCt(const QString &folder, int *files);
    Status writeCr(const QString &folder, int *files);

private:
    void common(DcmDataset &ds, const QString &studyKey, const char *modality, const QString &studyDescription,
                const char *time);
    Status save(DcmFileFormat &file, const QString &path, int *files);

    const StudyPlan &m_plan;
    QByteArray m_name;
    QByteArray m_institution;
};

QByteArray latin(const QString &text)
{
    return text.toLatin1();
}

/// Text in the Specific Character Set of the files (ISO 2022 IR 87).
QByteArray jis(const QString &text)
{
    const auto encoded = jisText(text);
    return encoded ? *encoded : text.toLatin1();
}

void Writer::common(DcmDataset &ds, const QString &studyKey, const char *modality, const QString &studyDescription,
                    const char *time)
{
    const QString seed = m_plan.patient.id + u'/' + studyKey;
    ds.putAndInsertString(DCM_SpecificCharacterSet, "\\ISO 2022 IR 87");
    ds.putAndInsertString(DCM_PatientName, m_name.constData());
    ds.putAndInsertString(DCM_PatientID, latin(m_plan.localId).constData());
    ds.putAndInsertString(DCM_PatientBirthDate, latin(QString(m_plan.patient.birthDate).remove(u'-')).constData());
    const QString &g = m_plan.patient.gender;
    ds.putAndInsertString(DCM_PatientSex, g == QLatin1String("male") ? "M" : g == QLatin1String("female") ? "F" : "O");
    ds.putAndInsertString(DCM_StudyInstanceUID, latin(uidFor(seed)).constData());
    ds.putAndInsertString(DCM_StudyDate, latin(m_plan.date.toString(QStringLiteral("yyyyMMdd"))).constData());
    ds.putAndInsertString(DCM_StudyTime, time);
    ds.putAndInsertString(DCM_SeriesDate, latin(m_plan.date.toString(QStringLiteral("yyyyMMdd"))).constData());
    ds.putAndInsertString(DCM_SeriesTime, time);
    ds.putAndInsertString(DCM_AccessionNumber,
                          latin(QStringLiteral("D%1%2").arg(m_plan.date.toString(QStringLiteral("yyMMdd"))).arg(m_plan.number, 4, 10, QLatin1Char('0'))).constData());
    ds.putAndInsertString(DCM_StudyID, "1");
    ds.putAndInsertString(DCM_Modality, modality);
    ds.putAndInsertString(DCM_StudyDescription, jis(studyDescription).constData());
    // A JIS X 0208 byte pair may contain 0x5C, which DICOM readers take for the value
    // delimiter of a multi-valued LO (pydicom does): such a name is left out rather than split.
    if (!m_institution.contains('\\'))
        ds.putAndInsertString(DCM_InstitutionName, m_institution.constData());
    ds.putAndInsertString(DCM_Manufacturer, "Renkei demo phantom");
    ds.putAndInsertString(DCM_BodyPartExamined, "CHEST");
    ds.putAndInsertString(DCM_SeriesInstanceUID, latin(uidFor(seed + QStringLiteral("/series"))).constData());
    ds.putAndInsertString(DCM_SeriesNumber, "1");
    ds.putAndInsertString(DCM_SamplesPerPixel, "1");
    ds.putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
}

Status Writer::save(DcmFileFormat &file, const QString &path, int *files)
{
    const OFCondition saved = file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit);
    if (saved.bad())
        return Failure{QStringLiteral("cannot write %1: %2").arg(path, QString::fromLatin1(saved.text()))};
    ++*files;
    return success();
}

Status Writer::writeCt(const QString &folder, int *files)
{
    constexpr double kFov = 350.0;
    constexpr double kSpacing = kFov / kCtSize;
    constexpr double kThickness = 5.0;
    constexpr int kIntercept = -1024;
    Noise noise(quint32(qHash(m_plan.patient.id)));
    std::vector<Uint16> pixels(size_t(kCtSize) * kCtSize);
    for (int slice = 0; slice < kCtSlices; ++slice) {
        const double t = double(slice) / (kCtSlices - 1);
        const double z = -20.0 - slice * kThickness; // head first: slices go towards the feet
        for (int row = 0; row < kCtSize; ++row) {
            const double y = -kFov / 2 + (row + 0.5) * kSpacing;
            for (int column = 0; column < kCtSize; ++column) {
                const double x = -kFov / 2 + (column + 0.5) * kSpacing;
                double hu = chestHu(x, y, t, slice, m_plan.pneumonia);
                if (hu > -990)
                    hu += noise.next() * 24; // quantum noise inside the body
                pixels[size_t(row) * kCtSize + column] = Uint16(std::clamp(std::lround(hu - kIntercept), 0L, 4095L));
            }
        }
        DcmFileFormat file;
        DcmDataset &ds = *file.getDataset();
        common(ds, QStringLiteral("ct"), "CT", QStringLiteral("胸部単純CT"), "103000");
        ds.putAndInsertString(DCM_PatientPosition, "HFS");
        const QString sop = uidFor(m_plan.patient.id + QStringLiteral("/ct/") + QString::number(slice));
        ds.putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
        ds.putAndInsertString(DCM_SOPInstanceUID, latin(sop).constData());
        ds.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY\\AXIAL");
        ds.putAndInsertString(DCM_SeriesDescription, jis(QStringLiteral("胸部 5mm")).constData());
        ds.putAndInsertString(DCM_InstanceNumber, latin(QString::number(slice + 1)).constData());
        ds.putAndInsertString(DCM_ImagePositionPatient,
                              latin(QStringLiteral("%1\\%1\\%2").arg(-kFov / 2 + kSpacing / 2, 0, 'f', 4).arg(z, 0, 'f', 1)).constData());
        ds.putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
        ds.putAndInsertString(DCM_SliceLocation, latin(QString::number(z, 'f', 1)).constData());
        ds.putAndInsertString(DCM_SliceThickness, "5");
        ds.putAndInsertString(DCM_PixelSpacing, latin(QStringLiteral("%1\\%1").arg(kSpacing, 0, 'f', 6)).constData());
        ds.putAndInsertString(DCM_KVP, "120");
        ds.putAndInsertString(DCM_ConvolutionKernel, "STANDARD");
        ds.putAndInsertString(DCM_RescaleIntercept, "-1024");
        ds.putAndInsertString(DCM_RescaleSlope, "1");
        ds.putAndInsertString(DCM_RescaleType, "HU");
        ds.putAndInsertString(DCM_WindowCenter, "40\\-600");
        ds.putAndInsertString(DCM_WindowWidth, "400\\1500");
        ds.putAndInsertString(DCM_WindowCenterWidthExplanation, "MEDIASTINUM\\LUNG");
        ds.putAndInsertUint16(DCM_Rows, kCtSize);
        ds.putAndInsertUint16(DCM_Columns, kCtSize);
        ds.putAndInsertUint16(DCM_BitsAllocated, 16);
        ds.putAndInsertUint16(DCM_BitsStored, 12);
        ds.putAndInsertUint16(DCM_HighBit, 11);
        ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
        ds.putAndInsertUint16Array(DCM_PixelData, pixels.data(), unsigned(pixels.size()));
        if (const Status s = save(file, QDir(folder).filePath(QStringLiteral("CT%1.dcm").arg(slice + 1, 3, 10, QLatin1Char('0'))), files); !s)
            return s;
    }
    return success();
}

Status Writer::writeCr(const QString &folder, int *files)
{
    constexpr int kSize = 640;
    constexpr double kSpacing = 0.55; // 352 mm square detector
    Noise noise(quint32(qHash(m_plan.patient.id)) ^ 0x5a5a5a5au);
    std::vector<Uint16> pixels(size_t(kSize) * kSize);
    for (int view = 0; view < kCrImages; ++view) {
        const bool lateral = view == 1;
        for (int row = 0; row < kSize; ++row) {
            const double v = (row - kSize / 2 + 0.5) * kSpacing + 20;
            for (int column = 0; column < kSize; ++column) {
                // Radiographs are displayed as if facing the patient: the patient's right on the
                // image's left, i.e. u grows towards the patient's left.
                const double u = (column - kSize / 2 + 0.5) * kSpacing;
                const double value = 400 + 7.5 * chestXray(u, v, lateral, m_plan.pneumonia)
                    + noise.next() * 40;
                pixels[size_t(row) * kSize + column] = Uint16(std::clamp(std::lround(value), 0L, 4095L));
            }
        }
        DcmFileFormat file;
        DcmDataset &ds = *file.getDataset();
        common(ds, QStringLiteral("cr"), "CR", QStringLiteral("胸部単純X線"), "101000");
        ds.putAndInsertString(DCM_SOPClassUID, UID_ComputedRadiographyImageStorage);
        ds.putAndInsertString(DCM_SOPInstanceUID, latin(uidFor(m_plan.patient.id + QStringLiteral("/cr/") + QString::number(view))).constData());
        ds.putAndInsertString(DCM_ImageType, "ORIGINAL\\PRIMARY");
        ds.putAndInsertString(DCM_SeriesDescription, jis(QStringLiteral("胸部2方向")).constData());
        ds.putAndInsertString(DCM_InstanceNumber, view == 0 ? "1" : "2");
        ds.putAndInsertString(DCM_ViewPosition, lateral ? "LL" : "PA");
        ds.putAndInsertString(DCM_PatientOrientation, lateral ? "A\\F" : "L\\F");
        ds.putAndInsertString(DCM_ImagerPixelSpacing, "0.55\\0.55");
        ds.putAndInsertString(DCM_PixelSpacing, "0.55\\0.55");
        ds.putAndInsertString(DCM_KVP, lateral ? "110" : "120");
        ds.putAndInsertString(DCM_WindowCenter, "2000");
        ds.putAndInsertString(DCM_WindowWidth, "3200");
        ds.putAndInsertUint16(DCM_Rows, kSize);
        ds.putAndInsertUint16(DCM_Columns, kSize);
        ds.putAndInsertUint16(DCM_BitsAllocated, 16);
        ds.putAndInsertUint16(DCM_BitsStored, 12);
        ds.putAndInsertUint16(DCM_HighBit, 11);
        ds.putAndInsertUint16(DCM_PixelRepresentation, 0);
        ds.putAndInsertUint16Array(DCM_PixelData, pixels.data(), unsigned(pixels.size()));
        if (const Status s = save(file, QDir(folder).filePath(QStringLiteral("CR%1.dcm").arg(view + 1)), files); !s)
            return s;
    }
    return success();
}

/// The admission (first Encounter) of \a patient: its day and hospital; nullopt without one.
std::optional<std::pair<QDate, QString>> admission(Store &store, const QString &patient)
{
    const auto encounters = ResourceRepository(store).forPatient(patient, QStringLiteral("Encounter"));
    if (!encounters)
        return std::nullopt;
    std::optional<std::pair<QDate, QString>> first;
    for (const ResourceRow &row : *encounters) {
        const QDate date = QDate::fromString(row.date.left(10), Qt::ISODate);
        if (date.isValid() && (!first || date < first->first))
            first = std::pair{date, row.facility};
    }
    return first;
}

} // namespace

QString uidFor(const QString &seed)
{
    const QByteArray hash = QCryptographicHash::hash("renkei-demo/" + seed.toUtf8(), QCryptographicHash::Sha256).left(16);
    // 128-bit big-endian number to decimal by repeated division by 10 (PS3.5 B.2: "2.25." then
    // the integer value of a UUID, at most 39 digits).
    std::vector<unsigned> digits(hash.begin(), hash.end());
    for (unsigned &d : digits)
        d &= 0xff;
    digits[0] &= 0x7f; // keep it below 2^127 like a UUID's variant bits do, well within 64 chars
    QString decimal;
    while (std::any_of(digits.begin(), digits.end(), [](unsigned d) { return d != 0; })) {
        unsigned remainder = 0;
        for (unsigned &d : digits) {
            const unsigned current = remainder * 256 + d;
            d = current / 10;
            remainder = current % 10;
        }
        decimal.prepend(QChar(u'0' + remainder));
    }
    return QStringLiteral("2.25.") + (decimal.isEmpty() ? QStringLiteral("0") : decimal);
}

QString romaji(const QString &katakana)
{
    const auto &table = kanaTable();
    QString out;
    bool doubleNext = false;
    for (const QChar c : katakana) {
        if (c == u'ッ') {
            doubleNext = true;
            continue;
        }
        if (c == u'ー') {
            if (!out.isEmpty())
                out += out.back();
            continue;
        }
        const QChar small = c == u'ャ' ? u'ヤ' : c == u'ュ' ? u'ユ' : c == u'ョ' ? u'ヨ' : QChar();
        if (!small.isNull() && out.endsWith(u'I')) {
            // キャ → KYA, シャ → SHA, チャ → CHA, ジャ → JA.
            out.chop(1);
            const QString y = table.value(small);
            const bool palatal = out.endsWith(QLatin1String("SH")) || out.endsWith(QLatin1String("CH")) || out.endsWith(u'J');
            out += palatal ? y.mid(1) : y;
            continue;
        }
        QString syllable = table.value(c);
        if (syllable.isEmpty())
            continue;
        if (doubleNext) {
            syllable.prepend(syllable.startsWith(QLatin1String("CH")) ? u'T' : syllable.front());
            doubleNext = false;
        }
        out += syllable;
    }
    return out;
}

Result<Summary> addImages(Store &store, const QString &dataDir, const QString &root)
{
    QDir rootDir(root);
    if (rootDir.exists() && !rootDir.removeRecursively())
        return Failure{QStringLiteral("cannot empty %1").arg(root)};

    const auto all = PatientRepository(store).list();
    if (!all)
        return Failure{all.error()};
    QList<StudyPlan> plans;
    for (const Patient &patient : *all) {
        if (plans.size() >= kImagedPatients)
            break;
        const auto admitted = admission(store, patient.id);
        if (!admitted)
            continue;
        StudyPlan plan;
        plan.patient = patient;
        plan.date = admitted->first;
        plan.facility = admitted->second;
        for (const PatientIdentifier &identifier : patient.identifiers)
            if (identifier.facility == plan.facility) {
                plan.localId = identifier.value;
                plan.facilityName = identifier.facilityName;
            }
        if (plan.localId.isEmpty())
            continue;
        plan.number = int(plans.size()) + 1;
        plans << plan;
    }

    Summary summary;
    QHash<QString, QStringList> folders; // facility → patient folders
    for (const StudyPlan &plan : std::as_const(plans)) {
        const auto name = personName(plan.patient);
        if (!name)
            return Failure{QStringLiteral("%1: %2").arg(plan.patient.id, name.error())};
        const auto institution = jisText(plan.facilityName);
        if (!institution)
            return Failure{QStringLiteral("%1: %2").arg(plan.facilityName, institution.error())};
        const QString folder = rootDir.filePath(plan.facility + u'/' + plan.patient.id);
        if (!QDir().mkpath(folder))
            return Failure{QStringLiteral("cannot create %1").arg(folder)};
        Writer writer(plan, *name, *institution);
        if (plan.number == 1) {
            if (const Status s = writer.writeCt(folder, &summary.files); !s)
                return Failure{s.error()};
        }
        if (const Status s = writer.writeCr(folder, &summary.files); !s)
            return Failure{s.error()};
        folders[plan.facility] << folder;
        ++summary.patients;
    }

    for (auto it = folders.cbegin(); it != folders.cend(); ++it) {
        const auto report = DicomImporter(store, dataDir, it.key()).importPaths(it.value());
        if (!report)
            return Failure{report.error()};
        // The generator's own files must import cleanly; anything else is a bug to see.
        if (report->failed > 0 || report->imported + report->unchanged + report->replaced != report->files)
            return Failure{QStringLiteral("the generated demo images did not import cleanly: %1 (%2)")
                               .arg(report->summaryLine(),
                                    report->problems.isEmpty() ? QString() : report->problems.first().path + QStringLiteral(": ") + report->problems.first().reason)};
        summary.studies += report->studies;
    }
    return summary;
}

} // namespace DemoImages
