#include "ssmix2importer.h"

#include "facilities.h"
#include "documentmapping.h"
#include "fhirmapping.h"
#include "hl7message.h"
#include "iso2022jp.h"
#include "patientrepository.h"
#include "resourcerepository.h"
#include "storagewalker.h"
#include "store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <functional>

namespace {

using Problem = Ssmix2ImportReport::Problem;

QString hashHex(const QString &text, int length)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(length));
}

/// Newest last; at equal timestamps a deletion comes after the version it deletes.
bool olderVersion(const Ssmix2::StorageFile &a, const Ssmix2::StorageFile &b)
{
    if (a.name.timestamp != b.name.timestamp)
        return a.name.timestamp < b.name.timestamp;
    return int(a.name.flag) > int(b.name.flag);
}

} // namespace

Ssmix2Importer::Ssmix2Importer(Store &store, QString facility)
    : m_store(store)
    , m_facility(std::move(facility))
{
}

namespace {

class FileImport
{
public:
    FileImport(Store &store, const QString &facility, Ssmix2ImportReport &report)
        : m_store(store), m_facility(facility), m_report(report)
    {
    }

    /// Imports \a file as the current version of its record.
    Status importCurrent(const Ssmix2::StorageFile &file)
    {
        if (file.document)
            return importDocument(file);
        const QString key = file.name.identity();
        ResourceRepository resources(m_store);
        const auto version = resources.importedVersion(m_facility, key);
        if (!version)
            return Failure{version.error()};
        const QString fileName = file.relativePath.section(QLatin1Char('/'), -1);
        if (version->has_value() && **version == fileName) {
            ++m_report.unchanged;
            return success();
        }

        QFile input(file.path);
        if (!input.open(QIODevice::ReadOnly))
            return fail(file, QStringLiteral("cannot read: %1").arg(input.errorString()));
        const auto text = Ssmix2::decodeIso2022Jp(input.readAll());
        if (!text)
            return fail(file, text.error());
        const auto message = Ssmix2::Hl7Message::parse(*text);
        if (!message)
            return fail(file, message.error());
        if (!Ssmix2::isMappedDataType(file.name.dataType)) {
            ++m_report.skipped;
            m_report.problems << Problem{Problem::Level::Skipped, file.path,
                                         QStringLiteral("data type %1 is not imported").arg(file.name.dataType)};
            return success();
        }

        if (const Status begun = m_store.beginTransaction(); !begun)
            return begun;
        auto patient = findOrCreatePatient(file, *message);
        if (!patient) {
            m_store.rollback();
            return Failure{patient.error()};
        }
        Ssmix2::MappingContext context{hashHex(m_facility + QLatin1Char('\n') + key, 24),
                                       QStringLiteral("Patient/") + *patient, m_facility,
                                       file.name.dataType};
        const auto mapped = Ssmix2::mapFhir(*message, context);
        if (!mapped) {
            m_store.rollback();
            return fail(file, mapped.error());
        }
        QList<ResourceRow> rows;
        for (const Ssmix2::MappedResource &r : mapped->resources)
            rows << ResourceRow{r.json.value(QStringLiteral("id")).toString(), r.type, *patient, m_facility,
                                r.kind, r.date, r.code, QJsonDocument(r.json).toJson(QJsonDocument::Compact)};
        if (const Status stored = resources.replaceSource(m_facility, key, fileName, *patient, rows); !stored) {
            m_store.rollback();
            return stored;
        }
        if (file.name.dataType == QLatin1String("ADT-00") && mapped->patient
            && mapped->patient->localId == file.name.patientId) {
            if (const Status updated = updateDemographics(*patient, *mapped->patient); !updated) {
                m_store.rollback();
                return updated;
            }
        }
        if (const Status committed = m_store.commit(); !committed)
            return committed;
        m_report.resources += int(rows.size());
        ++(version->has_value() ? m_report.replaced : m_report.imported);
        for (const QString &note : mapped->notes)
            m_report.problems << Problem{Problem::Level::Warning, file.path, note};
        return success();
    }

    Status importDeletion(const Ssmix2::StorageFile &file)
    {
        if (const Status begun = m_store.beginTransaction(); !begun)
            return begun;
        const auto removed = ResourceRepository(m_store).removeSource(m_facility, file.name.identity());
        if (!removed) {
            m_store.rollback();
            return Failure{removed.error()};
        }
        if (const Status committed = m_store.commit(); !committed)
            return committed;
        if (*removed > 0 || wasImported) {
            ++m_report.deleted;
        } else {
            ++m_report.skipped;
            m_report.problems << Problem{Problem::Level::Skipped, file.path,
                                         QStringLiteral("deleted version (_0) of a record this facility never imported: nothing to remove")
                                             + orderNumberMismatch(file)};
        }
        return success();
    }

