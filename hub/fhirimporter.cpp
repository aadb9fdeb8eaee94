#include "fhirimporter.h"

#include "facilities.h"
#include "fhirimportfile.h"
#include "fhirimportmapping.h"
#include "patientrepository.h"
#include "recordsearch.h"
#include "resourcerepository.h"
#include "store.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace {

using Level = ImportReport::Problem::Level;

QString hashHex(const QByteArray &bytes, QCryptographicHash::Algorithm algorithm, int length)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, algorithm).toHex().left(length));
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool isStoredType(const QString &type)
{
    return recordTypes().contains(type) || type == QLatin1String("Binary");
}

using FhirImport::Entry;
using FhirImport::InputFile;

/// What one file did; merged into the run's report only when the file's transaction commits.
struct FileOutcome
{
    ImportReport counts;
    QString firstFailure;
};

class FileImport
{
public:
    FileImport(Store &store, const QString &facility, const QString &idSystem)
        : m_store(store), m_facility(facility), m_idSystem(idSystem)
    {
    }

    /// Fails only on a store error; file problems go to \a report.
    Status importFile(const QString &path, ImportReport &report)
    {
        InputFile parsed = FhirImport::readInputFile(path);
        for (const QString &bad : std::as_const(parsed.badLines)) {
            ++report.failed;
            report.addProblem(Level::Failed, path, bad);
        }
        if (!parsed.problem.isEmpty()) {
            failFile(report, path, parsed.problem);
            return success();
        }
        if (parsed.entries.isEmpty()) {
            ++report.skipped;
            report.addProblem(Level::Skipped, path, QStringLiteral("no resources in the file"));
            return success();
        }

        if (const Status begun = m_store.beginTransaction(); !begun)
            return begun;
        m_references.clear();
        FileOutcome outcome;
        const Status done = importEntries(parsed, path, outcome);
        if (!done) {
            m_store.rollback();
            return done;
        }
        if (parsed.transaction && outcome.counts.failed > 0) {
            m_store.rollback();
            failFile(report, path, QStringLiteral("transaction Bundle not imported (all or nothing): %1")
                                       .arg(outcome.firstFailure));
            return success();
        }
        if (const Status committed = m_store.commit(); !committed)
            return committed;
        report.imported += outcome.counts.imported;
        report.replaced += outcome.counts.replaced;
        report.deleted += outcome.counts.deleted;
        report.unchanged += outcome.counts.unchanged;
        report.skipped += outcome.counts.skipped;
        report.failed += outcome.counts.failed;
        report.resources += outcome.counts.resources;
        report.problems += outcome.counts.problems;
        return success();
    }

private:
    static void failFile(ImportReport &report, const QString &path, const QString &reason)
    {
        ++report.failed;
        report.addProblem(Level::Failed, path, reason);
    }

    void failEntry(Entry &entry, const QString &path, FileOutcome &outcome, const QString &reason)
    {
        const QString text = label(entry) + QStringLiteral(": ") + reason;
        ++outcome.counts.failed;
        outcome.counts.addProblem(Level::Failed, path, text);
        if (outcome.firstFailure.isEmpty())
            outcome.firstFailure = text;
    }

    void skipEntry(const Entry &entry, const QString &path, FileOutcome &outcome, const QString &reason)
    {
        ++outcome.counts.skipped;
        outcome.counts.addProblem(Level::Skipped, path, label(entry) + QStringLiteral(": ") + reason);
    }

    /// "entry 3 (Observation/abc)": where the operator finds the resource in the file.
    static QString label(const Entry &entry)
    {
        if (entry.type.isEmpty())
            return entry.where;
        return entry.originalId.isEmpty() ? QStringLiteral("%1 (%2)").arg(entry.where, entry.type)
                                          : QStringLiteral("%1 (%2/%3)").arg(entry.where, entry.type, entry.originalId);
    }

    QString hubId(const QString &sourceKey) const
    {
        return hashHex((m_facility + QLatin1Char('\n') + sourceKey).toUtf8(), QCryptographicHash::Sha256, 24);
    }

