#pragma once

#include <QDateTime>

#include <functional>

/// Source of "now" (UTC). Injected so lockout and token expiry can be tested without sleeping.
using Clock = std::function<QDateTime()>;

inline Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}
