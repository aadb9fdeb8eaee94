#include "loginthrottle.h"

#include "store.h"

#include <QSqlQuery>

#include <algorithm>

LoginThrottle::LoginThrottle(Store &store, Clock clock)
    : m_store(store)
    , m_clock(std::move(clock))
{
}

qint64 LoginThrottle::now() const
{
    return m_clock().toSecsSinceEpoch();
}

qint64 LoginThrottle::lockSeconds(int lockLevel)
{
    qint64 seconds = kFirstLockSeconds;
    for (int level = 1; level < lockLevel && seconds < kMaxLockSeconds; ++level)
        seconds *= 2;
    return std::min(seconds, kMaxLockSeconds);
}

Result<LoginThrottle::State> LoginThrottle::check(const QString &loginId) const
{
    auto query = m_store.exec(
        QStringLiteral("SELECT locked_until FROM login_throttle WHERE login_id = ?"), {loginId});
    if (!query)
        return Failure{query.error()};
    State state;
    if (query->next()) {
        const qint64 remaining = query->value(0).toLongLong() - now();
        if (remaining > 0)
            state = {true, remaining};
    }
    return state;
}

Result<LoginThrottle::State> LoginThrottle::recordFailure(const QString &loginId)
{
    auto query = m_store.exec(QStringLiteral("SELECT failures, lock_level, locked_until "
                                             "FROM login_throttle WHERE login_id = ?"),
                              {loginId});
    if (!query)
        return Failure{query.error()};
    int failures = 0;
    int lockLevel = 0;
    qint64 lockedUntil = 0;
    const bool exists = query->next();
    if (exists) {
        failures = query->value(0).toInt();
        lockLevel = query->value(1).toInt();
        lockedUntil = query->value(2).toLongLong();
    }
    query->finish();

    const qint64 current = now();
    if (lockedUntil > current)
        return State{true, lockedUntil - current}; // callers check first; stay consistent anyway

    State state;
    ++failures;
    if (failures >= kFailuresBeforeLock) {
        ++lockLevel;
        const qint64 seconds = lockSeconds(lockLevel);
        lockedUntil = current + seconds;
        failures = 0; // the next round of five starts when this lock ends
        state = {true, seconds};
    }

    const auto written = m_store.exec(
        QStringLiteral("INSERT INTO login_throttle (login_id, failures, lock_level, locked_until) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (login_id) DO UPDATE SET "
                       "failures = excluded.failures, lock_level = excluded.lock_level, "
                       "locked_until = excluded.locked_until"),
        {loginId, failures, lockLevel, lockedUntil});
    if (!written)
        return Failure{written.error()};
    return state;
}

Status LoginThrottle::recordSuccess(const QString &loginId)
{
    return clear(m_store, loginId);
}

Status LoginThrottle::clear(Store &store, const QString &loginId)
{
    const auto deleted = store.exec(
        QStringLiteral("DELETE FROM login_throttle WHERE login_id = ?"), {loginId});
    if (!deleted)
        return Failure{deleted.error()};
    return success();
}
