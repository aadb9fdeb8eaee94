#pragma once

#include "clock.h"
#include "result.h"

#include <QString>

#include <optional>

class Store;

/// Bearer tokens: 256 random bits, handed out once, stored only as their SHA-256.
/// Each use extends the idle lifetime (in steps of kIdleExtensionStep), never past the
/// absolute limit.
class TokenStore
{
public:
    static constexpr qint64 kIdleSeconds = 15 * 60;
    static constexpr qint64 kAbsoluteSeconds = 12 * 60 * 60;
    /// The idle expiry is stored again only once a use would move it on by this much.
    static constexpr qint64 kIdleExtensionStep = 60;

    TokenStore(Store &store, Clock clock);

    struct Session
    {
        QString user;
        QString facility;
        QString facilityName;
    };

    /// A new token for \a user (base64url without padding, 43 characters).
    Result<QString> issue(const QString &user);
    /// The session of a valid token, extended by this use; nullopt if unknown, revoked,
    /// expired or the user has been locked by an administrator.
    Result<std::optional<Session>> validate(const QString &token);
    /// True if a valid token was revoked.
    Result<bool> revoke(const QString &token);

    static QString hashToken(const QString &token);
    static bool looksLikeToken(const QString &token);

private:
    Store &m_store;
    Clock m_clock;
};
