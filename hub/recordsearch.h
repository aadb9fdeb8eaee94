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

/// Criteria of `GET /fhir/Patient/{id}/$everything`.
struct EverythingQuery
{
    int count = 200;
    int offset = 0;        ///< entries to skip; the Patient is entry 0
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
