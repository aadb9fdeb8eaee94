#pragma once

#include <QMetaType>
#include <QString>

/// Why a call to the hub did not succeed. Failures are values: every asynchronous operation of
/// RenkeiNetwork ends either with its result or with one of these.
struct HubError
{
    enum class Kind {
        None,
        WrongCredentials,     ///< unknown ID or wrong password (the hub does not tell which)
        AccountLocked,        ///< too many failures, or locked by an administrator
        Unreachable,          ///< connection refused, host not found, timeout, TLS not spoken
        UntrustedCertificate, ///< the hub's certificate failed verification; never ignored
        ProtocolError,        ///< the answer was not what docs/PROTOCOL.md promises
        SessionExpired,       ///< the token is unknown, expired or revoked (401)
        NotFound,             ///< 404: absent or not visible to this facility
        ServerError,          ///< 5xx
    };

    Kind kind = Kind::None;
    QString message;            ///< user-facing, already translated
    int retryAfterSeconds = -1; ///< AccountLocked only; -1 when the hub did not say
    QString detail;             ///< technical, e.g. the TLS error text; for tooltips and logs

    bool isError() const { return kind != Kind::None; }
};

Q_DECLARE_METATYPE(HubError)

/// A stable, untranslated name of the kind for logs and test output ("WrongCredentials").
QString hubErrorKindName(HubError::Kind kind);
