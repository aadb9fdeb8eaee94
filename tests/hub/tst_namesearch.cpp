// Name search through the bigram index (nameindex.h) against a real SQLite store holding the
// demo network: every search must return exactly the patients a plain scan of the folded names
// finds, also after a rename, after the schema 5 → 6 migration and for 1-character queries.
#include "demonames.h"
#include "demonetwork.h"
#include "namefolding.h"
#include "nameindex.h"
#include "patientrepository.h"
#include "store.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <climits>
#include <memory>

namespace {
const QString kClinic = QStringLiteral("clinic-azumino");

QString hiragana(const QString &katakana)
{
    QString text = katakana;
    for (QChar &c : text) {
        if (c.unicode() >= 0x30A1 && c.unicode() <= 0x30F6)
            c = QChar(char16_t(c.unicode() - 0x60));
    }
    return text;
}

// Half-width katakana as a registration desk might type it (JIS X 0201), for the kana the demo
// uses; a character without a half-width form is kept, so the query stays a valid spelling.
QString halfWidth(const QString &katakana)
{
    static const QString full = QStringLiteral("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンャュョッー");
    static const QString half = QStringLiteral("ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｬｭｮｯｰ");
    static const QString voiced = QStringLiteral("ガギグゲゴザジズゼゾダヂヅデドバビブベボ");
    static const QString voicedBase = QStringLiteral("ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ");
    static const QString semi = QStringLiteral("パピプペポ");
    static const QString semiBase = QStringLiteral("ﾊﾋﾌﾍﾎ");
    QString text;
    for (QChar c : katakana) {
        if (const qsizetype i = full.indexOf(c); i >= 0)
            text += half.at(i);
        else if (const qsizetype v = voiced.indexOf(c); v >= 0)
            text += voicedBase.at(v) + QStringLiteral("ﾞ");
        else if (const qsizetype s = semi.indexOf(c); s >= 0)
            text += semiBase.at(s) + QStringLiteral("ﾟ");
        else
            text += c;
    }
    return text;
}
} // namespace

class tst_NameSearch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void indexFindsWhatAScanFinds();
    void renamedPatientIsFoundByItsNewName();
    void migrationBackFillsTheIndex();
    void drivingGramsPicksTheRarest();

private:
    // The independent answer: every patient of the admin listing whose folded kanji or kana
    // name contains the folded query, among those with an active consent for the clinic.
    QSet<QString> scan(const QString &name) const;
    QSet<QString> search(const QString &name, int *total = nullptr) const;
    QStringList queries() const;
    void compareAll(const QString &phase);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void tst_NameSearch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = Store::open(m_dir->filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::Create);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = std::move(*store);
    QVERIFY(m_store->beginTransaction());
    const auto summary = DemoNetwork::populate(*m_store, 1);
    QVERIFY2(summary, qPrintable(summary.error()));
    QVERIFY(m_store->commit());
    QCOMPARE(summary->patients, DemoNetwork::kPatientCount);
}

void tst_NameSearch::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QSet<QString> tst_NameSearch::scan(const QString &name) const
{
    QSet<QString> consented;
    auto rows = m_store->exec(QStringLiteral("SELECT patient FROM consents WHERE facility = ? AND status = 'active'"),
                              {kClinic});
    while (rows && rows->next())
        consented.insert(rows->value(0).toString());

    const QString folded = foldNameForSearch(name);
    QSet<QString> found;
    const auto patients = PatientRepository(*m_store).list();
    for (const Patient &p : *patients) {
        if (!consented.contains(p.id))
            continue;
        if (foldNameForSearch(p.familyName + p.givenName).contains(folded)
            || foldNameForSearch(p.familyKana + p.givenKana).contains(folded))
            found.insert(p.id);
    }
    return found;
}

QSet<QString> tst_NameSearch::search(const QString &name, int *total) const
{
    PatientQuery query;
    query.names << name;
    query.count = 100000;
    const auto result = PatientRepository(*m_store).search(kClinic, query);
    if (!result) {
        qWarning() << result.error();
        return {QStringLiteral("<error>")};
    }
    if (total)
        *total = result->total;
    QSet<QString> ids;
    for (const Patient &p : result->patients)
        ids.insert(p.id);
    return ids;
}

