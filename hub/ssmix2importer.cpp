#include "ssmix2importer.h"

#include "compactjson.h"
#include "documentmapping.h"
#include "facilities.h"
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

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <functional>
#include <future>
#include <map>
#include <memory>

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

/// What can be made of one file without the database: read, decoded, parsed and mapped for
/// the patient the file's local ID would get when new (PatientRepository::importedPatientId).
/// Made on a worker thread while the main thread stores earlier files; the main thread keeps
/// every decision that reads the database, in walk order, so the result is the same as
/// reading the file there (docs/ARCHITECTURE.md).
struct PreparedFile
{
    QString failure;      ///< the file's reason to fail, before its type is looked at
    bool unmapped = false; ///< a data type the hub does not import
    std::optional<Ssmix2::Hl7Message> message;
    QByteArray documentBytes;
    QString documentVersion; ///< file name + SHA-1 of an extended-storage document
    QString assumedPatient; ///< the network patient the mapping below refers to
    std::optional<Result<Ssmix2::MappedMessage>> mapped;
    std::optional<Result<QList<Ssmix2::MappedResource>>> documentMapped;
    QList<QByteArray> json; ///< the mapped resources serialized, in order
    QStringList ids;        ///< their ids, in the same order (the QJsonObjects are released)
};

QString fileNameOf(const Ssmix2::StorageFile &file)
{
    return file.relativePath.section(QLatin1Char('/'), -1);
}

Ssmix2::MappingContext mappingContext(const QString &facility, const Ssmix2::StorageFile &file, const QString &patient)
{
    return {hashHex(facility + QLatin1Char('\n') + file.name.identity(), 24), QStringLiteral("Patient/") + patient,
            facility, file.name.dataType};
}

/// The resources as stored JSON text, and their ids. The QJsonObjects are released here, on
/// the thread that built them: freed on the storing thread instead, their many small blocks
/// made it take the worker threads' malloc locks for every file (perf: lock waits on both).
QList<QByteArray> serializeAndRelease(QList<Ssmix2::MappedResource> &resources, QStringList &ids)
{
    QList<QByteArray> json;
    json.reserve(resources.size());
    ids.clear();
    ids.reserve(resources.size());
    for (Ssmix2::MappedResource &r : resources) {
        json << Ssmix2::compactJson(r.json);
        ids << r.json.value(QLatin1String("id")).toString();
        r.json = QJsonObject();
    }
    return json;
}

/// Thread-safe: touches only the file and its own values (the mapping's tables are
/// function-local constants).
PreparedFile prepareFile(const Ssmix2::StorageFile &file, const QString &facility)
{
    PreparedFile prepared;
    prepared.assumedPatient = PatientRepository::importedPatientId(facility, file.name.patientId);
    QFile input(file.path);
    if (!input.open(QIODevice::ReadOnly)) {
        prepared.failure = QStringLiteral("cannot read: %1").arg(input.errorString());
        return prepared;
    }
    const QByteArray bytes = input.readAll();
    const auto context = mappingContext(facility, file, prepared.assumedPatient);
    if (file.document) {
        prepared.documentVersion = fileNameOf(file) + QLatin1Char('#')
            + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
        prepared.documentBytes = bytes;
        prepared.documentMapped = Ssmix2::mapDocument({bytes, fileNameOf(file), file.name.dataType, file.name.careDate},
                                                      context);
        if (*prepared.documentMapped)
            prepared.json = serializeAndRelease(**prepared.documentMapped, prepared.ids);
        return prepared;
    }
    const auto text = Ssmix2::decodeIso2022Jp(bytes);
    if (!text) {
        prepared.failure = text.error();
        return prepared;
    }
    auto message = Ssmix2::Hl7Message::parse(*text);
    if (!message) {
        prepared.failure = message.error();
        return prepared;
    }
    prepared.message = std::move(*message);
    if (!Ssmix2::isMappedDataType(file.name.dataType)) {
        prepared.unmapped = true;
        return prepared;
    }
    prepared.mapped = Ssmix2::mapFhir(*prepared.message, context);
    if (*prepared.mapped)
        prepared.json = serializeAndRelease((*prepared.mapped)->resources, prepared.ids);
    return prepared;
}

