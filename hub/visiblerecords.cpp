#include "visiblerecords.h"

#include "patientlinks.h"
#include "store.h"

#include <QSqlQuery>

namespace {

// The JSON as a BLOB: its UTF-8 bytes as stored, without a round trip through UTF-16 that the
// response (which splices the text in) would only undo.
const QString kColumns = QStringLiteral("r.id, r.type, r.patient, r.facility, r.kind, r.date, r.code, "
                                        "CAST(r.json AS BLOB)");

// What a $everything page sends (type, id, JSON) and its cursor needs (date): every column
// costs a conversion per row, and a page reads up to 1,000 rows.
const QString kEverythingColumns = QStringLiteral("r.id, r.type, r.date, CAST(r.json AS BLOB)");

// The consent and disclosure rules in one place; the first bound value is the viewing facility.
const QString kVisibleFrom = QStringLiteral(
    " FROM resources r"
    " JOIN consents c ON c.patient = r.patient AND c.facility = ? AND c.status = 'active'"
    " JOIN disclosed_kinds d ON d.facility = r.facility AND d.kind = r.kind");

ResourceRow rowFrom(const QSqlQuery &q)
{
    return ResourceRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                       q.value(6).toString(), q.value(7).toByteArray()};
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

QString likeEscaped(const QString &text)
{
    QString escaped;
    for (QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    return escaped;
}

// category matches a coding's code (and system, when given) anywhere in the resource's
// `category`, or a plain code string (AllergyIntolerance.category is an array of codes).
QString categoryCondition(const QList<TokenValue> &alternatives, QVariantList &values)
{
    QStringList any;
    for (const TokenValue &token : alternatives) {
        if (token.system) {
            any << QStringLiteral(
                "EXISTS (SELECT 1 FROM json_tree(r.json, '$.category') t WHERE t.key = 'code' AND t.value = ? "
                "AND EXISTS (SELECT 1 FROM json_tree(r.json, '$.category') s WHERE s.parent = t.parent "
                "AND s.key = 'system' AND s.value = ?))");
            values << token.code << *token.system;
        } else {
            any << QStringLiteral(
                "EXISTS (SELECT 1 FROM json_tree(r.json, '$.category') t WHERE t.type = 'text' "
                "AND (t.key = 'code' OR typeof(t.key) = 'integer') AND t.value = ?)");
            values << token.code;
        }
    }
    return QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

// code matches the resource's main code, stored as "system|code".
QString codeCondition(const QList<TokenValue> &alternatives, QVariantList &values)
{
    QStringList any;
    for (const TokenValue &token : alternatives) {
        if (token.system) {
            any << QStringLiteral("r.code = ?");
            values << *token.system + QLatin1Char('|') + token.code;
        } else {
            any << QStringLiteral("r.code LIKE ? ESCAPE '\\'");
            values << QStringLiteral("%|") + likeEscaped(token.code);
        }
    }
    return QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

// identifier matches any of the resource's business identifiers (value, and system when given;
// `|value` asks for an identifier without a system).
QString identifierCondition(const QList<TokenValue> &alternatives, QVariantList &values)
{
    QStringList any;
    for (const TokenValue &token : alternatives) {
        QString match = QStringLiteral("json_extract(i.value, '$.value') = ?");
        values << token.code;
        if (token.system && token.system->isEmpty()) {
            match += QStringLiteral(" AND json_extract(i.value, '$.system') IS NULL");
        } else if (token.system) {
            match += QStringLiteral(" AND json_extract(i.value, '$.system') = ?");
            values << *token.system;
        }
        any << QStringLiteral("EXISTS (SELECT 1 FROM json_each(r.json, '$.identifier') i WHERE ") + match + QLatin1Char(')');
    }
    return QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

} // namespace

Result<std::optional<ResourceRow>> VisibleRecords::read(const QString &type, const QString &id) const
{
    auto query = m_store.exec(QStringLiteral("SELECT ") + kColumns + kVisibleFrom
                                  + QStringLiteral(" WHERE r.id = ? AND r.type = ?"),
                              {m_viewer, id, type});
    if (!query)
        return Failure{query.error()};
    if (!query->next())
        return std::optional<ResourceRow>();
    return std::optional<ResourceRow>(rowFrom(*query));
}

Result<VisibleRecords::Page> VisibleRecords::search(const RecordQuery &q) const
{
    QStringList conditions{QStringLiteral("r.type = ?")};
    QVariantList values{m_viewer, q.type};
    if (!q.patients.isEmpty()) {
        // A linked patient's records count as the patient's own (each still under its consent).
        const auto patients = PatientLinks(m_store).expand(q.patients);
        if (!patients)
            return Failure{patients.error()};
        conditions << QStringLiteral("r.patient IN (%1)").arg(placeholders(patients->size()));
        for (const QString &patient : *patients)
            values << patient;
    }
    for (const QList<TokenValue> &alternatives : q.categories)
        conditions << categoryCondition(alternatives, values);
    for (const QList<TokenValue> &alternatives : q.codes)
        conditions << codeCondition(alternatives, values);
    for (const QList<TokenValue> &alternatives : q.identifiers)
        conditions << identifierCondition(alternatives, values);
    if (!q.dates.isEmpty())
        conditions << QStringLiteral("r.date <> ''");
    for (const RecordQuery::DateCondition &date : q.dates) {
        // The comparison comes from the parser's fixed set, never from the client.
        if (date.comparison != QLatin1String(">=") && date.comparison != QLatin1String("<"))
            return Failure{QStringLiteral("invalid date comparison")};
        conditions << QStringLiteral("r.date %1 ?").arg(date.comparison);
        values << date.value;
    }
    const QString where = kVisibleFrom + QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));

    Page page;
    auto counted = m_store.exec(QStringLiteral("SELECT COUNT(*)") + where, values);
    if (!counted)
        return Failure{counted.error()};
    page.total = counted->next() ? counted->value(0).toInt() : 0;
    counted->finish();

    const QString order = q.descending ? QStringLiteral(" ORDER BY r.date DESC, r.id")
                                       : QStringLiteral(" ORDER BY r.date, r.id");
    values << q.count << q.offset;
    auto rows = m_store.exec(QStringLiteral("SELECT ") + kColumns + where + order + QStringLiteral(" LIMIT ? OFFSET ?"), values);
    if (!rows)
        return Failure{rows.error()};
    while (rows->next())
        page.rows << rowFrom(*rows);
    return page;
}

Result<VisibleRecords::Page> VisibleRecords::everything(const QString &patient, const EverythingQuery &q,
                                                        int offset, int limit) const
{
    // Binary is content, not a record: its DocumentReference links to it.
    const auto person = PatientLinks(m_store).personOf(patient);
    if (!person)
        return Failure{person.error()};
    QStringList conditions{QStringLiteral("r.patient IN (%1)").arg(placeholders(person->size())),
                           QStringLiteral("r.type <> 'Binary'")};
    QVariantList values{m_viewer};
    for (const QString &id : *person)
        values << id;
    if (!q.since.isEmpty()) {
        conditions << QStringLiteral("r.updated >= ?");
        values << q.since;
    }
    if (!q.types.isEmpty()) {
        conditions << QStringLiteral("r.type IN (%1)").arg(placeholders(q.types.size()));
        for (const QString &type : q.types)
            values << type;
    }
    Page page;
    if (q.after) {
        // Keyset paging: the index (patient, date, id, …) starts right after the cursor's
        // record, so a late page costs what an early one does; ties on date go by id, the
        // same order as ORDER BY. A record inserted before the cursor since the first page is
        // not shown (the client asks again with _since), one after it is: nothing repeats.
        conditions << QStringLiteral("(r.date, r.id) > (?, ?)");
        values << q.after->date << q.after->id;
        page.total = -1;
    }
    const QString where = kVisibleFrom + QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));

    if (!q.after) {
        auto counted = m_store.exec(QStringLiteral("SELECT COUNT(*)") + where, values);
        if (!counted)
            return Failure{counted.error()};
        page.total = counted->next() ? counted->value(0).toInt() : 0;
        counted->finish();
    } else {
        offset = 0;
    }
    if (limit <= 0) {
        page.more = page.total > offset;
        return page;
    }

    // One row beyond the page says whether another follows, without a count.
    values << limit + 1 << offset;
    auto rows = m_store.exec(QStringLiteral("SELECT ") + kEverythingColumns + where
                                 + QStringLiteral(" ORDER BY r.date, r.id LIMIT ? OFFSET ?"),
                             values);
    if (!rows)
        return Failure{rows.error()};
    page.rows.reserve(limit + 1);
    while (rows->next()) {
        ResourceRow row;
        row.id = rows->value(0).toString();
        row.type = rows->value(1).toString();
        row.date = rows->value(2).toString();
        row.json = rows->value(3).toByteArray();
        page.rows << std::move(row);
    }
    if (page.rows.size() > limit) {
        page.rows.removeLast();
        page.more = true;
    }
    return page;
}