QStringList tst_NameSearch::queries() const
{
    QStringList list;
    for (const NameReading &family : DemoNames::familyNames()) {
        list << family.kanji << family.kana << hiragana(family.kana) << halfWidth(family.kana)
             << family.kanji.left(1) << family.kana.right(2);
    }
    for (const auto *names : {&DemoNames::maleGivenNames(), &DemoNames::femaleGivenNames()}) {
        for (const NameReading &given : *names)
            list << given.kanji << hiragana(given.kana);
    }
    // Across the family/given boundary (the keys are family + given), with spaces and in
    // full-width Latin-free mixed forms, and pieces that occur nowhere.
    list << QStringLiteral("田 花") << QStringLiteral("ダハナ") << QStringLiteral("やまだ　はなこ")
         << QStringLiteral("山ヤ") << QStringLiteral("ゐゑ") << QStringLiteral("100%") << QStringLiteral("_");
    return list;
}

void tst_NameSearch::compareAll(const QString &phase)
{
    int nonEmpty = 0;
    for (const QString &name : queries()) {
        int total = -1;
        const QSet<QString> expected = scan(name);
        const QSet<QString> actual = search(name, &total);
        if (actual != expected) {
            QFAIL(qPrintable(QStringLiteral("%1: name=%2: index %3 patients, scan %4")
                                 .arg(phase, name).arg(actual.size()).arg(expected.size())));
        }
        QCOMPARE(total, expected.isEmpty() ? 0 : int(expected.size()));
        if (!expected.isEmpty())
            ++nonEmpty;
    }
    // The comparison means something only if most family names are held by consented patients.
    QVERIFY2(nonEmpty > 100, qPrintable(QString::number(nonEmpty)));
}

void tst_NameSearch::indexFindsWhatAScanFinds()
{
    compareAll(QStringLiteral("demo"));

    // The page's identifiers (read in one query) are each patient's own, as the listing has them.
    QHash<QString, QList<PatientIdentifier>> listed;
    const auto all = PatientRepository(*m_store).list();
    QVERIFY(all);
    for (const Patient &p : *all)
        listed.insert(p.id, p.identifiers);
    PatientQuery query;
    query.names << QStringLiteral("ヤ");
    query.count = 100000;
    const auto result = PatientRepository(*m_store).search(kClinic, query);
    QVERIFY(result);
    QVERIFY(result->patients.size() > 10);
    for (const Patient &p : result->patients) {
        QVERIFY(!p.identifiers.isEmpty());
        QCOMPARE(p.identifiers.size(), listed.value(p.id).size());
        for (qsizetype i = 0; i < p.identifiers.size(); ++i) {
            QCOMPARE(p.identifiers.at(i).facility, listed.value(p.id).at(i).facility);
            QCOMPARE(p.identifiers.at(i).value, listed.value(p.id).at(i).value);
        }
    }
}

void tst_NameSearch::renamedPatientIsFoundByItsNewName()
{
    // A consented patient, renamed (marriage, a corrected registration) through the path the
    // importers use; the new family name has a character outside the BMP (𠮷, U+20BB7).
    auto all = PatientRepository(*m_store).list();
    QVERIFY(all);
    std::optional<Patient> target;
    for (const Patient &p : *all) {
        if (!search(p.familyName + p.givenName).contains(p.id))
            continue;
        target = p;
        break;
    }
    QVERIFY(target);
    const QString oldName = target->familyName + target->givenName;
    const QString oldKana = target->familyKana + target->givenKana;

    Patient renamed = *target;
    renamed.familyName = QStringLiteral("𠮷野");
    renamed.familyKana = QStringLiteral("ヨシノ");
    renamed.givenName = QStringLiteral("ﾐﾁﾙ"); // half-width as typed at a desk
    renamed.givenKana = QStringLiteral("みちる");
    QVERIFY(PatientRepository(*m_store).updateDemographics(renamed));

    QVERIFY(search(QStringLiteral("𠮷野")).contains(target->id));
    QVERIFY(search(QStringLiteral("𠮷")).contains(target->id));
    QVERIFY(search(QStringLiteral("野みちる")).contains(target->id)); // ﾐﾁﾙ folds to ミチル
    QVERIFY(!search(QStringLiteral("野ヨシ")).contains(target->id)); // the two keys are separate
    QVERIFY(search(QStringLiteral("𠮷野ミチル")).contains(target->id));
    QVERIFY(search(QStringLiteral("よしのミチル")).contains(target->id));
    QVERIFY(search(QStringLiteral("ﾖｼﾉ")).contains(target->id));
    QVERIFY(!search(oldName).contains(target->id));
    QVERIFY(!search(oldKana).contains(target->id));

    // The index holds exactly the bigrams of the new keys (code points, computed here).
    QSet<QString> expectedGrams;
    for (const QString &key : {foldNameForSearch(renamed.familyName + renamed.givenName),
                               foldNameForSearch(renamed.familyKana + renamed.givenKana)}) {
        const QList<uint> cps = key.toUcs4();
        for (qsizetype i = 0; i + 1 < cps.size(); ++i) {
            const char32_t pair[2] = {char32_t(cps[i]), char32_t(cps[i + 1])};
            expectedGrams.insert(QString::fromUcs4(pair, 2));
        }
    }
    QSet<QString> grams;
    auto rows = m_store->exec(QStringLiteral("SELECT gram FROM patient_name_grams WHERE patient = ?"), {target->id});
    QVERIFY(rows);
    while (rows->next())
        grams.insert(rows->value(0).toString());
    QCOMPARE(grams, expectedGrams);

    // Adding a patient indexes it too, and everything else still agrees with a scan.
    Patient added{QStringLiteral("p-new"), QStringLiteral("髙橋"), QStringLiteral("一"),
                  QStringLiteral("タカハシ"), QStringLiteral("ハジメ"), QStringLiteral("1990-01-01"),
                  QStringLiteral("male"), {}, {}};
    QVERIFY(PatientRepository(*m_store).add(added));
    QVERIFY(m_store->exec(QStringLiteral("INSERT INTO consents (patient, facility, status, updated) "
                                         "VALUES ('p-new', ?, 'active', '2026-01-01T00:00:00.000Z')"),
                          {kClinic}));
    QVERIFY(search(QStringLiteral("髙橋一")).contains(QStringLiteral("p-new")));
    QVERIFY(search(QStringLiteral("たかはしはじめ")).contains(QStringLiteral("p-new")));
    compareAll(QStringLiteral("after rename"));
}

