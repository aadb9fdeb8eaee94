#pragma once

#include "result.h"

#include <QList>
#include <QString>

#include <optional>

class Store;

struct User
{
    QString id;
    QString facility;
    QString passwordHash;
    bool locked = false; ///< locked by an administrator
};

/// Login accounts. Passwords arrive in clear only to be hashed here.
class UserRepository
{
public:
    explicit UserRepository(Store &store) : m_store(store) {}

    /// The guideline's floor when no second factor is in use.
    static constexpr int kMinimumPasswordLength = 13;
    static QString checkPasswordPolicy(const QString &password);

    Status add(const QString &id, const QString &facility, const QString &password,
               int iterations);
    Status setPassword(const QString &id, const QString &password, int iterations);
    Status setLocked(const QString &id, bool locked);
    Result<std::optional<User>> find(const QString &id) const;
    Result<QList<User>> list() const;

private:
    Store &m_store;
};
