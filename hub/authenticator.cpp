#include "authenticator.h"

#include "users.h"

Authenticator::Authenticator(Store &store, Clock clock, int dummyIterations)
    : m_store(store)
    , m_throttle(store, std::move(clock))
    , m_dummyHash(PasswordHash::dummyHash(dummyIterations))
{
}

Result<Authenticator::Check> Authenticator::prepare(const QString &loginId) const
{
    Check check;
    check.loginId = loginId;
    const auto throttled = m_throttle.check(loginId);
    if (!throttled)
        return Failure{throttled.error()};
    if (throttled->locked) {
        // The password is deliberately not looked at: guessing during a lock learns nothing.
        check.decided = Attempt{Outcome::Locked, throttled->retryAfterSeconds, {},
                                QStringLiteral("locked")};
        return check;
    }

    const auto user = UserRepository(m_store).find(loginId);
    if (!user)
        return Failure{user.error()};
    if (user->has_value()) {
        check.accountExists = true;
        check.passwordHash = (*user)->passwordHash;
        check.adminLocked = (*user)->locked;
        check.facility = (*user)->facility;
    } else {
        // Same work as for a real account, so response time does not reveal existence.
        check.passwordHash = m_dummyHash;
    }
    return check;
}

bool Authenticator::verifyPassword(const QString &password, const QString &passwordHash)
{
    return PasswordHash::verify(password, passwordHash);
}

Result<Authenticator::Attempt> Authenticator::conclude(const Check &check, bool passwordOk)
{
    if (check.decided)
        return *check.decided;

    passwordOk = passwordOk && check.accountExists;
    if (!passwordOk) {
        const QString reason = check.accountExists ? QStringLiteral("wrong password")
                                                   : QStringLiteral("unknown user");
        const auto state = m_throttle.recordFailure(check.loginId);
        if (!state)
            return Failure{state.error()};
        if (state->locked)
            return Attempt{Outcome::Locked, state->retryAfterSeconds, check.facility,
                           reason + QStringLiteral("; now locked for %1 s").arg(state->retryAfterSeconds)};
        return Attempt{Outcome::InvalidCredentials, 0, check.facility, reason};
    }

    // Only someone who knows the password learns that an administrator locked the account.
    if (check.adminLocked)
        return Attempt{Outcome::AdminLocked, 0, check.facility,
                       QStringLiteral("locked by administrator")};

    if (const Status reset = m_throttle.recordSuccess(check.loginId); !reset)
        return Failure{reset.error()};
    return Attempt{Outcome::Success, 0, check.facility, {}};
}

Result<Authenticator::Attempt> Authenticator::login(const QString &loginId,
                                                    const QString &password)
{
    const auto check = prepare(loginId);
    if (!check)
        return Failure{check.error()};
    const bool passwordOk = !check->decided && verifyPassword(password, check->passwordHash);
    return conclude(*check, passwordOk);
}