/// The import's transactions: several files per transaction, each file inside a savepoint of
/// its own. A file that fails rolls back to its savepoint, so every message is stored whole or
/// not at all; the batch commits every kFilesPerCommit files or kCommitInterval and at the
/// end. An import killed midway loses at most the uncommitted batch, which the next
/// (idempotent) run imports again (docs/PROTOCOL.md). A commit per file made the same inserts
/// 1.5-2x slower (bench/README.md, the sqlite3 peers).
class ImportTransaction
{
public:
    static constexpr int kFilesPerCommit = 1000;
    static constexpr qint64 kCommitIntervalMs = 250;

    explicit ImportTransaction(Store &store) : m_store(store) {}
    /// An import that stops early keeps its finished files, never a part of one.
    ~ImportTransaction()
    {
        if (m_inFile)
            dropFile();
        commit();
    }

    Status beginFile()
    {
        if (!m_open) {
            if (const Status begun = m_store.beginTransaction(); !begun)
                return begun;
            m_open = true;
            m_files = 0;
            m_since.start();
        }
        if (const Status saved = m_store.savepoint(kSavepoint); !saved)
            return saved;
        m_inFile = true;
        return success();
    }

    /// Keeps the file's changes; commits the batch when it is due.
    Status keepFile()
    {
        m_inFile = false;
        if (const Status released = m_store.releaseSavepoint(kSavepoint); !released)
            return released;
        if (++m_files >= kFilesPerCommit || m_since.elapsed() >= kCommitIntervalMs)
            return commit();
        return success();
    }

    /// Undoes the file's changes; the batch's other files stay.
    Status dropFile()
    {
        m_inFile = false;
        return m_store.rollbackToSavepoint(kSavepoint);
    }

    Status commit()
    {
        if (!m_open)
            return success();
        m_open = false;
        return m_store.commit();
    }

private:
    static constexpr const char *kSavepoint = "ssmix2_file";
    Store &m_store;
    bool m_open = false;
    bool m_inFile = false;
    int m_files = 0;
    QElapsedTimer m_since;
};

class FileImport
{
public:
    FileImport(Store &store, const QString &facility, Ssmix2ImportReport &report)
        : m_store(store), m_facility(facility), m_report(report), m_transaction(store)
    {
    }

    /// Imports \a file as the current version of its record. \a prepared is what a worker
    /// made of it, or nullptr to read it here.
    Status importCurrent(const Ssmix2::StorageFile &file, PreparedFile *prepared)
    {
        if (file.document)
            return importDocument(file, prepared);
        const QString key = file.name.identity();
        ResourceRepository resources(m_store);
        const auto version = resources.importedVersion(m_facility, key);
        if (!version)
            return Failure{version.error()};
        const QString fileName = fileNameOf(file);
        if (version->has_value() && **version == fileName) {
            ++m_report.unchanged;
            return success();
        }

        PreparedFile local;
        if (!prepared) {
            local = prepareFile(file, m_facility);
            prepared = &local;
        }
        if (!prepared->failure.isEmpty())
            return fail(file, prepared->failure);
        const Ssmix2::Hl7Message &message = *prepared->message;
        if (prepared->unmapped) {
            ++m_report.skipped;
            m_report.problems << Problem{Problem::Level::Skipped, file.path,
                                         QStringLiteral("data type %1 is not imported").arg(file.name.dataType)};
            return success();
        }

        if (const Status begun = m_transaction.beginFile(); !begun)
            return begun;
        auto patient = findOrCreatePatient(file, message);
        if (!patient)
            return storeFailure(patient.error());
        if (*patient != prepared->assumedPatient) {
            // The patient existed before under another ID (a FHIR import, say): map again.
            prepared->mapped = Ssmix2::mapFhir(message, mappingContext(m_facility, file, *patient));
            prepared->json = *prepared->mapped ? serializeAndRelease((*prepared->mapped)->resources, prepared->ids)
                                               : QList<QByteArray>();
        }
        const auto &mapped = *prepared->mapped;
        if (!mapped) {
            if (const Status dropped = m_transaction.dropFile(); !dropped)
                return dropped;
            return fail(file, mapped.error());
        }
        const QList<ResourceRow> rows = rowsOf(mapped->resources, prepared->ids, prepared->json, *patient);
        if (const Status stored = resources.replaceSource(m_facility, key, fileName, *patient, rows); !stored)
            return storeFailure(stored.error());
        if (file.name.dataType == QLatin1String("ADT-00") && mapped->patient
            && mapped->patient->localId == file.name.patientId) {
            if (const Status updated = updateDemographics(*patient, *mapped->patient); !updated)
                return storeFailure(updated.error());
        }
        if (const Status kept = keepFile(file.name.patientId, *patient); !kept)
            return kept;
        m_report.resources += int(rows.size());
        ++(version->has_value() ? m_report.replaced : m_report.imported);
        for (const QString &note : mapped->notes)
            m_report.problems << Problem{Problem::Level::Warning, file.path, note};
        return success();
    }

