#include "bench_hub_fhirstore.h"

#include "bench_hub_support.h"

#include "certificates.h"
#include "demonames.h"
#include "facilities.h"
#include "namefolding.h"
#include "nameindex.h"
#include "passwordhash.h"
#include "store.h"
#include "users.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace HubBench {

namespace {

const QString kShinshu = QStringLiteral("hosp-shinshu");
const QString kMatsumoto = QStringLiteral("hosp-matsumoto");
const QString kUser = QStringLiteral("bench-doctor");
const QString kPassword = QStringLiteral("renkei-bench-2026");
constexpr int kChunkPatients = 1000;

// ---- templates: the real importer's output for the demo histories -------------------------

enum Slot { HashSlot, PatientSlot, FacilitySlot, FirstDateSlot };

struct Piece
{
    QByteArray literal; ///< text before the slot
    int slot = -1;      ///< -1: the last piece
};

struct TemplateResource
{
    QByteArray type, kind, code, idSuffix;
    QList<Piece> json;
    int dateNeedle = -1;  ///< which group date the date column starts with; -1: no date
    QByteArray dateRest;  ///< the date column after that needle (a time)
};

/// The resources one SS-MIX2 message became (cloned together: they refer to each other).
struct TemplateGroup
{
    QByteArray dataType;
    QDate anchor;
    QList<QByteArray> needles; ///< dates in the group, YYYY-MM-DD or YYYY-MM
    QList<QDate> needleDates;
    QList<TemplateResource> resources;
};

/// Splits \a text at every occurrence of a needle; longest needle wins at equal positions.
QList<Piece> cut(const QByteArray &text, const QList<QPair<QByteArray, int>> &needles)
{
    QList<Piece> pieces;
    qsizetype from = 0;
    for (;;) {
        qsizetype best = -1;
        int bestNeedle = -1;
        for (int n = 0; n < needles.size(); ++n) {
            const qsizetype at = text.indexOf(needles[n].first, from);
            if (at < 0)
                continue;
            if (best < 0 || at < best || (at == best && needles[n].first.size() > needles[bestNeedle].first.size())) {
                best = at;
                bestNeedle = n;
            }
        }
        if (best < 0) {
            pieces.append({text.mid(from), -1});
            return pieces;
        }
        pieces.append({text.mid(from, best - from), needles[bestNeedle].second});
        from = best + needles[bestNeedle].first.size();
    }
}

QDate needleDate(const QByteArray &needle)
{
    return needle.size() == 7 ? QDate::fromString(QString::fromLatin1(needle) + QStringLiteral("-01"), Qt::ISODate)
                              : QDate::fromString(QString::fromLatin1(needle), Qt::ISODate);
}

QList<TemplateGroup> loadTemplates(const QString &dataDir)
{
    const QString dir = QDir(dataDir).filePath(QStringLiteral("templates"));
    if (!QFile::exists(QDir(dir).filePath(QStringLiteral("hub.sqlite")))) {
        const auto run = runHub({QStringLiteral("demo"), QStringLiteral("--dir"), dir, QStringLiteral("--force")});
        if (run.exitCode != 0)
            qFatal("renkei-hub demo failed:\n%s", run.output.constData());
    }
    auto store = Store::open(QDir(dir).filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::MustExist);
    if (!store)
        qFatal("%s", qPrintable(store.error()));
    // Binary and its DocumentReference are left out: the bench store has no document bytes.
    auto query = (*store)->exec(QStringLiteral(
        "SELECT source_key, id, type, kind, date, code, json, patient, facility FROM resources "
        "WHERE type NOT IN ('Binary', 'DocumentReference') ORDER BY facility, source_key, id"));
    if (!query)
        qFatal("%s", qPrintable(query.error()));

    struct Raw { QByteArray id, type, kind, date, code, json, patient, facility; };
    QList<QPair<QString, QList<Raw>>> raw;
    while (query->next()) {
        const QString key = query->value(8).toString() + QLatin1Char('/') + query->value(0).toString();
        if (raw.isEmpty() || raw.last().first != key)
            raw.append({key, {}});
        raw.last().second.append({query->value(1).toString().toUtf8(), query->value(2).toString().toUtf8(),
                                  query->value(3).toString().toUtf8(), query->value(4).toString().toUtf8(),
                                  query->value(5).toString().toUtf8(), query->value(6).toString().toUtf8(),
                                  query->value(7).toString().toUtf8(), query->value(8).toString().toUtf8()});
    }

    QList<TemplateGroup> groups;
    for (const auto &[key, rows] : raw) {
        TemplateGroup group;
        group.dataType = key.section(QLatin1Char('_'), 2, 2).toUtf8();
        for (const Raw &row : rows) {
            if (row.date.isEmpty())
                continue;
            const QByteArray needle = row.date.size() == 7 ? row.date : row.date.left(10);
            if (!group.needles.contains(needle) && needleDate(needle).isValid()) {
                group.needles << needle;
                group.needleDates << needleDate(needle);
            }
        }
        if (group.needles.isEmpty())
            continue;
        group.anchor = *std::min_element(group.needleDates.begin(), group.needleDates.end());
        for (const Raw &row : rows) {
            const QByteArray hash = row.id.left(row.id.indexOf('-'));
            QList<QPair<QByteArray, int>> needles{{hash, HashSlot},
                                                 {QByteArray("Patient/") + row.patient, PatientSlot},
                                                 {row.facility, FacilitySlot}};
            for (int n = 0; n < group.needles.size(); ++n)
                needles.append({group.needles[n], FirstDateSlot + n});
            TemplateResource resource{row.type, row.kind, row.code, row.id.mid(hash.size()), cut(row.json, needles), -1, {}};
            const QByteArray dateNeedle = row.date.size() == 7 ? row.date : row.date.left(10);
            resource.dateNeedle = row.date.isEmpty() ? -1 : int(group.needles.indexOf(dateNeedle));
            resource.dateRest = row.date.size() > 10 ? row.date.mid(10) : QByteArray();
            group.resources << resource;
        }
        groups << group;
    }
    if (groups.isEmpty())
        qFatal("no template resources in %s", qPrintable(dir));
    return groups;
}

// ---- generation -------------------------------------------------------------------------------

quint64 splitmix(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

QByteArray hex(quint64 value, int digits)
{
    return QByteArray::number(value, 16).rightJustified(16, '0').right(digits);
}

class Sqlite
{
public:
    explicit Sqlite(const QString &path)
    {
        if (sqlite3_open(path.toUtf8().constData(), &m_db) != SQLITE_OK)
            qFatal("cannot open %s", qPrintable(path));
    }
    ~Sqlite()
    {
        for (sqlite3_stmt *statement : m_statements)
            sqlite3_finalize(statement);
        sqlite3_close(m_db);
    }
    void exec(const char *sql)
    {
        char *error = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK)
            qFatal("%s: %s", sql, error);
    }
    sqlite3_stmt *prepare(const char *sql)
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) != SQLITE_OK)
            qFatal("%s: %s", sql, sqlite3_errmsg(m_db));
        m_statements << statement;
        return statement;
    }
    /// Binds the texts in order, runs, resets.
    void run(sqlite3_stmt *statement, std::initializer_list<const QByteArray *> values)
    {
        int index = 1;
        for (const QByteArray *value : values)
            sqlite3_bind_text(statement, index++, value->constData(), int(value->size()), SQLITE_STATIC);
        if (sqlite3_step(statement) != SQLITE_DONE)
            qFatal("insert failed: %s", sqlite3_errmsg(m_db));
        sqlite3_reset(statement);
    }