    /// The file name's order number is the record's key (SS-MIX2: patient ID, care date, data
    /// type and order number name one record); a message whose ORC-2/OBR-2 says otherwise
    /// points at a storage writer's mistake the operator should hear about (docs/PROTOCOL.md).
    static QString orderNumberMismatch(const Ssmix2::StorageFile &file)
    {
        QFile input(file.path);
        if (!input.open(QIODevice::ReadOnly))
            return {};
        const auto text = Ssmix2::decodeIso2022Jp(input.readAll());
        const auto message = text ? Ssmix2::Hl7Message::parse(*text) : Result<Ssmix2::Hl7Message>(Failure{});
        if (!message)
            return {};
        QString placer;
        for (const char *segment : {"ORC", "OBR"}) {
            if (const auto *found = message->first(QString::fromLatin1(segment)); found && placer.isEmpty())
                placer = found->value(2);
        }
        if (placer.isEmpty() || placer == file.name.orderNo)
            return {};
        return QStringLiteral(" (its message names order %1 in ORC-2, the file name %2; the file name is the record's key, "
                              "so the record of order %1 was left as it is)").arg(placer, file.name.orderNo);
    }

    bool wasImported = false;

private:
    /// An extended-storage document: DocumentReference + Binary with the original bytes. Its
    /// version is the file name plus a SHA-1 of the content, since hospitals often rewrite a
    /// document in place under the same name.
    Status importDocument(const Ssmix2::StorageFile &file)
    {
        const QString key = file.name.identity();
        QFile input(file.path);
        if (!input.open(QIODevice::ReadOnly))
            return fail(file, QStringLiteral("cannot read: %1").arg(input.errorString()));
        const QByteArray bytes = input.readAll();
        const QString fileName = file.relativePath.section(QLatin1Char('/'), -1);
        const QString versionText = fileName + QLatin1Char('#')
            + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
        ResourceRepository resources(m_store);
        const auto version = resources.importedVersion(m_facility, key);
        if (!version)
            return Failure{version.error()};
        if (version->has_value() && **version == versionText) {
            ++m_report.unchanged;
            return success();
        }

        if (const Status begun = m_store.beginTransaction(); !begun)
            return begun;
        auto patient = findOrCreatePatient(file.name.patientId, [] { return std::optional<Ssmix2::PidDemographics>(); });
        if (!patient) {
            m_store.rollback();
            return Failure{patient.error()};
        }
        const Ssmix2::MappingContext context{hashHex(m_facility + QLatin1Char('\n') + key, 24),
                                             QStringLiteral("Patient/") + *patient, m_facility, file.name.dataType};
        const auto mapped = Ssmix2::mapDocument({bytes, fileName, file.name.dataType, file.name.careDate}, context);
        if (!mapped) {
            m_store.rollback();
            return fail(file, mapped.error());
        }
        QList<ResourceRow> rows;
        for (const Ssmix2::MappedResource &r : *mapped)
            rows << ResourceRow{r.json.value(QStringLiteral("id")).toString(), r.type, *patient, m_facility,
                                r.kind, r.date, r.code, QJsonDocument(r.json).toJson(QJsonDocument::Compact)};
        if (const Status stored = resources.replaceSource(m_facility, key, versionText, *patient, rows); !stored) {
            m_store.rollback();
            return stored;
        }
        if (const Status committed = m_store.commit(); !committed)
            return committed;
        m_report.resources += int(rows.size());
        ++(version->has_value() ? m_report.replaced : m_report.imported);
        return success();
    }

    Status fail(const Ssmix2::StorageFile &file, const QString &reason)
    {
        ++m_report.failed;
        m_report.problems << Problem{Problem::Level::Failed, file.path, reason};
        return success();
    }

    Result<QString> findOrCreatePatient(const Ssmix2::StorageFile &file, const Ssmix2::Hl7Message &message)
    {
        const QString localId = file.name.patientId;
        const QString pidId = message.first(QStringLiteral("PID"))
            ? message.first(QStringLiteral("PID"))->value(3) : QString();
        const bool pidMatches = pidId == localId;
        if (!pidMatches)
            m_report.problems << Problem{Problem::Level::Warning, file.path,
                                         QStringLiteral("PID-3 '%1' differs from the storage folder's patient ID '%2'; "
                                                        "imported under the folder's patient, demographics not taken")
                                             .arg(pidId, localId)};
        // Mapped only for a new patient: most messages are of patients already known.
        return findOrCreatePatient(localId, [&]() -> std::optional<Ssmix2::PidDemographics> {
            if (!pidMatches)
                return std::nullopt;
            const auto mapped = Ssmix2::mapFhir(message, {QString(), QString(), m_facility, QStringLiteral("ADT-00")});
            return mapped ? mapped->patient : std::nullopt;
        });
    }

