#include "audit.h"

#include "store.h"

#include <QCryptographicHash>
#include <QSqlQuery>

namespace {
constexpr int kAppendAttempts = 20;
} // namespace

AuditLog::AuditLog(Store &store, Clock clock)
    : m_store(store)
    , m_clock(std::move(clock))
{
}

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString AuditLog::computeHash(const AuditEntry &entry)
{
    // Fields joined by the ASCII unit separator, which none of them can contain, so that
    // moving text from one field into the next changes the hash.
    const QStringList fields = {entry.prevHash, QString::number(entry.seq), entry.time,
                                entry.user,     entry.facility,            entry.action,
                                entry.patient,  entry.detail,              entry.outcome};
    const QByteArray data = fields.join(QChar(0x1f)).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

Status AuditLog::append(const Event &event)
{
    auto clean = [](QString text) { return text.replace(QChar(0x1f), QLatin1Char(' ')); };

    // The chain needs "the previous row"; another process (serve vs. an admin command) may
    // append at the same moment. seq is the primary key, so of two writers computing the same
    // next seq one fails and simply retries on the new tail - no database-specific locking.
    for (int attempt = 0; attempt < kAppendAttempts; ++attempt) {
        auto last = m_store.exec(
            QStringLiteral("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"));
        if (!last)
            return Failure{last.error()};
        AuditEntry entry;
        entry.seq = 1;
        entry.prevHash = genesisHash();
        if (last->next()) {
            entry.seq = last->value(0).toLongLong() + 1;
            entry.prevHash = last->value(1).toString();
        }
        last->finish();

        entry.time = Store::timeText(m_clock());
        entry.user = clean(event.user);
        entry.facility = clean(event.facility);
        entry.action = clean(event.action);
        entry.patient = clean(event.patient);
        entry.detail = clean(event.detail);
        entry.outcome = clean(event.outcome);
        entry.hash = computeHash(entry);

        const auto inserted = m_store.exec(
            QStringLiteral("INSERT INTO audit (seq, time, user_id, facility, action, patient, "
                           "detail, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {entry.seq, entry.time, entry.user, entry.facility, entry.action, entry.patient,
             entry.detail, entry.outcome, entry.prevHash, entry.hash});
        if (inserted)
            return success();
        // Only a lost race on seq is retried; anything else is a real error.
        if (!inserted.error().contains(QLatin1String("unique"), Qt::CaseInsensitive))
            return Failure{inserted.error()};
    }
    return Failure{QStringLiteral("could not append to the audit log: too much contention")};
}

Result<QList<AuditEntry>> AuditLog::list() const
{
    auto query = m_store.exec(QStringLiteral(
        "SELECT seq, time, user_id, facility, action, patient, detail, outcome, prev_hash, hash "
        "FROM audit ORDER BY seq"));
    if (!query)
        return Failure{query.error()};
    QList<AuditEntry> entries;
    while (query->next()) {
        AuditEntry e;
        e.seq = query->value(0).toLongLong();
        e.time = query->value(1).toString();
        e.user = query->value(2).toString();
        e.facility = query->value(3).toString();
        e.action = query->value(4).toString();
        e.patient = query->value(5).toString();
        e.detail = query->value(6).toString();
        e.outcome = query->value(7).toString();
        e.prevHash = query->value(8).toString();
        e.hash = query->value(9).toString();
        entries.append(e);
    }
    return entries;
}

Result<QString> AuditLog::verify() const
{
    const auto entries = list();
    if (!entries)
        return Failure{entries.error()};
    QString expectedPrev = genesisHash();
    qint64 expectedSeq = 1;
    for (const AuditEntry &e : *entries) {
        if (e.seq != expectedSeq)
            return QStringLiteral("row %1: expected sequence number %2 (a row is missing)")
                .arg(e.seq)
                .arg(expectedSeq);
        if (e.prevHash != expectedPrev)
            return QStringLiteral("row %1: does not link to the previous row's hash").arg(e.seq);
        if (computeHash(e) != e.hash)
            return QStringLiteral("row %1: contents do not match its hash (modified)").arg(e.seq);
        expectedPrev = e.hash;
        ++expectedSeq;
    }
    return QString();
}