private:
    sqlite3 *m_db = nullptr;
    QList<sqlite3_stmt *> m_statements;
};

struct GeneratedPatient
{
    QByteArray id;
    QList<QPair<QByteArray, QByteArray>> localIds; ///< (facility, local ID)
    qint64 resources = 0;
};

/// Resources per patient: log-normal around the mean (most have few, some many), the big
/// patient exactly \a big, summing exactly to \a total.
QList<qint64> resourceCounts(const FhirStoreSpec &spec, int bigIndex, QRandomGenerator &random)
{
    const double mean = double(spec.resources - spec.bigPatientResources) / (spec.patients - 1);
    const double sigma = 1.0;
    const double mu = std::log(mean) - sigma * sigma / 2;
    QList<double> draws(spec.patients);
    double sum = 0;
    for (int i = 0; i < spec.patients; ++i) {
        if (i == bigIndex)
            continue;
        const double u1 = std::max(1e-12, random.generateDouble());
        const double z = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * random.generateDouble());
        draws[i] = std::min(std::exp(mu + sigma * z), double(spec.bigPatientResources) * 0.8);
        sum += draws[i];
    }
    const double scale = double(spec.resources - spec.bigPatientResources) / sum;
    QList<qint64> counts(spec.patients);
    qint64 assigned = 0;
    for (int i = 0; i < spec.patients; ++i) {
        counts[i] = i == bigIndex ? spec.bigPatientResources : std::max<qint64>(1, std::llround(draws[i] * scale));
        assigned += counts[i];
    }
    // Rounding leaves a small difference: spread it one by one.
    for (int i = 0; assigned != spec.resources; i = (i + 7919) % spec.patients) {
        if (i == bigIndex)
            continue;
        const int step = assigned < spec.resources ? 1 : -1;
        if (counts[i] + step < 1)
            continue;
        counts[i] += step;
        assigned += step;
    }
    return counts;
}