    /// Type, original ID and the source key that identifies the resource across imports.
    void identify(Entry &entry)
    {
        entry.type = entry.resource.value(QStringLiteral("resourceType")).toString();
        entry.originalId = entry.resource.value(QStringLiteral("id")).toString();
        static const QRegularExpression typeAndId(QStringLiteral("^([A-Za-z]+)/([A-Za-z0-9\\-\\.]{1,64})$"));
        const auto url = typeAndId.match(entry.requestUrl);
        if (entry.originalId.isEmpty() && url.hasMatch() && url.captured(1) == entry.type)
            entry.originalId = url.captured(2);
        if (entry.method == QLatin1String("DELETE") && url.hasMatch()) {
            entry.type = url.captured(1);
            entry.originalId = url.captured(2);
        }
        if (!entry.originalId.isEmpty())
            entry.sourceKey = QStringLiteral("fhir:%1/%2").arg(entry.type, entry.originalId);
        else if (!entry.fullUrl.isEmpty())
            entry.sourceKey = QStringLiteral("fhir:%1@%2").arg(entry.type, entry.fullUrl);
        else
            entry.sourceKey = QStringLiteral("fhir:%1#%2").arg(entry.type, hashHex(compact(entry.resource), QCryptographicHash::Sha1, 40));
        entry.newId = hubId(entry.sourceKey);
    }

    void addReferences(const Entry &entry, const QString &target)
    {
        if (!entry.fullUrl.isEmpty())
            m_references.insert(entry.fullUrl, target);
        if (!entry.originalId.isEmpty())
            m_references.insert(entry.type + QLatin1Char('/') + entry.originalId, target);
    }

    /// What a reference in this file points to in the hub; nullopt leaves it as it is.
    std::optional<QString> mapReference(const QString &reference)
    {
        if (const auto it = m_references.constFind(reference); it != m_references.constEnd())
            return *it;
        static const QRegularExpression typeAndId(QStringLiteral("^([A-Za-z]+)/([A-Za-z0-9\\-\\.]{1,64})$"));
        const auto match = typeAndId.match(reference);
        if (!match.hasMatch())
            return std::nullopt;
        const QString type = match.captured(1);
        if (type == QLatin1String("Patient")) {
            // A Patient of an earlier file (bulk exports put Patients in a file of their own).
            const auto patient = ResourceRepository(m_store).importedPatient(m_facility, QStringLiteral("fhir:") + reference);
            if (patient && patient->has_value()) {
                m_references.insert(reference, QStringLiteral("Patient/") + **patient);
                return QStringLiteral("Patient/") + **patient;
            }
            return std::nullopt;
        }
        // A record of another file: its hub ID follows from its type and ID alone.
        if (isStoredType(type))
            return type + QLatin1Char('/') + hubId(QStringLiteral("fhir:") + reference);
        return std::nullopt;
    }

    Status importEntries(InputFile &parsed, const QString &path, FileOutcome &outcome)
    {
        for (Entry &entry : parsed.entries)
            identify(entry);
        // Patients first, so that records anywhere in the file find theirs.
        for (Entry &entry : parsed.entries) {
            if (entry.type == QLatin1String("Patient") && entry.method != QLatin1String("DELETE")) {
                if (const Status done = importPatient(entry, path, outcome); !done)
                    return done;
            }
        }
        for (Entry &entry : parsed.entries) {
            if (isStoredType(entry.type))
                addReferences(entry, entry.type + QLatin1Char('/') + entry.newId);
        }
        // DocumentReferences before the Binaries they own: a Binary takes their patient and kind.
        QHash<QString, ResourceRow> owners; // Binary hub ID → its DocumentReference's row
        QList<Entry *> binaries;
        for (Entry &entry : parsed.entries) {
            if (entry.method == QLatin1String("DELETE")) {
                if (const Status done = deleteSource(entry, path, outcome); !done)
                    return done;
            } else if (entry.type == QLatin1String("Patient")) {
                continue;
            } else if (entry.type == QLatin1String("Binary")) {
                binaries << &entry;
            } else if (entry.type == QLatin1String("Composition") && parsed.document) {
                if (const Status done = importComposition(entry, parsed.bytes, path, outcome); !done)
                    return done;
            } else if (const Status done = importRecord(entry, path, outcome, owners); !done) {
                return done;
            }
        }
        for (Entry *entry : std::as_const(binaries)) {
            if (const Status done = importBinary(*entry, path, outcome, owners); !done)
                return done;
        }
        return success();
    }

