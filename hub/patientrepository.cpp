#include "patientrepository.h"

#include "nameindex.h"
#include "namefolding.h"
#include "patientlinks.h"
#include "store.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace {

const QString kColumns = QStringLiteral(
    "p.id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.birth_date, p.gender");

// The consent rule in one place: (patient, facility) with an active consent.
const QString kVisibleJoin = QStringLiteral(
    "JOIN consents c ON c.patient = p.id AND c.facility = ? AND c.status = 'active'");
// The same rule as a condition, for queries that should test it only on matching patients.
const QString kVisibleExists = QStringLiteral(
    "EXISTS (SELECT 1 FROM consents c WHERE c.patient = p.id AND c.facility = ? AND c.status = 'active')");

Patient patientFromRow(const QSqlQuery &query)
{
    Patient p;
    p.id = query.value(0).toString();
    p.familyName = query.value(1).toString();
    p.givenName = query.value(2).toString();
    p.familyKana = query.value(3).toString();
    p.givenKana = query.value(4).toString();
    p.birthDate = query.value(5).toString();
    p.gender = query.value(6).toString();
    return p;
}

// LIKE pattern for "contains": the folded text with LIKE's own metacharacters escaped, so a
// name such as "100%" matches literally.
QString containsPattern(const QString &text)
{
    QString escaped;
    for (QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

Result<PatientRepository::SearchResult> PatientRepository::search(const QString &facility,
                                                                  const PatientQuery &query) const
{
    QStringList conditions;
    QVariantList values{facility};

    for (const QString &name : query.names) {
        const QString folded = foldNameForSearch(name);
        // Candidates from the bigram index (the patients holding the query's rarest bigram, or
        // all its bigrams when each is common), then the exact "contains" check on those only,
        // so the result is what a scan would give.
        if (const QStringList queryGrams = NameIndex::queryGrams(folded); !queryGrams.isEmpty()) {
            const auto grams = NameIndex::drivingGrams(m_store, queryGrams);
            if (!grams)
                return Failure{grams.error()};
            QStringList pieces;
            for (const QString &gram : *grams) {
                pieces << QStringLiteral("SELECT g.patient FROM patient_name_grams g WHERE g.gram = ?");
                values << gram;
            }
            conditions << QStringLiteral("p.id IN (") + pieces.join(QStringLiteral(" INTERSECT ")) + QLatin1Char(')');
        }
        const QString pattern = containsPattern(folded);
        conditions << QStringLiteral("(p.name_key LIKE ? ESCAPE '\\' OR p.kana_key LIKE ? ESCAPE '\\')");
        values << pattern << pattern;
    }
    for (const PatientQuery::Identifier &identifier : query.identifiers) {
        switch (identifier.kind) {
        // Identifiers as `p.id IN (...)`: the patients are found by primary key, not by
        // checking every patient (bench/README.md).
        case PatientQuery::Identifier::Kind::Any:
            conditions << QStringLiteral("p.id IN (SELECT ? UNION ALL SELECT i.patient FROM patient_identifiers i "
                                         "WHERE i.value = ?)");
            values << identifier.value << identifier.value;
            break;
        case PatientQuery::Identifier::Kind::NetworkId:
            conditions << QStringLiteral("p.id = ?");
            values << identifier.value;
            break;
        case PatientQuery::Identifier::Kind::FacilityLocalId:
            conditions << QStringLiteral("p.id IN (SELECT i.patient FROM patient_identifiers i WHERE "
                                         "i.facility = ? AND i.value = ?)");
            values << identifier.facility << identifier.value;
            break;
        case PatientQuery::Identifier::Kind::NoMatch:
            conditions << QStringLiteral("1 = 0");
            break;
        }
    }
    for (const PatientQuery::DateCondition &condition : query.birthDates) {
        // The comparison comes from a fixed set chosen by the parser, never from the client.
        static const QStringList allowed{QStringLiteral(">="), QStringLiteral("<="),
                                         QStringLiteral(">"), QStringLiteral("<")};
        if (!allowed.contains(condition.comparison))
            return Failure{QStringLiteral("invalid date comparison")};
        conditions << QStringLiteral("p.birth_date %1 ?").arg(condition.comparison);
        values << condition.date;
    }
    for (const QString &gender : query.genders) {
        conditions << QStringLiteral("p.gender = ?");
        values << gender;
    }

    // One pass: the total comes with the page (COUNT(*) OVER () counts every match before the
    // LIMIT), and the consent is an EXISTS checked only for patients that match the criteria.
    // A name search reads its candidates from the bigram index (a 1-character one scans every
    // patient); either way the patients are not walked in kana order (bench/README.md).
    conditions.prepend(kVisibleExists); // its facility is values' first
    const QString from = QStringLiteral(" FROM patients p WHERE ") + conditions.join(QStringLiteral(" AND "));

    SearchResult result;
    QVariantList pageValues = values;
    pageValues << query.count;
    auto rows = m_store.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(", COUNT(*) OVER ()") + from
                                 + QStringLiteral(" ORDER BY p.family_kana, p.given_kana, p.id LIMIT ?"),
                             pageValues);
    if (!rows)
        return Failure{rows.error()};
    while (rows->next()) {
        result.total = rows->value(7).toInt();
        result.patients.append(patientFromRow(*rows));
    }
    rows->finish();

    // The page's identifiers in one query (by chunks) rather than one prepared query per
    // patient: 100 prepares were a visible part of a name search (bench/README.md).
    QHash<QString, QList<PatientIdentifier>> identifiers;
    constexpr qsizetype kChunk = 500;
    for (qsizetype start = 0; start < result.patients.size(); start += kChunk) {
        QStringList placeholders;
        QVariantList ids;
        for (qsizetype i = start; i < std::min(start + kChunk, result.patients.size()); ++i) {
            placeholders << QStringLiteral("?");
            ids << result.patients.at(i).id;
        }
        auto rows = m_store.exec(QStringLiteral("SELECT i.patient, i.facility, f.name, i.value FROM patient_identifiers i "
                                                "JOIN facilities f ON f.id = i.facility WHERE i.patient IN (")
                                     + placeholders.join(QLatin1Char(','))
                                     + QStringLiteral(") ORDER BY i.patient, i.facility, i.value"),
                                 ids);
        if (!rows)
            return Failure{rows.error()};
        while (rows->next())
            identifiers[rows->value(0).toString()].append(
                {rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toString()});
    }
    for (Patient &patient : result.patients)
        patient.identifiers = identifiers.value(patient.id);
    return result;
}

Result<std::optional<Patient>> PatientRepository::readVisible(const QString &facility,
                                                              const QString &id) const
{
    auto row = m_store.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM patients p ")
                                + kVisibleJoin + QStringLiteral(" WHERE p.id = ?"),
                            {facility, id});
    if (!row)
        return Failure{row.error()};
    if (!row->next())
        return std::optional<Patient>();
    Patient patient = patientFromRow(*row);
    row->finish();
    auto identifiers = identifiersOf(patient.id);
    if (!identifiers)
        return Failure{identifiers.error()};
    patient.identifiers = *identifiers;

    // Linked patients the facility may see: their facilities' local IDs are this person's too.
    const auto person = PatientLinks(m_store).personOf(id);
    if (!person)
        return Failure{person.error()};
    for (const QString &other : *person) {
        if (other == id)
            continue;
        auto visible = m_store.exec(QStringLiteral("SELECT 1 FROM patients p ") + kVisibleJoin
                                        + QStringLiteral(" WHERE p.id = ?"), {facility, other});
        if (!visible)
            return Failure{visible.error()};
        if (!visible->next())
            continue;
        visible->finish();
        patient.links << other;
        const auto linked = identifiersOf(other);
        if (!linked)
            return Failure{linked.error()};
        for (const PatientIdentifier &identifier : *linked) {
            const bool known = std::any_of(patient.identifiers.begin(), patient.identifiers.end(), [&](const PatientIdentifier &i) {
                return i.facility == identifier.facility && i.value == identifier.value;
            });
            if (!known)
                patient.identifiers << identifier;
        }
    }
    return std::optional<Patient>(patient);
}

