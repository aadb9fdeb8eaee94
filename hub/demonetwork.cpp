#include "demonetwork.h"

#include "certificates.h"
#include "consents.h"
#include "demohistories.h"
#include "demoimages.h"
#include "demonames.h"
#include "facilities.h"
#include "passwordhash.h"
#include "patientrepository.h"
#include "ssmix2importer.h"
#include "store.h"
#include "users.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>

namespace DemoNetwork {

namespace {

// Fixed so every demo network has the same patients (QRandomGenerator's seeded sequence and
// bounded() are defined by Qt, not by the standard library, so they match across platforms).
constexpr quint32 kSeed = 20260401;

const QString kShinshu = QStringLiteral("hosp-shinshu");
const QString kMatsumoto = QStringLiteral("hosp-matsumoto");
const QString kAzumino = QStringLiteral("clinic-azumino");

const NameReading &pick(const QList<NameReading> &names, QRandomGenerator &random, bool older)
{
    // First half: names usual for people born before ~1970; second half: later.
    const int half = int(names.size() / 2);
    return names.at(int(random.bounded(half)) + (older ? 0 : half));
}

QString localId(QRandomGenerator &random, QSet<QString> &used)
{
    for (;;) {
        const QString id = QStringLiteral("%1").arg(random.bounded(10'000'000), 7, 10, QLatin1Char('0'));
        if (!used.contains(id)) {
            used.insert(id);
            return id;
        }
    }
}

Status removeDatabaseFiles(const QDir &dir)
{
    for (const QString &name : {QStringLiteral("hub.sqlite"), QStringLiteral("hub.sqlite-wal"),
                                QStringLiteral("hub.sqlite-shm")}) {
        if (QFile::exists(dir.filePath(name)) && !QFile::remove(dir.filePath(name)))
            return Failure{QStringLiteral("cannot remove %1").arg(dir.filePath(name))};
    }
    return success();
}

/// Writes the histories as SS-MIX2 storages and imports them through the real importer.
Status addHistories(Store &store, const QString &root, Summary &summary)
{
    const auto all = PatientRepository(store).list();
    if (!all)
        return Failure{all.error()};
    QList<Patient> chosen;
    for (const Patient &patient : *all) {
        if (chosen.size() < kHistoryPatients && patient.birthDate < QLatin1String("1976"))
            chosen << patient;
    }
    const QList<QPair<QString, QString>> hospitals{{kShinshu, QStringLiteral("信州中央病院")},
                                                   {kMatsumoto, QStringLiteral("松本市立総合病院")}};
    const auto written = DemoHistories::writeStorage(root, chosen, hospitals);
    if (!written)
        return Failure{written.error()};
    summary.historyPatients = written->patients;
    summary.historyFiles = written->files;
    for (const auto &hospital : hospitals) {
        const QString storage = QDir(root).filePath(hospital.first);
        if (!QDir(storage).exists())
            continue;
        const auto report = Ssmix2Importer(store, hospital.first).importStorage(storage);
        if (!report)
            return Failure{report.error()};
        // The generator's own output must import cleanly; anything else is a bug to see.
        if (report->failed > 0 || report->skipped > 0)
            return Failure{QStringLiteral("the generated demo storage %1 did not import cleanly: %2 (%3)")
                               .arg(storage, report->summaryLine(),
                                    report->problems.isEmpty() ? QString() : report->problems.first().path + QStringLiteral(": ") + report->problems.first().reason)};
        summary.historyResources += report->resources;
    }
    return success();
}

} // namespace

Result<Summary> populate(Store &store, int passwordIterations)
{
    Summary summary;
    FacilityRepository facilities(store);
    for (const Facility &facility : {
             Facility{kShinshu, QStringLiteral("信州中央病院"), QStringLiteral("hospital")},
             Facility{kMatsumoto, QStringLiteral("松本市立総合病院"), QStringLiteral("hospital")},
             Facility{kAzumino, QStringLiteral("あずみの内科クリニック"), QStringLiteral("clinic")},
         }) {
        if (const Status added = facilities.add(facility); !added)
            return Failure{added.error()};
        ++summary.facilities;
    }

    UserRepository users(store);
    for (const auto &[id, facility] : {std::pair{QStringLiteral("demo-doctor"), kAzumino},
                                       std::pair{QStringLiteral("demo-nurse"), kAzumino},
                                       std::pair{QStringLiteral("hosp-staff"), kShinshu}}) {
        if (const Status added = users.add(id, facility, kPassword, passwordIterations); !added)
            return Failure{added.error()};
        ++summary.users;
    }

    QRandomGenerator random(kSeed);
    QSet<QString> usedShinshu;
    QSet<QString> usedMatsumoto;
    PatientRepository patients(store);
    ConsentRepository consents(store);
    const auto &familyNames = DemoNames::familyNames();

    for (int number = 1; number <= kPatientCount; ++number) {
        Patient patient;
        patient.id = QStringLiteral("p%1").arg(number, 5, 10, QLatin1Char('0'));

        const int year = 1930 + int(random.bounded(91)); // 1930..2020
        const int month = 1 + int(random.bounded(12));
        const int day = 1 + int(random.bounded(QDate(year, month, 1).daysInMonth()));
        patient.birthDate = QDate(year, month, day).toString(Qt::ISODate);

        const quint32 genderRoll = random.bounded(100);
        patient.gender = genderRoll < 49 ? QStringLiteral("male")
            : genderRoll < 98            ? QStringLiteral("female")
            : genderRoll == 98           ? QStringLiteral("other")
                                         : QStringLiteral("unknown");
        const bool maleName = patient.gender == QLatin1String("male")
            || (patient.gender != QLatin1String("female") && random.bounded(2) == 0);

        const NameReading &family = familyNames.at(int(random.bounded(int(familyNames.size()))));
        const NameReading &given = pick(maleName ? DemoNames::maleGivenNames()
                                                 : DemoNames::femaleGivenNames(),
                                        random, year < 1970);
        patient.familyName = family.kanji;
        patient.familyKana = family.kana;
        patient.givenName = given.kanji;
        patient.givenKana = given.kana;

        const quint32 registration = random.bounded(10); // 40% / 30% / 30% both
        if (registration < 4 || registration >= 7)
            patient.identifiers.append({kShinshu, {}, localId(random, usedShinshu)});
        if (registration >= 4)
            patient.identifiers.append({kMatsumoto, {}, localId(random, usedMatsumoto)});

        if (number == 1) {
            // One obvious patient to look for in every demo, registered at both hospitals so
            // that the timeline shows two facilities (IDs outside the random draw's sequence).
            if (registration >= 4 && registration < 7)
                patient.identifiers.prepend({kShinshu, {}, QStringLiteral("0000001")});
            if (registration < 4)
                patient.identifiers.append({kMatsumoto, {}, QStringLiteral("0000001")});
            usedShinshu.insert(QStringLiteral("0000001"));
            usedMatsumoto.insert(QStringLiteral("0000001"));
            patient.familyName = QStringLiteral("山田");
            patient.givenName = QStringLiteral("太郎");
            patient.familyKana = QStringLiteral("ヤマダ");
            patient.givenKana = QStringLiteral("タロウ");
            patient.gender = QStringLiteral("male");
            patient.birthDate = QStringLiteral("1948-03-02");
        }

        if (const Status added = patients.add(patient); !added)
            return Failure{added.error()};
        ++summary.patients;

    }

    // Consents for the clinic: exactly 60% active (p00001 among them), 10% withdrawn, the rest
    // none, spread over the patients by a seeded shuffle.
    QList<int> order;
    for (int number = 2; number <= kPatientCount; ++number)
        order.append(number);
    for (qsizetype i = order.size() - 1; i > 0; --i)
        order.swapItemsAt(i, qsizetype(random.bounded(int(i + 1))));
    order.prepend(1);
    const int active = kPatientCount * 60 / 100;
    const int withdrawn = kPatientCount * 10 / 100;
    for (int position = 0; position < active + withdrawn; ++position) {
        const QString id = QStringLiteral("p%1").arg(order[position], 5, 10, QLatin1Char('0'));
        const Status recorded = position < active ? consents.grant(id, kAzumino)
                                                  : consents.withdraw(id, kAzumino);
        if (!recorded)
            return Failure{recorded.error()};
        ++(position < active ? summary.activeConsents : summary.withdrawnConsents);
    }

    const Status noticed = store.setSetting(
        QStringLiteral("login_notice"),
        QStringLiteral("デモネットワーク（Demo network）\n"
                       "ID: demo-doctor（または demo-nurse）\n"
                       "パスワード（password）: %1")
            .arg(kPassword));
    if (!noticed)
        return Failure{noticed.error()};
    return summary;
}

Result<Summary> create(const QString &directory, bool force)
{
    QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory))
        return Failure{QStringLiteral("cannot create the folder %1").arg(directory)};
    const QString databasePath = dir.filePath(QStringLiteral("hub.sqlite"));
    if (QFile::exists(databasePath)) {
        if (!force)
            return Failure{QStringLiteral("%1 already exists; use --force to replace it with a new "
                                          "demo network").arg(databasePath)};
        if (const Status removed = removeDatabaseFiles(dir); !removed)
            return Failure{removed.error()};
    }

    if (const Status certified = createDemoCertificates(directory); !certified)
        return Failure{certified.error()};

    auto store = Store::open(databasePath, Store::OpenMode::Create);
    if (!store)
        return Failure{store.error()};
    if (const Status begun = (*store)->beginTransaction(); !begun)
        return Failure{begun.error()};
    auto summary = populate(**store, PasswordHash::kDefaultIterations);
    if (!summary) {
        (*store)->rollback();
        return summary;
    }
    if (const Status committed = (*store)->commit(); !committed)
        return Failure{committed.error()};
    if (const Status histories = addHistories(**store, dir.filePath(QStringLiteral("demo-ssmix2")), *summary); !histories)
        return Failure{histories.error()};
    if (const auto images = DemoImages::addImages(**store, directory, dir.filePath(QStringLiteral("demo-dicom"))); !images)
        return Failure{images.error()};
    return summary;
}

} // namespace DemoNetwork