void tst_NameSearch::migrationBackFillsTheIndex()
{
    auto count = [this] {
        auto rows = m_store->exec(QStringLiteral("SELECT COUNT(*) FROM patient_name_grams"));
        return rows && rows->next() ? rows->value(0).toInt() : -1;
    };
    const int indexed = count();
    QVERIFY(indexed > DemoNetwork::kPatientCount * 4);

    // Back to version 5 as an older hub left it: no index table.
    QVERIFY(m_store->exec(QStringLiteral("DROP TABLE patient_name_grams")));
    QVERIFY(m_store->exec(QStringLiteral("PRAGMA user_version = 5")));
    m_store.reset();
    auto reopened = Store::open(m_dir->filePath(QStringLiteral("hub.sqlite")), Store::OpenMode::MustExist);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    m_store = std::move(*reopened);
    auto version = m_store->exec(QStringLiteral("PRAGMA user_version"));
    QVERIFY(version && version->next());
    QCOMPARE(version->value(0).toInt(), Store::kSchemaVersion);
    version->finish();
    QCOMPARE(count(), indexed);
    compareAll(QStringLiteral("migrated"));
}

void tst_NameSearch::drivingGramsPicksTheRarest()
{
    // A kana full name has several bigrams of different frequency in the demo.
    auto count = [&](const QString &gram) {
        auto rows = m_store->exec(QStringLiteral("SELECT COUNT(*) FROM patient_name_grams WHERE gram = ?"), {gram});
        return rows && rows->next() ? rows->value(0).toInt() : -1;
    };
    auto listed = PatientRepository(*m_store).list();
    QVERIFY(listed);
    int checked = 0;
    for (const Patient &p : std::as_const(*listed)) {
        const QStringList grams = NameIndex::queryGrams(foldNameForSearch(p.familyKana + p.givenKana));
        if (grams.size() < 3)
            continue;
        int fewest = INT_MAX;
        for (const QString &gram : grams)
            fewest = std::min(fewest, count(gram));
        const auto driving = NameIndex::drivingGrams(*m_store, grams);
        QVERIFY(driving);
        QCOMPARE(driving->size(), 1);
        QVERIFY(grams.contains(driving->first()));
        QCOMPARE(count(driving->first()), fewest);
        // Every bigram held by at least `cap` patients: all of them, to intersect.
        const auto common = NameIndex::drivingGrams(*m_store, grams, 1);
        QVERIFY(common);
        QCOMPARE(*common, grams);
        if (++checked == 50)
            break;
    }
    QCOMPARE(checked, 50);
    // A bigram no patient holds: nothing can match, and it alone says so.
    const QStringList absent{QStringLiteral("ヤマ"), QStringLiteral("\u9FA5\u9FA4")};
    const auto none = NameIndex::drivingGrams(*m_store, absent);
    QVERIFY(none);
    QCOMPARE(*none, QStringList{absent.at(1)});
}

QTEST_GUILESS_MAIN(tst_NameSearch)
#include "tst_namesearch.moc"
