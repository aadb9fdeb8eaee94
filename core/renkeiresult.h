#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Renkei {

/// Marks a failed operation; carries the one-line reason shown to the user or operator, or
/// logged.
struct Failure
{
    QString message;
};

/// A value or an error text. Untrusted files and network answers fail often; failures are
/// values so nothing throws across Qt code and callers must look before they use the value.
template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Failure failure) : m_error(std::move(failure.message))
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("unknown error");
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    T &operator*() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

private:
    std::optional<T> m_value;
    QString m_error;
};

/// Result of an operation that produces nothing but may fail.
using Status = Result<std::monostate>;

inline Status success()
{
    return Status(std::monostate{});
}

} // namespace Renkei
