#include "nameindex.h"

#include "store.h"

// One definition of the pieces, for the migration (all patients) and for one patient: `keys`
// is the (patient, key) source, `grams` the distinct (patient, gram) pairs.
#define RENKEI_NAME_GRAMS(keys)                                                                    \
    "WITH RECURSIVE keys(patient, key) AS (" keys "), "                                          \
    "pieces(patient, key, pos) AS (SELECT patient, key, 1 FROM keys WHERE length(key) >= 2 "     \
    "UNION ALL SELECT patient, key, pos + 1 FROM pieces WHERE pos + 1 < length(key)), "          \
    "grams(patient, gram) AS (SELECT DISTINCT patient, substr(key, pos, 2) FROM pieces) "

namespace NameIndex {

// One row per (gram, patient); the primary key's index is what a search reads (by gram).
const char kCreateTable[] = R"(CREATE TABLE patient_name_grams (
        gram TEXT NOT NULL,
        patient TEXT NOT NULL REFERENCES patients(id),
        PRIMARY KEY (gram, patient)))";

const char kIndexAllPatients[] =
    RENKEI_NAME_GRAMS("SELECT id, name_key FROM patients UNION ALL SELECT id, kana_key FROM patients")
    "INSERT OR IGNORE INTO patient_name_grams (gram, patient) SELECT gram, patient FROM grams";

namespace {

const char kIndexOne[] =
    RENKEI_NAME_GRAMS("SELECT id, name_key FROM patients WHERE id = ? "
                      "UNION ALL SELECT id, kana_key FROM patients WHERE id = ?")
    "INSERT OR IGNORE INTO patient_name_grams (gram, patient) SELECT gram, patient FROM grams";

const char kUnindexOne[] =
    RENKEI_NAME_GRAMS("SELECT id, name_key FROM patients WHERE id = ? "
                      "UNION ALL SELECT id, kana_key FROM patients WHERE id = ?")
    "DELETE FROM patient_name_grams WHERE patient = ? AND gram IN (SELECT gram FROM grams)";

} // namespace

QStringList queryGrams(const QString &folded, int limit)
{
    const QList<uint> codePoints = folded.toUcs4();
    QStringList grams;
    for (qsizetype i = 0; i + 1 < codePoints.size() && grams.size() < limit; ++i) {
        const char32_t pair[2] = {char32_t(codePoints.at(i)), char32_t(codePoints.at(i + 1))};
        const QString gram = QString::fromUcs4(pair, 2);
        if (!grams.contains(gram))
            grams << gram;
    }
    return grams;
}

Result<QStringList> drivingGrams(Store &store, const QStringList &grams, int cap)
{
    if (grams.size() <= 1)
        return grams;
    QString rarest;
    int fewest = cap;
    for (const QString &gram : grams) {
        // A covering-index range read of at most `fewest` entries.
        auto counted = store.exec(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM patient_name_grams "
                                                 "WHERE gram = ? LIMIT ?)"),
                                  {gram, fewest});
        if (!counted)
            return Failure{counted.error()};
        const int count = counted->next() ? counted->value(0).toInt() : 0;
        if (count < fewest) {
            fewest = count;
            rarest = gram;
        }
        if (fewest == 0)
            break; // no patient holds it: nothing matches
    }
    if (rarest.isEmpty())
        return grams; // every bigram common: their intersection is the smaller set
    return QStringList{rarest};
}

Status indexPatient(Store &store, const QString &patient)
{
    const auto result = store.exec(QString::fromUtf8(kIndexOne), {patient, patient});
    if (!result)
        return Failure{result.error()};
    return success();
}

Status unindexPatient(Store &store, const QString &patient)
{
    const auto result = store.exec(QString::fromUtf8(kUnindexOne), {patient, patient, patient});
    if (!result)
        return Failure{result.error()};
    return success();
}

} // namespace NameIndex