    Status importPatient(Entry &entry, const QString &path, FileOutcome &outcome)
    {
        const auto demographics = FhirImport::patientFrom(entry.resource, m_facility, m_idSystem);
        if (!demographics) {
            failEntry(entry, path, outcome, demographics.error());
            return success();
        }
        const QString localId = demographics->identifiers.first().value;
        if (entry.originalId.isEmpty() && entry.fullUrl.isEmpty())
            entry.sourceKey = QStringLiteral("fhir:Patient|") + localId;
        PatientRepository patients(m_store);
        const auto found = patients.findByLocalId(m_facility, localId);
        if (!found)
            return Failure{found.error()};
        const QString version = hashHex(compact(entry.resource), QCryptographicHash::Sha1, 40);
        ResourceRepository resources(m_store);
        const auto stored = resources.importedVersion(m_facility, entry.sourceKey);
        if (!stored)
            return Failure{stored.error()};

        QString id;
        if (found->has_value()) {
            id = **found;
            const bool changed = !stored->has_value() || **stored != version;
            const bool named = !demographics->familyName.isEmpty() || !demographics->familyKana.isEmpty();
            if (changed && named) {
                Patient update = *demographics;
                update.id = id;
                if (const Status updated = patients.updateDemographics(update); !updated)
                    return updated;
            }
        } else {
            Patient patient = *demographics;
            patient.id = PatientRepository::importedPatientId(m_facility, localId);
            if (const Status added = patients.add(patient); !added)
                return added;
            id = patient.id;
        }
        entry.newId = id;
        addReferences(entry, QStringLiteral("Patient/") + id);

        if (stored->has_value() && **stored == version) {
            ++outcome.counts.unchanged;
            return success();
        }
        if (const Status recorded = resources.replaceSource(m_facility, entry.sourceKey, version, id, {}); !recorded)
            return recorded;
        ++(stored->has_value() ? outcome.counts.replaced : outcome.counts.imported);
        return success();
    }

    /// The network patient of a record: its subject/patient reference rewritten, or the
    /// reference's identifier as the facility's local ID.
    std::optional<QString> patientOf(const QJsonObject &resource, const QString &element)
    {
        const QJsonObject reference = resource.value(element).toObject();
        // Only references this import resolved: a file cannot attach records to any network
        // patient by naming its ID.
        const auto mapped = mapReference(reference.value(QStringLiteral("reference")).toString());
        if (mapped && mapped->startsWith(QLatin1String("Patient/")))
            return mapped->mid(8);
        const QString localId = reference.value(QStringLiteral("identifier")).toObject().value(QStringLiteral("value")).toString();
        if (!localId.isEmpty()) {
            const auto found = PatientRepository(m_store).findByLocalId(m_facility, localId);
            if (found && found->has_value())
                return **found;
        }
        return std::nullopt;
    }

    /// The resource as the hub keeps it: references rewritten, hub ID, facility in meta.source.
    QJsonObject finished(const Entry &entry, const QString &patient, const QString &element)
    {
        QJsonObject json = FhirImport::rewriteReferences(entry.resource, [this](const QString &r) { return mapReference(r); });
        json.insert(QStringLiteral("id"), entry.newId);
        QJsonObject meta = json.value(QStringLiteral("meta")).toObject();
        meta.insert(QStringLiteral("source"), QStringLiteral("urn:renkei:facility:") + m_facility);
        json.insert(QStringLiteral("meta"), meta);
        if (!element.isEmpty()) {
            QJsonObject reference{{QStringLiteral("reference"), QStringLiteral("Patient/") + patient}};
            const QString display = entry.resource.value(element).toObject().value(QStringLiteral("display")).toString();
            if (!display.isEmpty())
                reference.insert(QStringLiteral("display"), display);
            json.insert(element, reference);
        }
        return json;
    }