    Status importDeletion(const Ssmix2::StorageFile &file)
    {
        if (const Status begun = m_transaction.beginFile(); !begun)
            return begun;
        const auto removed = ResourceRepository(m_store).removeSource(m_facility, file.name.identity());
        if (!removed)
            return storeFailure(removed.error());
        if (const Status kept = m_transaction.keepFile(); !kept)
            return kept;
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

    /// Commits what the last batch holds; call once after the last file.
    Status finish() { return m_transaction.commit(); }

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
    Status importDocument(const Ssmix2::StorageFile &file, PreparedFile *prepared)
    {
        PreparedFile local;
        if (!prepared) {
            local = prepareFile(file, m_facility);
            prepared = &local;
        }
        if (!prepared->failure.isEmpty())
            return fail(file, prepared->failure);
        const QString key = file.name.identity();
        const QString &versionText = prepared->documentVersion;
        ResourceRepository resources(m_store);
        const auto version = resources.importedVersion(m_facility, key);
        if (!version)
            return Failure{version.error()};
        if (version->has_value() && **version == versionText) {
            ++m_report.unchanged;
            return success();
        }

        if (const Status begun = m_transaction.beginFile(); !begun)
            return begun;
        auto patient = findOrCreatePatient(file.name.patientId, [] { return std::optional<Ssmix2::PidDemographics>(); });
        if (!patient)
            return storeFailure(patient.error());
        if (*patient != prepared->assumedPatient) {
            prepared->documentMapped = Ssmix2::mapDocument(
                {prepared->documentBytes, fileNameOf(file), file.name.dataType, file.name.careDate},
                mappingContext(m_facility, file, *patient));
            prepared->json = *prepared->documentMapped
                ? serializeAndRelease(**prepared->documentMapped, prepared->ids)
                : QList<QByteArray>();
        }
        const auto &mapped = *prepared->documentMapped;
        if (!mapped) {
            if (const Status dropped = m_transaction.dropFile(); !dropped)
                return dropped;
            return fail(file, mapped.error());
        }
        const QList<ResourceRow> rows = rowsOf(*mapped, prepared->ids, prepared->json, *patient);
        if (const Status stored = resources.replaceSource(m_facility, key, versionText, *patient, rows); !stored)
            return storeFailure(stored.error());
        if (const Status kept = keepFile(file.name.patientId, *patient); !kept)
            return kept;
        m_report.resources += int(rows.size());
        ++(version->has_value() ? m_report.replaced : m_report.imported);
        return success();
    }

    QList<ResourceRow> rowsOf(const QList<Ssmix2::MappedResource> &resources, const QStringList &ids,
                              const QList<QByteArray> &json, const QString &patient) const
    {
        QList<ResourceRow> rows;
        rows.reserve(resources.size());
        for (qsizetype i = 0; i < resources.size(); ++i) {
            const Ssmix2::MappedResource &r = resources.at(i);
            rows << ResourceRow{ids.at(i), r.type, patient, m_facility,
                                r.kind, r.date, r.code, json.at(i)};
        }
        return rows;
    }

    /// The file's changes stay; its patient is known from now on.
    Status keepFile(const QString &localId, const QString &patient)
    {
        if (const Status kept = m_transaction.keepFile(); !kept)
            return kept;
        m_patients.insert(localId, patient);
        return success();
    }

    /// A database failure, not the file's: the file's changes go, the batch's finished files
    /// are committed, and the import stops.
    Status storeFailure(const QString &error)
    {
        m_transaction.dropFile();
        m_transaction.commit();
        return Failure{error};
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
        // Patients of files already kept in this run: an identifier, once stored, is never
        // moved to another patient by an import.
        if (const auto known = m_patients.constFind(localId); known != m_patients.constEnd())
            return *known;
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
    ImportTransaction m_transaction;
    QHash<QString, QString> m_patients; ///< local ID → network patient, of kept files
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

    // Each record's effective version (the newest _1 or _0), decided before any import so
    // that workers can read the next files while the current one is stored.
    struct Record
    {
        QList<Ssmix2::StorageFile> files; ///< oldest first
        qsizetype effective = -1;
    };
    QList<Record> records;
    records.reserve(order.size());
    for (const QString &key : order) {
        Record record{versions.value(key)};
        std::stable_sort(record.files.begin(), record.files.end(), olderVersion);
        for (qsizetype i = 0; i < record.files.size(); ++i) {
            if (record.files.at(i).name.flag != Ssmix2::ConditionFlag::Superseded)
                record.effective = i;
        }
        records << record;
    }

    // Which versions the store already holds: a file it holds is not read ahead (the
    // re-import stays a walk plus one lookup per file). Only a hint: the lookup inside the
    // transaction decides, as before.
    const auto held = ResourceRepository(m_store).importedVersions(m_facility);
    if (!held)
        return Failure{held.error()};
    auto needsReading = [&](const Record &record) {
        if (record.effective < 0)
            return false;
        const Ssmix2::StorageFile &file = record.files.at(record.effective);
        if (file.name.flag == Ssmix2::ConditionFlag::Deleted)
            return false;
        return file.document || held->value(file.name.identity()) != fileNameOf(file);
    };

    // Read-ahead: decode, parse, map and serialize up to kWindow records ahead on the pool's
    // threads; results are used strictly in walk order on this thread, which alone touches
    // the database, so supersede/delete semantics and counts do not depend on the threads.
    // The window bounds memory to a few dozen parsed messages.
    constexpr qsizetype kWindow = 32;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    std::map<qsizetype, std::future<PreparedFile>> ahead;
    qsizetype nextToQueue = 0;
    auto queueUpTo = [&](qsizetype limit) {
        for (; nextToQueue < std::min(limit, records.size()); ++nextToQueue) {
            const Record &record = records.at(nextToQueue);
            if (!needsReading(record))
                continue;
            auto task = std::make_shared<std::packaged_task<PreparedFile()>>(
                [file = record.files.at(record.effective), facility = m_facility] { return prepareFile(file, facility); });
            ahead.emplace(nextToQueue, task->get_future());
            pool.start([task] { (*task)(); });
        }
    };
    // Whatever is still queued when the loop returns early must not outlive what it reads.
    auto drain = qScopeGuard([&] {
        pool.clear();
        pool.waitForDone();
    });

    FileImport importer(m_store, m_facility, report);
    for (qsizetype index = 0; index < records.size(); ++index) {
        queueUpTo(index + kWindow);
        const Record &record = records.at(index);
        const Ssmix2::StorageFile *effective = record.effective >= 0 ? &record.files.at(record.effective) : nullptr;
        for (const Ssmix2::StorageFile &file : record.files) {
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
            const auto version = ResourceRepository(m_store).importedVersion(m_facility, effective->name.identity());
            if (!version)
                return Failure{version.error()};
            importer.wasImported = version->has_value();
            done = importer.importDeletion(*effective);
        } else {
            std::optional<PreparedFile> prepared;
            if (auto found = ahead.find(index); found != ahead.end()) {
                prepared = found->second.get();
                ahead.erase(found);
            }
            done = importer.importCurrent(*effective, prepared ? &*prepared : nullptr);
            // Freed on the pool, like it was built: the storing thread's time is the import's.
            if (prepared)
                pool.start([leftover = std::make_shared<PreparedFile>(std::move(*prepared))] {});
        }
        if (!done) // a store failure, not a file's: stop, every finished file is committed
            return Failure{QStringLiteral("%1: %2").arg(effective->path, done.error())};
    }
    if (const Status committed = importer.finish(); !committed)
        return Failure{committed.error()};
    return report;
}