void generate(const QString &dir, const QString &dataDir, const FhirStoreSpec &spec, QByteArray &bigPatientId)
{
    QElapsedTimer timer;
    timer.start();
    const QList<TemplateGroup> groups = loadTemplates(dataDir);
    std::printf("  %lld template messages from the demo import\n", qlonglong(groups.size()));

    const QString dbPath = QDir(dir).filePath(QStringLiteral("hub.sqlite"));
    {
        // The hub's own schema, facilities and a clinic user, through the hub's code.
        auto store = Store::open(dbPath, Store::OpenMode::Create);
        if (!store)
            qFatal("%s", qPrintable(store.error()));
        FacilityRepository facilities(**store);
        for (const Facility &f : {Facility{kShinshu, QStringLiteral("信州中央病院"), QStringLiteral("hospital")},
                                  Facility{kMatsumoto, QStringLiteral("松本市立総合病院"), QStringLiteral("hospital")},
                                  Facility{kClinic, QStringLiteral("あずみの内科クリニック"), QStringLiteral("clinic")}}) {
            if (const Status added = facilities.add(f); !added)
                qFatal("%s", qPrintable(added.error()));
        }
        if (const Status added = UserRepository(**store).add(kUser, kClinic, kPassword, PasswordHash::kDefaultIterations); !added)
            qFatal("%s", qPrintable(added.error()));
    }
    if (const Status certified = createDemoCertificates(dir); !certified)
        qFatal("%s", qPrintable(certified.error()));

    Sqlite db(dbPath);
    // A bulk load into a file nobody else uses: no journal, no syncs, a big cache.
    db.exec("PRAGMA journal_mode = OFF");
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA cache_size = -2000000");
    db.exec("BEGIN");
    sqlite3_stmt *insertPatient = db.prepare(
        "INSERT INTO patients (id, family_name, given_name, family_kana, given_kana, birth_date, gender, name_key, kana_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sqlite3_stmt *insertIdentifier = db.prepare("INSERT INTO patient_identifiers (patient, facility, value) VALUES (?, ?, ?)");
    sqlite3_stmt *insertConsent = db.prepare("INSERT INTO consents (patient, facility, status, updated) VALUES (?, ?, ?, ?)");
    sqlite3_stmt *insertResource = db.prepare(
        "INSERT INTO resources (id, type, patient, facility, kind, date, code, source_key, json, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

    // Prescriptions (2 KB each, 4 per message in the demo) are drawn less often, so that lab
    // results dominate as in real records and 10M resources stay under 20 GB.
    QList<double> cumulative;
    for (const TemplateGroup &group : groups)
        cumulative << (cumulative.isEmpty() ? 0.0 : cumulative.last()) + (group.dataType.startsWith("OMP-01") ? 0.25 : 1.0);

    QRandomGenerator random(20261124);
    quint64 idState = 0x5eed2026;
    const int bigIndex = spec.patients / 3;
    const QList<qint64> counts = resourceCounts(spec, bigIndex, random);
    const QByteArray now = Store::timeText(QDateTime::currentDateTimeUtc()).toUtf8();
    const QByteArray shinshu = kShinshu.toUtf8(), matsumoto = kMatsumoto.toUtf8(), clinic = kClinic.toUtf8();
    const QByteArray active("active"), inactive("inactive");
    const auto &families = DemoNames::familyNames();
    const QDate firstDay(2008, 1, 1);
    const int daySpan = int(firstDay.daysTo(QDate(2026, 3, 31)));
    quint64 orderNumber = 0;
    qint64 written = 0;

    struct Row { QByteArray id, type, patient, facility, kind, date, code, sourceKey, json; };

    for (int chunkStart = 0; chunkStart < spec.patients; chunkStart += kChunkPatients) {
        QList<Row> rows;
        const int chunkEnd = std::min(spec.patients, chunkStart + kChunkPatients);
        for (int i = chunkStart; i < chunkEnd; ++i) {
            GeneratedPatient patient;
            patient.id = QByteArray("p") + hex(splitmix(idState), 16);
            if (i == bigIndex)
                bigPatientId = patient.id;
            const bool female = random.bounded(2) == 1;
            const NameReading &family = families.at(int(random.bounded(int(families.size()))));
            const auto &givens = female ? DemoNames::femaleGivenNames() : DemoNames::maleGivenNames();
            const NameReading &given = givens.at(int(random.bounded(int(givens.size()))));
            const QDate birth = QDate(1925, 1, 1).addDays(random.bounded(95 * 365));
            const QByteArray values[] = {patient.id, family.kanji.toUtf8(), given.kanji.toUtf8(), family.kana.toUtf8(),
                                         given.kana.toUtf8(), birth.toString(Qt::ISODate).toUtf8(),
                                         female ? QByteArray("female") : QByteArray("male"),
                                         foldNameForSearch(family.kanji + given.kanji).toUtf8(),
                                         foldNameForSearch(family.kana + given.kana).toUtf8()};
            db.run(insertPatient, {&values[0], &values[1], &values[2], &values[3], &values[4], &values[5], &values[6], &values[7], &values[8]});
            // Registered at one or both hospitals (40% / 30% / 30% both), as in the demo.
            const quint32 registration = random.bounded(10);
            if (registration < 4 || registration >= 7)
                patient.localIds.append({shinshu, QByteArray::number((qint64(i) * 7919 + 12345) % 10'000'000).rightJustified(7, '0')});
            if (registration >= 4)
                patient.localIds.append({matsumoto, QByteArray::number((qint64(i) * 6007 + 54321) % 10'000'000).rightJustified(7, '0')});
            for (const auto &[facility, local] : patient.localIds)
                db.run(insertIdentifier, {&patient.id, &facility, &local});
            // The clinic's consents: 70% active (the big patient among them), 5% withdrawn.
            const quint32 consent = random.bounded(100);
            if (i == bigIndex || consent < 75)
                db.run(insertConsent, {&patient.id, &clinic, (i == bigIndex || consent < 70) ? &active : &inactive, &now});

            // Messages until the patient's count is reached (the last one cut to fit).
            qint64 left = counts[i];
            while (left > 0) {
                const double pick = random.generateDouble() * cumulative.last();
                const TemplateGroup &group = groups.at(std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin());
                const auto &[facility, local] = patient.localIds.at(int(random.bounded(int(patient.localIds.size()))));
                const int delta = int(group.anchor.daysTo(firstDay.addDays(random.bounded(daySpan))));
                QList<QByteArray> fills{hex(splitmix(idState), 16) + hex(splitmix(idState), 8),
                                        QByteArray("Patient/") + patient.id, facility};
                for (qsizetype n = 0; n < group.needles.size(); ++n) {
                    const QDate shifted = group.needleDates[n].addDays(delta);
                    fills << shifted.toString(group.needles[n].size() == 7 ? QStringLiteral("yyyy-MM") : QStringLiteral("yyyy-MM-dd")).toUtf8();
                }
                const QByteArray order = QByteArray::number(++orderNumber).rightJustified(15, '0');
                const QByteArray key = local + '_' + fills.at(FirstDateSlot).left(10).replace("-", "") + '_' + group.dataType + '_' + order;
                for (const TemplateResource &r : group.resources) {
                    if (left == 0)
                        break;
                    --left;
                    Row row{fills[HashSlot] + r.idSuffix, r.type, patient.id, facility, r.kind, {}, r.code, key, {}};
                    if (r.dateNeedle >= 0)
                        row.date = fills.at(FirstDateSlot + r.dateNeedle) + r.dateRest;
                    for (const Piece &piece : r.json) {
                        row.json += piece.literal;
                        if (piece.slot >= 0)
                            row.json += fills.at(piece.slot);
                    }
                    rows.append(std::move(row));
                }
            }
        }
        // imported_sources (the importer's bookkeeping, never read when serving) is left empty.
        // Stored in clinical-date order within the chunk, as daily imports would interleave
        // patients: one patient's records are spread over the chunk, not contiguous.
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.date < b.date; });
        for (const Row &row : rows)
            db.run(insertResource, {&row.id, &row.type, &row.patient, &row.facility, &row.kind, &row.date, &row.code,
                                    &row.sourceKey, &row.json, &now});
        written += rows.size();
        if ((chunkEnd / kChunkPatients) % 10 == 0 || chunkEnd == spec.patients) {
            std::printf("  %d patients, %lld resources, %.0f s\n", chunkEnd, written, timer.elapsed() / 1000.0);
            std::fflush(stdout);
        }
    }
    // Patients went in by bulk insert, past PatientRepository: index their names as it would.
    db.exec(NameIndex::kIndexAllPatients);
    db.exec("COMMIT");
    db.exec("PRAGMA journal_mode = WAL");
    std::printf("  generated in %.0f s\n", timer.elapsed() / 1000.0);
}

} // namespace

