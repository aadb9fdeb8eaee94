#pragma once

#include "clock.h"
#include "loginthrottle.h"
#include "passwordhash.h"
#include "result.h"

#include <QString>

class Store;

/// Checks a login ID and password under the lockout rules of docs/PROTOCOL.md.
class Authenticator
{
public:
    enum class Outcome {
        Success,
        InvalidCredentials, ///< unknown ID or wrong password: one answer for both
        Locked,             ///< throttled; retryAfterSeconds > 0
        AdminLocked,        ///< locked by `user lock`; no retry time
    };

    struct Attempt
    {
        Outcome outcome = Outcome::InvalidCredentials;
        qint64 retryAfterSeconds = 0;
        /// The account's facility whenever the ID exists (the audit trail wants it even for
        /// failures); the client is told only on success.
        QString facility;
        /// For the audit trail only, never for the client: why it failed.
        QString reason;
    };

    /// \a dummyIterations should equal the cost of real hashes so unknown IDs take as long.
    Authenticator(Store &store, Clock clock,
                  int dummyIterations = PasswordHash::kDefaultIterations);

    Result<Attempt> login(const QString &loginId, const QString &password);

private:
    Store &m_store;
    LoginThrottle m_throttle;
    QString m_dummyHash;
};
