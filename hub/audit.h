#pragma once

#include "clock.h"
#include "result.h"

#include <QList>
#include <QString>

class Store;

struct AuditEntry
{
    qint64 seq = 0;
    QString time;     ///< UTC, ISO 8601
    QString user;     ///< login ID as presented (may be unknown)
    QString facility;
    QString action;   ///< login, logout, search, read
    QString patient;  ///< for reads
    QString detail;   ///< the query, the failure reason …
    QString outcome;  ///< success, failure
    QString prevHash;
    QString hash;
};

/// The append-only, hash-chained access log. Each row's hash is SHA-256 over the previous
/// row's hash and this row's fields, so editing or removing a row breaks every later link;
/// the database triggers refuse UPDATE and DELETE outright.
class AuditLog
{
public:
    explicit AuditLog(Store &store, Clock clock = systemClock());

    struct Event
    {
        QString user;
        QString facility;
        QString action;
        QString patient;
        QString detail;
        QString outcome;
    };
    Status append(const Event &event);

    Result<QList<AuditEntry>> list() const;

    /// Empty on an intact chain; otherwise which row breaks it and how.
    Result<QString> verify() const;

    static QString genesisHash();
    static QString computeHash(const AuditEntry &entry);

private:
    Store &m_store;
    Clock m_clock;
};