FhirStore ensureFhirStore(const QString &dataDir, const FhirStoreSpec &spec)
{
    const QString dir = QDir(dataDir).filePath(
        QStringLiteral("fhir-%1p-%2r-%3").arg(spec.patients).arg(spec.resources).arg(spec.bigPatientResources));
    const QString infoPath = QDir(dir).filePath(QStringLiteral("bench.json"));
    if (!QFile::exists(infoPath)) {
        std::printf("generating %s ...\n", qPrintable(dir));
        std::fflush(stdout);
        QDir(dir).removeRecursively();
        if (!QDir().mkpath(dir))
            qFatal("cannot create %s", qPrintable(dir));
        QByteArray bigPatient;
        generate(dir, dataDir, spec, bigPatient);
        QFile info(infoPath);
        if (!info.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(infoPath));
        info.write(QJsonDocument(QJsonObject{{QStringLiteral("user"), kUser},
                                             {QStringLiteral("password"), kPassword},
                                             {QStringLiteral("bigPatient"), QString::fromLatin1(bigPatient)}})
                       .toJson());
    }
    QFile info(infoPath);
    if (!info.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(infoPath));
    const QJsonObject object = QJsonDocument::fromJson(info.readAll()).object();
    return {dir, object.value(QStringLiteral("user")).toString(), object.value(QStringLiteral("password")).toString(),
            object.value(QStringLiteral("bigPatient")).toString()};
}

} // namespace HubBench