    /// The network patient of (facility, \a localId), created when new with what
    /// \a demographics() tells (a document alone tells nothing).
    Result<QString> findOrCreatePatient(const QString &localId,
                                        const std::function<std::optional<Ssmix2::PidDemographics>()> &demographics)
    {
        PatientRepository patients(m_store);
        const auto found = patients.findByLocalId(m_facility, localId);
        if (!found)
            return Failure{found.error()};
        if (found->has_value())
            return **found;

        Patient patient;
        patient.id = PatientRepository::importedPatientId(m_facility, localId);
        patient.gender = QStringLiteral("unknown");
        if (const auto known = demographics())
            fillDemographics(patient, *known);
        patient.identifiers.append({m_facility, {}, localId});
        if (const Status added = patients.add(patient); !added)
            return Failure{added.error()};
        return patient.id;
    }

    static void fillDemographics(Patient &patient, const Ssmix2::PidDemographics &d)
    {
        patient.familyName = d.familyName;
        patient.givenName = d.givenName;
        patient.familyKana = d.familyKana;
        patient.givenKana = d.givenKana;
        patient.birthDate = d.birthDate;
        patient.gender = d.gender;
    }

    Status updateDemographics(const QString &id, const Ssmix2::PidDemographics &d)
    {
        Patient patient;
        patient.id = id;
        fillDemographics(patient, d);
        return PatientRepository(m_store).updateDemographics(patient);
    }

    Store &m_store;
    const QString &m_facility;
    Ssmix2ImportReport &m_report;
};

} // namespace

Result<Ssmix2ImportReport> Ssmix2Importer::importStorage(const QString &root)
{
    Ssmix2ImportReport report;
    const auto facility = FacilityRepository(m_store).find(m_facility);
    if (!facility)
        return Failure{facility.error()};
    if (!facility->has_value())
        return Failure{QStringLiteral("unknown facility '%1' (add it with `renkei-hub facility add`)").arg(m_facility)};
    if (!QFileInfo(root).isDir())
        return Failure{QStringLiteral("%1 is not a folder").arg(root)};

    const Ssmix2::StorageWalk walk = Ssmix2::walkStorage(root);
    report.files = int(walk.files.size() + walk.refused.size());
    for (const Ssmix2::RefusedFile &refused : walk.refused) {
        ++report.failed;
        report.problems << Problem{Problem::Level::Failed, refused.path, refused.reason};
    }

    // Versions of one record together, newest last; ADT-00 first so a patient is created with
    // the demographics of their registration message.
    QHash<QString, QList<Ssmix2::StorageFile>> versions;
    QStringList order;
    for (const Ssmix2::StorageFile &file : walk.files) {
        const QString key = file.name.identity();
        if (!versions.contains(key))
            order << key;
        versions[key].append(file);
    }
    std::stable_sort(order.begin(), order.end(), [&](const QString &a, const QString &b) {
        const bool aAdt = versions[a].first().name.dataType == QLatin1String("ADT-00");
        const bool bAdt = versions[b].first().name.dataType == QLatin1String("ADT-00");
        return aAdt && !bAdt;
    });

    FileImport importer(m_store, m_facility, report);
    for (const QString &key : order) {
        QList<Ssmix2::StorageFile> files = versions.value(key);
        std::stable_sort(files.begin(), files.end(), olderVersion);
        const Ssmix2::StorageFile *effective = nullptr;
        for (const Ssmix2::StorageFile &file : files) {
            if (file.name.flag != Ssmix2::ConditionFlag::Superseded)
                effective = &file;
        }
        for (const Ssmix2::StorageFile &file : files) {
            if (&file == effective)
                continue;
            ++report.skipped;
            report.problems << Problem{Problem::Level::Skipped, file.path,
                                       effective ? QStringLiteral("older version of %1").arg(effective->path)
                                                 : QStringLiteral("superseded version (_2) and no current version")};
        }
        if (!effective)
            continue;
        Status done = success();
        if (effective->name.flag == Ssmix2::ConditionFlag::Deleted) {
            const auto version = ResourceRepository(m_store).importedVersion(m_facility, key);
            if (!version)
                return Failure{version.error()};
            importer.wasImported = version->has_value();
            done = importer.importDeletion(*effective);
        } else {
            done = importer.importCurrent(*effective);
        }
        if (!done) // a store failure, not a file's: stop, every finished file is committed
            return Failure{QStringLiteral("%1: %2").arg(effective->path, done.error())};
    }
    return report;
}