Result<QList<PatientIdentifier>> PatientRepository::identifiersOf(const QString &patient) const
{
    auto query = m_store.exec(
        QStringLiteral("SELECT i.facility, f.name, i.value FROM patient_identifiers i "
                       "JOIN facilities f ON f.id = i.facility WHERE i.patient = ? "
                       "ORDER BY i.facility, i.value"),
        {patient});
    if (!query)
        return Failure{query.error()};
    QList<PatientIdentifier> identifiers;
    while (query->next())
        identifiers.append({query->value(0).toString(), query->value(1).toString(),
                            query->value(2).toString()});
    return identifiers;
}

Status PatientRepository::add(const Patient &patient)
{
    const auto inserted = m_store.exec(
        QStringLiteral("INSERT INTO patients (id, family_name, given_name, family_kana, given_kana, "
                       "birth_date, gender, name_key, kana_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {patient.id, patient.familyName, patient.givenName, patient.familyKana, patient.givenKana,
         patient.birthDate, patient.gender,
         foldNameForSearch(patient.familyName + patient.givenName),
         foldNameForSearch(patient.familyKana + patient.givenKana)});
    if (!inserted)
        return Failure{inserted.error()};
    if (const Status indexed = NameIndex::indexPatient(m_store, patient.id); !indexed)
        return indexed;
    for (const PatientIdentifier &identifier : patient.identifiers) {
        if (const Status added = addIdentifier(patient.id, identifier.facility, identifier.value);
            !added)
            return added;
    }
    return success();
}

