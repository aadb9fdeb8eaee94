#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

using QueryParameters = QList<QPair<QString, QString>>;

/// The clinical resource types the hub serves with read and search (what the importers store).
/// Binary is not among them: it is only read, through its DocumentReference's visibility.
const QStringList &recordTypes();

/// A token search value: `code` or `system|code`.
struct TokenValue
{
    std::optional<QString> system; ///< absent: any system
    QString code;
};

/// Criteria of `GET /fhir/<Type>?…`, validated; every list combines with AND, the alternatives
/// inside one parameter (comma-separated) with OR.
struct RecordQuery
{
    struct DateCondition
    {
        QString comparison; ///< one of >=, <, chosen by the parser
        QString value;      ///< compared as text with the YYYY-MM-DD[THH:MM[:SS]] date column
    };

    QString type;
    QStringList patients; ///< network IDs; empty: every visible patient
    QList<QList<TokenValue>> categories;
    QList<QList<TokenValue>> codes;
    QList<QList<TokenValue>> identifiers; ///< business identifiers (`identifier`: system|value)
    QList<DateCondition> dates;
    int count = 50;
    int offset = 0;
    bool descending = false;
};

/// Where a keyset page of $everything starts: after the record with this (clinical date, id),
/// in the order of the whole list (date, then id). Carried by the `next` link as `_cursor`.
struct EverythingCursor
{
    QString date; ///< may be empty (records without a clinical date sort first)
    QString id;
};

/// Criteria of `GET /fhir/Patient/{id}/$everything`.
struct EverythingQuery
{
    int count = 200;
    int offset = 0;        ///< entries to skip; the Patient is entry 0
    /// A later page from a `next` link: the records after this one, no Patient, no total
    /// (docs/PROTOCOL.md). Exclusive with offset.
    std::optional<EverythingCursor> after;
    QString since;         ///< UTC instant as Store::timeText writes it; empty: no limit
    QStringList types;     ///< empty: every type
};

template <typename Query>
struct QueryParse
{
    std::optional<Query> query;
    QString issueCode;   ///< not-supported or invalid
    QString diagnostics;
};

QueryParse<RecordQuery> parseRecordSearch(const QString &type, const QueryParameters &parameters);
QueryParse<EverythingQuery> parseEverything(const QueryParameters &parameters);
/// `_count` and `_offset` for searches without criteria (Organization).
QueryParse<RecordQuery> parsePagingOnly(const QueryParameters &parameters);

/// The query string of the next page: the same parameters with `_offset` set to \a offset.
QString queryWithOffset(const QueryParameters &parameters, int offset);
/// The same parameters without `_offset` and `_cursor`, then `_cursor` for \a after.
QString queryWithCursor(const QueryParameters &parameters, const EverythingCursor &after);

/// `_cursor`'s text: base64url of "date\nid", opaque to clients; decodeCursor() undoes it and
/// refuses anything not of that shape.
QString encodeCursor(const EverythingCursor &cursor);
std::optional<EverythingCursor> decodeCursor(const QString &text);
