#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Dicom {

/// A one-line reason why a DICOM operation failed, for stderr or a status bar.
struct Error
{
    QString message;
};

/// A value or an error text. Decoding untrusted files fails often; failures are values so
/// nothing throws across Qt code and callers must look before they use the value.
template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error.message))
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

} // namespace Dicom
