#include "dicomimporter.h"

#include "dicomfile.h"
#include "dicomjson.h"
#include "dicomrepository.h"
#include "facilities.h"
#include "imagingstudy.h"
#include "patientrepository.h"
#include "qidoattributes.h"
#include "store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QSaveFile>

namespace {

QStringList filesUnder(const QStringList &paths, QStringList &missing)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            found.sort();
            files << found;
        } else if (info.exists()) {
            files << path;
        } else {
            missing << path;
        }
    }
    return files;
}

QString genderOf(const QString &sex)
{
    if (sex == QLatin1String("M")) return QStringLiteral("male");
    if (sex == QLatin1String("F")) return QStringLiteral("female");
    if (sex == QLatin1String("O")) return QStringLiteral("other");
    return QStringLiteral("unknown");
}

QString katakana(QString text)
{
    for (QChar &c : text) {
        if (c.unicode() >= 0x3041 && c.unicode() <= 0x3096)
            c = QChar(c.unicode() + 0x60);
    }
    return text;
}

} // namespace

QString DicomImportReport::summaryLine() const
{
    return QStringLiteral("imported %1, replaced %2, unchanged %3, skipped %4, failed %5 (%6 files, %7 studies written)")
        .arg(imported).arg(replaced).arg(unchanged).arg(skipped).arg(failed).arg(files).arg(studies);
}

QJsonObject DicomImportReport::toJson() const
{
    QJsonArray list;
    for (const Problem &p : problems)
        list.append(QJsonObject{{QStringLiteral("level"), p.failed ? QStringLiteral("failed") : QStringLiteral("warning")},
                                {QStringLiteral("path"), p.path},
                                {QStringLiteral("reason"), p.reason}});
    return QJsonObject{{QStringLiteral("files"), files}, {QStringLiteral("imported"), imported},
                       {QStringLiteral("replaced"), replaced}, {QStringLiteral("unchanged"), unchanged}, {QStringLiteral("skipped"), skipped},
                       {QStringLiteral("failed"), failed}, {QStringLiteral("studies"), studies},
                       {QStringLiteral("problems"), list}};
}

DicomImporter::DicomImporter(Store &store, QString dataDir, QString facility)
    : m_store(store)
    , m_dataDir(std::move(dataDir))
    , m_facility(std::move(facility))
{
}

Result<DicomImportReport> DicomImporter::importPaths(const QStringList &paths)
{
    const auto facility = FacilityRepository(m_store).find(m_facility);
    if (!facility)
        return Failure{facility.error()};
    if (!facility->has_value())
        return Failure{QStringLiteral("unknown facility '%1' (add it with `renkei-hub facility add`)").arg(m_facility)};

    DicomImportReport report;
    QStringList missing;
    const QStringList files = filesUnder(paths, missing);
    for (const QString &path : missing) {
        ++report.failed;
        report.problems << DicomImportReport::Problem{true, path, QStringLiteral("no such file or folder")};
    }
    report.files = int(files.size());
    for (const QString &file : files) {
        if (const Status done = importFile(file, report); !done) // the store failed: stop here
            return Failure{QStringLiteral("%1: %2").arg(file, done.error())};
    }
    if (const Status written = writeStaleStudies(report); !written)
        return Failure{written.error()};
    return report;
}

