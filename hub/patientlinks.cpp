#include "patientlinks.h"

#include "patientrepository.h"
#include "store.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>

Status PatientLinks::link(const QString &a, const QString &b)
{
    if (a == b)
        return Failure{QStringLiteral("cannot link patient '%1' to itself").arg(a)};
    PatientRepository patients(m_store);
    for (const QString &id : {a, b}) {
        const auto exists = patients.exists(id);
        if (!exists)
            return Failure{exists.error()};
        if (!*exists)
            return Failure{QStringLiteral("unknown patient '%1'").arg(id)};
    }
    const auto person = personOf(a);
    if (!person)
        return Failure{person.error()};
    if (person->contains(b))
        return Failure{QStringLiteral("%1 and %2 are already linked").arg(a, b)};
    const auto written = m_store.exec(
        QStringLiteral("INSERT INTO patient_links (patient, other, linked) VALUES (?, ?, ?)"),
        {std::min(a, b), std::max(a, b), Store::timeText(QDateTime::currentDateTimeUtc())});
    if (!written)
        return Failure{written.error()};
    return success();
}

Status PatientLinks::unlink(const QString &a, const QString &b)
{
    auto removed = m_store.exec(QStringLiteral("DELETE FROM patient_links WHERE patient = ? AND other = ?"),
                                {std::min(a, b), std::max(a, b)});
    if (!removed)
        return Failure{removed.error()};
    if (removed->numRowsAffected() == 0)
        return Failure{QStringLiteral("%1 and %2 are not linked to each other (see `renkei-hub patient links`)").arg(a, b)};
    return success();
}

Result<QList<PatientLinks::Link>> PatientLinks::list() const
{
    auto query = m_store.exec(QStringLiteral("SELECT patient, other, linked FROM patient_links ORDER BY patient, other"));
    if (!query)
        return Failure{query.error()};
    QList<Link> links;
    while (query->next())
        links.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toString()});
    return links;
}

Result<QStringList> PatientLinks::personOf(const QString &patient) const
{
    // The connected component of the link graph; UNION (not UNION ALL) stops at cycles.
    auto query = m_store.exec(QStringLiteral(
        "WITH RECURSIVE person(id) AS (SELECT ? UNION "
        "SELECT CASE WHEN l.patient = person.id THEN l.other ELSE l.patient END "
        "FROM patient_links l JOIN person ON l.patient = person.id OR l.other = person.id) "
        "SELECT id FROM person ORDER BY id"), {patient});
    if (!query)
        return Failure{query.error()};
    QStringList ids;
    while (query->next())
        ids << query->value(0).toString();
    return ids;
}

Result<QStringList> PatientLinks::expand(const QStringList &patients) const
{
    QStringList all;
    for (const QString &patient : patients) {
        if (all.contains(patient))
            continue;
        const auto person = personOf(patient);
        if (!person)
            return Failure{person.error()};
        for (const QString &id : *person) {
            if (!all.contains(id))
                all << id;
        }
    }
    return all;
}

Result<QList<PatientLinks::Suggestion>> PatientLinks::suggestions() const
{
    // Candidates share a birth date and the folded kanji name or kana (name_key / kana_key
    // fold width, hiragana/katakana, case and spaces); sex must agree unless one is unknown.
    auto query = m_store.exec(QStringLiteral(
        "SELECT a.id, b.id, a.name_key = b.name_key AND a.name_key <> '', "
        "a.kana_key = b.kana_key AND a.kana_key <> '', a.gender = b.gender "
        "FROM patients a JOIN patients b ON b.birth_date = a.birth_date AND b.id > a.id "
        "WHERE a.birth_date <> '' "
        "AND ((a.name_key = b.name_key AND a.name_key <> '') OR (a.kana_key = b.kana_key AND a.kana_key <> '')) "
        "AND (a.gender = b.gender OR a.gender = 'unknown' OR b.gender = 'unknown') "
        "ORDER BY a.id, b.id"));
    if (!query)
        return Failure{query.error()};
    struct Pair { QString a, b, reason; };
    QList<Pair> pairs;
    while (query->next()) {
        QStringList matched;
        if (query->value(2).toBool())
            matched << QStringLiteral("name");
        if (query->value(3).toBool())
            matched << QStringLiteral("kana");
        matched << QStringLiteral("birth date");
        const bool sameSex = query->value(4).toBool();
        QString reason = QStringLiteral("same ") + matched.join(QStringLiteral(", "));
        reason += sameSex ? QStringLiteral(" and sex") : QStringLiteral("; sex unknown for one");
        pairs.append({query->value(0).toString(), query->value(1).toString(), reason});
    }
    query->finish();

    QHash<QString, Patient> byId;
    const auto patients = PatientRepository(m_store).list();
    if (!patients)
        return Failure{patients.error()};
    for (const Patient &p : *patients)
        byId.insert(p.id, p);
    QList<Suggestion> suggestions;
    for (const Pair &pair : pairs) {
        const auto person = personOf(pair.a);
        if (!person)
            return Failure{person.error()};
        if (person->contains(pair.b))
            continue; // already one person
        suggestions.append({byId.value(pair.a), byId.value(pair.b), pair.reason});
    }
    return suggestions;
}