    Status importRecord(Entry &entry, const QString &path, FileOutcome &outcome, QHash<QString, ResourceRow> &owners)
    {
        if (entry.type.isEmpty()) {
            failEntry(entry, path, outcome, QStringLiteral("no resourceType: not a FHIR resource"));
            return success();
        }
        if (!FhirImport::isR4ResourceType(entry.type)) {
            failEntry(entry, path, outcome, QStringLiteral("unknown resourceType '%1' (not a FHIR R4 resource)").arg(entry.type));
            return success();
        }
        if (!isStoredType(entry.type)) {
            skipEntry(entry, path, outcome, entry.type == QLatin1String("Composition")
                                                ? QStringLiteral("a Composition is stored only from a document Bundle")
                                                : QStringLiteral("not a kind of record the hub keeps"));
            return success();
        }
        const QString element = FhirImport::patientElement(entry.type);
        const auto patient = patientOf(entry.resource, element);
        if (!patient) {
            const QString given = entry.resource.value(element).toObject().value(QStringLiteral("reference")).toString();
            failEntry(entry, path, outcome, given.isEmpty()
                          ? QStringLiteral("no patient: '%1' is missing").arg(element)
                          : QStringLiteral("no patient: '%1' refers to '%2', which is neither a Patient of this file "
                                           "nor one imported earlier from %3").arg(element, given, m_facility));
            return success();
        }
        const QJsonObject json = finished(entry, *patient, element);
        const ResourceRow row{entry.newId, entry.type, *patient, m_facility, FhirImport::disclosureKind(json),
                              FhirImport::clinicalDate(json), FhirImport::mainCode(json), compact(json)};
        if (entry.type == QLatin1String("DocumentReference")) {
            for (const QJsonValue &content : json.value(QStringLiteral("content")).toArray()) {
                const QString url = content.toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("url")).toString();
                if (url.startsWith(QLatin1String("Binary/")))
                    owners.insert(url.mid(7), row);
            }
        }
        return store(entry.sourceKey, *patient, {row}, outcome);
    }

    Status importBinary(Entry &entry, const QString &path, FileOutcome &outcome, const QHash<QString, ResourceRow> &owners)
    {
        const auto owner = owners.constFind(entry.newId);
        if (owner == owners.constEnd()) {
            skipEntry(entry, path, outcome, QStringLiteral("not the content of a DocumentReference in the same file"));
            return success();
        }
        QJsonObject json = finished(entry, {}, {});
        json.insert(QStringLiteral("securityContext"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("DocumentReference/") + owner->id}});
        const ResourceRow row{entry.newId, entry.type, owner->patient, m_facility, owner->kind, owner->date, owner->code, compact(json)};
        return store(entry.sourceKey, owner->patient, {row}, outcome);
    }

    /// A document Bundle's Composition: DocumentReference + Binary with the Bundle's bytes.
    Status importComposition(Entry &entry, const QByteArray &bytes, const QString &path, FileOutcome &outcome)
    {
        const QJsonObject rewritten = FhirImport::rewriteReferences(entry.resource, [this](const QString &r) { return mapReference(r); });
        const auto patient = patientOf(entry.resource, QStringLiteral("subject"));
        if (!patient) {
            failEntry(entry, path, outcome, QStringLiteral("no patient: the Composition's subject is not a Patient of this document"));
            return success();
        }
        FhirImport::DocumentPair pair = FhirImport::documentFromComposition(
            rewritten, bytes, entry.newId + QStringLiteral("-1"), entry.newId + QStringLiteral("-2"), m_facility);
        pair.reference.insert(QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + *patient}});
        const QString date = FhirImport::clinicalDate(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
                                                                  {QStringLiteral("date"), entry.resource.value(QStringLiteral("date"))}});
        const QString code = FhirImport::mainCode(pair.reference);
        const QList<ResourceRow> rows{
            {entry.newId + QStringLiteral("-1"), QStringLiteral("DocumentReference"), *patient, m_facility, pair.kind, date, code, compact(pair.reference)},
            {entry.newId + QStringLiteral("-2"), QStringLiteral("Binary"), *patient, m_facility, pair.kind, date, code, compact(pair.binary)}};
        return store(entry.sourceKey, *patient, rows, outcome);
    }

    /// Stores the rows of one source unless this exact version is already there.
    Status store(const QString &sourceKey, const QString &patient, const QList<ResourceRow> &rows, FileOutcome &outcome)
    {
        QCryptographicHash hash(QCryptographicHash::Sha1);
        for (const ResourceRow &row : rows)
            hash.addData(row.json + row.patient.toUtf8() + row.kind.toUtf8());
        const QString version = QString::fromLatin1(hash.result().toHex());
        ResourceRepository resources(m_store);
        const auto stored = resources.importedVersion(m_facility, sourceKey);
        if (!stored)
            return Failure{stored.error()};
        if (stored->has_value() && **stored == version) {
            ++outcome.counts.unchanged;
            return success();
        }
        if (const Status replaced = resources.replaceSource(m_facility, sourceKey, version, patient, rows); !replaced)
            return replaced;
        outcome.counts.resources += int(rows.size());
        ++(stored->has_value() ? outcome.counts.replaced : outcome.counts.imported);
        return success();
    }

    Status deleteSource(Entry &entry, const QString &path, FileOutcome &outcome)
    {
        if (entry.originalId.isEmpty()) {
            failEntry(entry, path, outcome, QStringLiteral("DELETE needs a request url Type/id"));
            return success();
        }
        const auto removed = ResourceRepository(m_store).removeSource(m_facility, entry.sourceKey);
        if (!removed)
            return Failure{removed.error()};
        if (*removed > 0) {
            ++outcome.counts.deleted;
        } else {
            ++outcome.counts.skipped;
            outcome.counts.addProblem(Level::Skipped, path, QStringLiteral("%1: DELETE %2/%3: nothing imported under that ID")
                                                                .arg(entry.where, entry.type, entry.originalId));
        }
        return success();
    }

    Store &m_store;
    const QString &m_facility;
    const QString &m_idSystem;
    QHash<QString, QString> m_references; ///< this file's references → hub references
};

