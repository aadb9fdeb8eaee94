#include "users.h"

#include "facilities.h"
#include "passwordhash.h"
#include "store.h"

#include <QDateTime>
#include <QSqlQuery>

QString UserRepository::checkPasswordPolicy(const QString &password)
{
    // Count characters as people see them (code points), not UTF-16 units.
    if (password.toUcs4().size() < kMinimumPasswordLength)
        return QStringLiteral("the password must have at least %1 characters")
            .arg(kMinimumPasswordLength);
    return {};
}

Status UserRepository::add(const QString &id, const QString &facility, const QString &password,
                           int iterations)
{
    if (!isValidRecordId(id))
        return Failure{QStringLiteral("invalid user ID '%1' (letters, digits, . _ -)").arg(id)};
    if (const QString policy = checkPasswordPolicy(password); !policy.isEmpty())
        return Failure{policy};
    const auto facilityRow = FacilityRepository(m_store).find(facility);
    if (!facilityRow)
        return Failure{facilityRow.error()};
    if (!facilityRow->has_value())
        return Failure{QStringLiteral("unknown facility '%1'").arg(facility)};
    const auto existing = find(id);
    if (!existing)
        return Failure{existing.error()};
    if (existing->has_value())
        return Failure{QStringLiteral("user '%1' already exists").arg(id)};

    const QString hash = PasswordHash::hash(password, iterations);
    if (hash.isEmpty())
        return Failure{QStringLiteral("cannot hash the password (no randomness?)")};
    const auto inserted = m_store.exec(
        QStringLiteral("INSERT INTO users (id, facility, password_hash, locked, created) "
                       "VALUES (?, ?, ?, 0, ?)"),
        {id, facility, hash, Store::timeText(QDateTime::currentDateTimeUtc())});
    if (!inserted)
        return Failure{inserted.error()};
    return success();
}

Status UserRepository::setPassword(const QString &id, const QString &password, int iterations)
{
    if (const QString policy = checkPasswordPolicy(password); !policy.isEmpty())
        return Failure{policy};
    const auto existing = find(id);
    if (!existing)
        return Failure{existing.error()};
    if (!existing->has_value())
        return Failure{QStringLiteral("unknown user '%1'").arg(id)};
    const QString hash = PasswordHash::hash(password, iterations);
    if (hash.isEmpty())
        return Failure{QStringLiteral("cannot hash the password (no randomness?)")};
    const auto updated = m_store.exec(
        QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {hash, id});
    if (!updated)
        return Failure{updated.error()};
    // A new password ends every session opened with the old one.
    const auto revoked = m_store.exec(
        QStringLiteral("UPDATE tokens SET revoked = 1 WHERE user_id = ?"), {id});
    if (!revoked)
        return Failure{revoked.error()};
    return success();
}

Status UserRepository::setLocked(const QString &id, bool locked)
{
    const auto existing = find(id);
    if (!existing)
        return Failure{existing.error()};
    if (!existing->has_value())
        return Failure{QStringLiteral("unknown user '%1'").arg(id)};
    const auto updated = m_store.exec(QStringLiteral("UPDATE users SET locked = ? WHERE id = ?"),
                                      {locked ? 1 : 0, id});
    if (!updated)
        return Failure{updated.error()};
    return success();
}

Result<std::optional<User>> UserRepository::find(const QString &id) const
{
    auto query = m_store.exec(
        QStringLiteral("SELECT id, facility, password_hash, locked FROM users WHERE id = ?"), {id});
    if (!query)
        return Failure{query.error()};
    if (!query->next())
        return std::optional<User>();
    return std::optional<User>(User{query->value(0).toString(), query->value(1).toString(),
                                    query->value(2).toString(), query->value(3).toInt() != 0});
}

Result<QList<User>> UserRepository::list() const
{
    auto query = m_store.exec(
        QStringLiteral("SELECT id, facility, password_hash, locked FROM users ORDER BY id"));
    if (!query)
        return Failure{query.error()};
    QList<User> users;
    while (query->next())
        users.append({query->value(0).toString(), query->value(1).toString(),
                      query->value(2).toString(), query->value(3).toInt() != 0});
    return users;
}