Status PatientRepository::addIdentifier(const QString &patient, const QString &facility,
                                        const QString &value)
{
    const auto inserted = m_store.exec(
        QStringLiteral("INSERT INTO patient_identifiers (patient, facility, value) VALUES (?, ?, ?)"),
        {patient, facility, value});
    if (!inserted)
        return Failure{inserted.error()};
    return success();
}

Result<bool> PatientRepository::exists(const QString &id) const
{
    auto query = m_store.exec(QStringLiteral("SELECT 1 FROM patients WHERE id = ?"), {id});
    if (!query)
        return Failure{query.error()};
    return query->next();
}

Result<QList<Patient>> PatientRepository::list() const
{
    QHash<QString, QList<PatientIdentifier>> identifiers;
    {
        auto query = m_store.exec(QStringLiteral(
            "SELECT i.patient, i.facility, f.name, i.value FROM patient_identifiers i "
            "JOIN facilities f ON f.id = i.facility ORDER BY i.patient, i.facility, i.value"));
        if (!query)
            return Failure{query.error()};
        while (query->next())
            identifiers[query->value(0).toString()].append(
                {query->value(1).toString(), query->value(2).toString(), query->value(3).toString()});
    }
    auto query = m_store.exec(QStringLiteral("SELECT ") + kColumns
                              + QStringLiteral(" FROM patients p ORDER BY p.id"));
    if (!query)
        return Failure{query.error()};
    QList<Patient> patients;
    while (query->next()) {
        Patient patient = patientFromRow(*query);
        patient.identifiers = identifiers.value(patient.id);
        patients.append(patient);
    }
    return patients;
}

Status PatientRepository::updateDemographics(const Patient &patient)
{
    // The old keys' pieces go first (they are computed from the row as it still is), the new
    // keys' pieces after the update. Callers hold the import's transaction around this.
    if (const Status unindexed = NameIndex::unindexPatient(m_store, patient.id); !unindexed)
        return unindexed;
    const auto updated = m_store.exec(
        QStringLiteral("UPDATE patients SET family_name = ?, given_name = ?, family_kana = ?, "
                       "given_kana = ?, birth_date = ?, gender = ?, name_key = ?, kana_key = ? WHERE id = ?"),
        {patient.familyName, patient.givenName, patient.familyKana, patient.givenKana,
         patient.birthDate, patient.gender,
         foldNameForSearch(patient.familyName + patient.givenName),
         foldNameForSearch(patient.familyKana + patient.givenKana), patient.id});
    if (!updated)
        return Failure{updated.error()};
    return NameIndex::indexPatient(m_store, patient.id);
}

Result<std::optional<QString>> PatientRepository::findByLocalId(const QString &facility,
                                                                const QString &value) const
{
    auto query = m_store.exec(
        QStringLiteral("SELECT patient FROM patient_identifiers WHERE facility = ? AND value = ?"),
        {facility, value});
    if (!query)
        return Failure{query.error()};
    if (!query->next())
        return std::optional<QString>();
    return std::optional<QString>(query->value(0).toString());
}

QString PatientRepository::importedPatientId(const QString &facility, const QString &localId)
{
    const QByteArray digest = QCryptographicHash::hash((facility + QLatin1Char('\n') + localId).toUtf8(),
                                                       QCryptographicHash::Sha256);
    return QStringLiteral("p") + QString::fromLatin1(digest.toHex().left(16));
}