QStringList filesUnder(const QString &folder, ImportReport &report)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("json") || suffix == QLatin1String("ndjson") || suffix == QLatin1String("jsonl")) {
            files << path;
        } else {
            ++report.files;
            ++report.skipped;
            report.addProblem(Level::Skipped, path, QStringLiteral("not a .json or .ndjson file"));
        }
    }
    // Patient files first: bulk exports (one NDJSON per type) refer to them from the others.
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        const bool aPatient = QFileInfo(a).fileName().startsWith(QLatin1String("Patient"));
        const bool bPatient = QFileInfo(b).fileName().startsWith(QLatin1String("Patient"));
        return aPatient != bPatient ? aPatient : a < b;
    });
    return files;
}

} // namespace

FhirImporter::FhirImporter(Store &store, QString facility, QString idSystem)
    : m_store(store)
    , m_facility(std::move(facility))
    , m_idSystem(std::move(idSystem))
{
}

Result<ImportReport> FhirImporter::importPath(const QString &path)
{
    const auto facility = FacilityRepository(m_store).find(m_facility);
    if (!facility)
        return Failure{facility.error()};
    if (!facility->has_value())
        return Failure{QStringLiteral("unknown facility '%1' (add it with `renkei-hub facility add`)").arg(m_facility)};
    const QFileInfo info(path);
    if (!info.exists())
        return Failure{QStringLiteral("%1 does not exist").arg(path)};

    ImportReport report;
    const QStringList files = info.isDir() ? filesUnder(path, report) : QStringList{path};
    FileImport importer(m_store, m_facility, m_idSystem);
    for (const QString &file : files) {
        ++report.files;
        if (const Status done = importer.importFile(file, report); !done)
            return Failure{QStringLiteral("%1: %2").arg(file, done.error())};
    }
    return report;
}