Status DicomImporter::importFile(const QString &path, DicomImportReport &report)
{
    auto refuse = [&](const QString &reason) {
        ++report.failed;
        report.problems << DicomImportReport::Problem{true, path, reason};
        return success();
    };
    const QFileInfo info(path);
    if (info.size() > kMaxFileBytes)
        return refuse(QStringLiteral("%1 bytes is over the %2 MiB limit for one DICOM file")
                          .arg(info.size()).arg(kMaxFileBytes / (1024 * 1024)));
    if (!Dicom::DicomFile::hasDicomSignature(path))
        return refuse(QStringLiteral("not a DICOM file"));
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly))
        return refuse(QStringLiteral("cannot read: %1").arg(input.errorString()));
    const QByteArray bytes = input.readAll();
    input.close();
    const auto parsed = Dicom::DicomFile::fromBytes(bytes);
    if (!parsed)
        return refuse(QStringLiteral("not readable as DICOM: %1").arg(parsed.error()));
    const QString sopUid = parsed->text(0x0008, 0x0018).trimmed();
    const QString studyUid = parsed->text(0x0020, 0x000D).trimmed();
    const QString seriesUid = parsed->text(0x0020, 0x000E).trimmed();
    const QString patientId = parsed->text(0x0010, 0x0020).trimmed();
    if (sopUid.isEmpty() || studyUid.isEmpty() || seriesUid.isEmpty())
        return refuse(QStringLiteral("no SOP, Study or Series Instance UID"));
    if (patientId.isEmpty())
        return refuse(QStringLiteral("no Patient ID (0010,0020): the patient cannot be found"));

    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    // Two files of one run with the same SOP Instance UID (the same image in two encodings,
    // say): the first, in path order, is the instance; taking the last would make every
    // re-run replace one with the other.
    if (const QString first = m_seenInRun.value(sopUid); !first.isEmpty()) {
        if (m_seenHash.value(sopUid) == sha256) {
            ++report.unchanged;
            return success();
        }
        ++report.skipped;
        report.problems << DicomImportReport::Problem{false, path, QStringLiteral("skipped: same SOP Instance UID as %1, other bytes").arg(first)};
        return success();
    }
    m_seenInRun.insert(sopUid, path);
    m_seenHash.insert(sopUid, sha256);
    DicomRepository repository(m_store);
    const auto stored = repository.instanceHash(m_facility, sopUid);
    if (!stored)
        return Failure{stored.error()};
    if (stored->has_value() && **stored == sha256) {
        ++report.unchanged;
        return success();
    }

    auto metadata = dicomJsonOf(bytes);
    if (!metadata)
        return refuse(metadata.error());

    // The bytes first, complete and renamed into place; only then the row that names them.
    const QString relative = QStringLiteral("dicom/%1/%2.dcm").arg(sha256.left(2), sha256);
    const QString absolute = QDir(m_dataDir).filePath(relative);
    if (!QFileInfo::exists(absolute)) {
        if (!QDir().mkpath(QFileInfo(absolute).path()))
            return Failure{QStringLiteral("cannot create %1").arg(QFileInfo(absolute).path())};
        QSaveFile out(absolute);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            return Failure{QStringLiteral("cannot write %1: %2").arg(absolute, out.errorString())};
        QFile::setPermissions(absolute, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    if (const Status begun = m_store.beginTransaction(); !begun)
        return begun;
    const auto patient = findOrCreateImagingPatient(m_store, m_facility, patientId, *metadata);
    if (!patient) {
        m_store.rollback();
        return Failure{patient.error()};
    }
    const DicomInstanceRow row{m_facility, sopUid, studyUid, seriesUid, sha256, bytes.size(), relative,
                               parsed->transferSyntaxUid(), *metadata};
    if (const Status put = repository.putInstance(row); !put) {
        m_store.rollback();
        return put;
    }
    if (const Status committed = m_store.commit(); !committed)
        return committed;
    ++(stored->has_value() ? report.replaced : report.imported);
    return success();
}

Status DicomImporter::writeStaleStudies(DicomImportReport &report)
{
    // Studies with an instance newer than their ImagingStudy: this run's, and any an earlier
    // run stored but was stopped before writing the study.
    auto stale = m_store.exec(QStringLiteral(
        "SELECT DISTINCT i.study_uid FROM dicom_instances i LEFT JOIN dicom_studies s "
        "ON s.facility = i.facility AND s.study_uid = i.study_uid "
        "WHERE i.facility = ? AND (s.study_uid IS NULL OR s.updated < i.imported) ORDER BY i.study_uid"),
        {m_facility});
    if (!stale)
        return Failure{stale.error()};
    QStringList studies;
    while (stale->next())
        studies << stale->value(0).toString();
    stale->finish();

    DicomRepository repository(m_store);
    for (const QString &studyUid : studies) {
        if (const Status begun = m_store.beginTransaction(); !begun)
            return begun;
        auto fail = [&](const QString &error) {
            m_store.rollback();
            return Status(Failure{error});
        };
        const auto instances = repository.instancesOf(m_facility, studyUid);
        if (!instances)
            return fail(instances.error());
        QList<QJsonObject> all;
        QMap<QString, QList<QJsonObject>> bySeries;
        for (const DicomInstanceRow &row : *instances) {
            all << row.metadata;
            bySeries[row.seriesUid] << row.metadata;
        }
        ImagingStudyInput input{m_facility, {}, studyUid, Qido::studyAttributes(all), {}};
        for (auto it = bySeries.cbegin(); it != bySeries.cend(); ++it) {
            QList<QJsonObject> sorted = it.value();
            std::sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return DicomJson::string(a, "00200013").toInt() < DicomJson::string(b, "00200013").toInt();
            });
            QList<QJsonObject> instanceAttributes;
            for (const QJsonObject &i : sorted)
                instanceAttributes << Qido::instanceAttributes(i);
            input.series << ImagingSeries{Qido::seriesAttributes(sorted), instanceAttributes};
        }
        const auto patient = PatientRepository(m_store).findByLocalId(m_facility, DicomJson::string(input.study, "00100020"));
        if (!patient)
            return fail(patient.error());
        if (!patient->has_value())
            return fail(QStringLiteral("study %1: its patient is not in the store").arg(studyUid));
        input.patient = **patient;
        const auto written = writeImagingStudy(m_store, input);
        if (!written)
            return fail(written.error());
        const DicomStudyRow row{m_facility, studyUid, written->patient, QStringLiteral("stored"), written->id, input.study};
        if (const Status put = repository.putStudy(row); !put)
            return fail(put.error());
        if (const Status committed = m_store.commit(); !committed)
            return committed;
        ++report.studies;
        for (const QString &note : written->notes)
            report.problems << DicomImportReport::Problem{false, QStringLiteral("study ") + studyUid, note};
    }
    return success();
}

