#include "tokens.h"

#include "store.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlQuery>

#include <openssl/rand.h>

#include <algorithm>

namespace {
constexpr int kTokenBytes = 32;
} // namespace

TokenStore::TokenStore(Store &store, Clock clock)
    : m_store(store)
    , m_clock(std::move(clock))
{
}

QString TokenStore::hashToken(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

bool TokenStore::looksLikeToken(const QString &token)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    return pattern.match(token).hasMatch();
}

Result<QString> TokenStore::issue(const QString &user)
{
    QByteArray random(kTokenBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(random.data()), kTokenBytes) != 1)
        return Failure{QStringLiteral("no randomness for a token")};
    const QString token = QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));

    const qint64 now = m_clock().toSecsSinceEpoch();
    // Housekeeping on the way: tokens past their absolute end can never be used again.
    if (const auto purged = m_store.exec(
            QStringLiteral("DELETE FROM tokens WHERE absolute_expires <= ?"), {now});
        !purged)
        return Failure{purged.error()};
    const auto inserted = m_store.exec(
        QStringLiteral("INSERT INTO tokens (token_hash, user_id, issued, idle_expires, "
                       "absolute_expires, revoked) VALUES (?, ?, ?, ?, ?, 0)"),
        {hashToken(token), user, now, now + kIdleSeconds, now + kAbsoluteSeconds});
    if (!inserted)
        return Failure{inserted.error()};
    return token;
}

Result<std::optional<TokenStore::Session>> TokenStore::validate(const QString &token)
{
    if (!looksLikeToken(token))
        return std::optional<Session>();
    const QString hash = hashToken(token);
    auto query = m_store.exec(
        QStringLiteral("SELECT t.user_id, u.facility, f.name, t.idle_expires, t.absolute_expires "
                       "FROM tokens t JOIN users u ON u.id = t.user_id "
                       "JOIN facilities f ON f.id = u.facility "
                       "WHERE t.token_hash = ? AND t.revoked = 0 AND u.locked = 0"),
        {hash});
    if (!query)
        return Failure{query.error()};
    if (!query->next())
        return std::optional<Session>();
    const Session session{query->value(0).toString(), query->value(1).toString(),
                          query->value(2).toString()};
    const qint64 idleExpires = query->value(3).toLongLong();
    const qint64 absoluteExpires = query->value(4).toLongLong();
    query->finish();

    const qint64 now = m_clock().toSecsSinceEpoch();
    if (now >= idleExpires || now >= absoluteExpires)
        return std::optional<Session>();

    // Every request validates its token, and with synchronous = FULL each write is an fsync of
    // its own (the audit row is the request's other). So the idle expiry moves on in steps of
    // kIdleExtensionStep: a use within a step of the last stored extension writes nothing. The
    // idle limit is minutes, so an idle session may end up to one step sooner than
    // kIdleSeconds after its last use, which no user can tell apart; it never lasts longer.
    const qint64 extended = std::min(now + kIdleSeconds, absoluteExpires);
    if (extended - idleExpires < kIdleExtensionStep)
        return std::optional<Session>(session);
    const auto updated = m_store.exec(
        QStringLiteral("UPDATE tokens SET idle_expires = ? WHERE token_hash = ?"), {extended, hash});
    if (!updated)
        return Failure{updated.error()};
    return std::optional<Session>(session);
}

Result<bool> TokenStore::revoke(const QString &token)
{
    const auto session = validate(token);
    if (!session)
        return Failure{session.error()};
    if (!session->has_value())
        return false;
    const auto updated = m_store.exec(
        QStringLiteral("UPDATE tokens SET revoked = 1 WHERE token_hash = ?"), {hashToken(token)});
    if (!updated)
        return Failure{updated.error()};
    return true;
}
