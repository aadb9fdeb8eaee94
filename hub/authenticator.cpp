#include "authenticator.h"

#include "users.h"

Authenticator::Authenticator(Store &store, Clock clock, int dummyIterations)
    : m_store(store)
    , m_throttle(store, std::move(clock))
    , m_dummyHash(PasswordHash::dummyHash(dummyIterations))
{
}

Result<Authenticator::Attempt> Authenticator::login(const QString &loginId,
                                                    const QString &password)
{
    const auto throttled = m_throttle.check(loginId);
    if (!throttled)
        return Failure{throttled.error()};
    if (throttled->locked) {
        // The password is deliberately not looked at: guessing during a lock learns nothing.
        return Attempt{Outcome::Locked, throttled->retryAfterSeconds, {},
                       QStringLiteral("locked")};
    }

    const auto user = UserRepository(m_store).find(loginId);
    if (!user)
        return Failure{user.error()};

    bool passwordOk = false;
    QString reason;
    const QString facility = user->has_value() ? (*user)->facility : QString();
    if (user->has_value()) {
        passwordOk = PasswordHash::verify(password, (*user)->passwordHash);
        if (!passwordOk)
            reason = QStringLiteral("wrong password");
    } else {
        // Same work as for a real account, so response time does not reveal existence.
        PasswordHash::verify(password, m_dummyHash);
        reason = QStringLiteral("unknown user");
    }

    if (!passwordOk) {
        const auto state = m_throttle.recordFailure(loginId);
        if (!state)
            return Failure{state.error()};
        if (state->locked)
            return Attempt{Outcome::Locked, state->retryAfterSeconds, facility,
                           reason + QStringLiteral("; now locked for %1 s").arg(state->retryAfterSeconds)};
        return Attempt{Outcome::InvalidCredentials, 0, facility, reason};
    }

    // Only someone who knows the password learns that an administrator locked the account.
    if ((*user)->locked)
        return Attempt{Outcome::AdminLocked, 0, facility, QStringLiteral("locked by administrator")};

    if (const Status reset = m_throttle.recordSuccess(loginId); !reset)
        return Failure{reset.error()};
    return Attempt{Outcome::Success, 0, facility, {}};
}