Result<QString> findOrCreateImagingPatient(Store &store, const QString &facility, const QString &localId,
                                           const QJsonObject &dataset)
{
    PatientRepository patients(store);
    const auto found = patients.findByLocalId(facility, localId);
    if (!found)
        return Failure{found.error()};
    if (found->has_value())
        return **found;

    // A patient first seen in images: what the file says (ideographic name for kanji,
    // phonetic for kana; the alphabetic one when that is all there is).
    Patient patient;
    // The same derivation as the SS-MIX2 import: a patient first seen in images gets the ID
    // their SS-MIX2 records would give them, whichever arrives first.
    patient.id = PatientRepository::importedPatientId(facility, localId);
    const QJsonObject name = dataset.value(QStringLiteral("00100010")).toObject().value(QStringLiteral("Value")).toArray().first().toObject();
    const QString written = name.value(QStringLiteral("Ideographic")).toString(name.value(QStringLiteral("Alphabetic")).toString());
    const QString phonetic = katakana(name.value(QStringLiteral("Phonetic")).toString());
    patient.familyName = written.section(QLatin1Char('^'), 0, 0);
    patient.givenName = written.section(QLatin1Char('^'), 1, 1);
    patient.familyKana = phonetic.section(QLatin1Char('^'), 0, 0);
    patient.givenKana = phonetic.section(QLatin1Char('^'), 1, 1);
    const QDate birth = QDate::fromString(DicomJson::string(dataset, "00100030"), QStringLiteral("yyyyMMdd"));
    if (birth.isValid())
        patient.birthDate = birth.toString(Qt::ISODate);
    patient.gender = genderOf(DicomJson::string(dataset, "00100040"));
    patient.identifiers.append({facility, {}, localId});
    if (const Status added = patients.add(patient); !added)
        return Failure{added.error()};
    return patient.id;
}
