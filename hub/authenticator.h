#pragma once

#include "clock.h"
#include "loginthrottle.h"
#include "passwordhash.h"
#include "result.h"

#include <QString>

#include <optional>

class Store;

/// Checks a login ID and password under the lockout rules of docs/PROTOCOL.md.
///
/// A login has three steps so that the slow one can leave the server's thread: prepare()
/// reads the throttle and the account, verifyPassword() runs PBKDF2 (any thread, touches
/// nothing shared), conclude() records the outcome. login() runs all three in a row.
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

    /// What prepare() found: either an answer already (a throttled ID) or a hash to check.
    struct Check
    {
        QString loginId;
        std::optional<Attempt> decided;
        /// The account's hash, or a dummy of the same cost for an unknown ID.
        QString passwordHash;
        bool accountExists = false;
        bool adminLocked = false;
        QString facility;
    };

    /// \a dummyIterations should equal the cost of real hashes so unknown IDs take as long.
    Authenticator(Store &store, Clock clock,
                  int dummyIterations = PasswordHash::kDefaultIterations);

    Result<Check> prepare(const QString &loginId) const;
    static bool verifyPassword(const QString &password, const QString &passwordHash);
    Result<Attempt> conclude(const Check &check, bool passwordOk);

    Result<Attempt> login(const QString &loginId, const QString &password);

private:
    Store &m_store;
    LoginThrottle m_throttle;
    QString m_dummyHash;
};
