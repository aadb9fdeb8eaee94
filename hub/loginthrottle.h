#pragma once

#include "clock.h"
#include "result.h"

#include <QString>

class Store;

/// Back-off for failed logins, per login ID whether or not it exists (so a lock reveals
/// nothing): 5 consecutive failures lock the ID for 60 s, each further lock doubles the
/// period up to 24 h, and a successful login starts over. Kept in the database so that an
/// administrator's `user unlock` reaches a running server.
class LoginThrottle
{
public:
    static constexpr int kFailuresBeforeLock = 5;
    static constexpr qint64 kFirstLockSeconds = 60;
    static constexpr qint64 kMaxLockSeconds = 24 * 60 * 60;

    LoginThrottle(Store &store, Clock clock);

    struct State
    {
        bool locked = false;
        qint64 retryAfterSeconds = 0;
    };

    Result<State> check(const QString &loginId) const;
    /// Counts a failure; the returned state says whether this failure started a lock.
    Result<State> recordFailure(const QString &loginId);
    Status recordSuccess(const QString &loginId);
    /// Forgets failures and locks (`user unlock`).
    static Status clear(Store &store, const QString &loginId);

    static qint64 lockSeconds(int lockLevel);

private:
    qint64 now() const;

    Store &m_store;
    Clock m_clock;
};
