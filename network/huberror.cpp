#include "huberror.h"

QString hubErrorKindName(HubError::Kind kind)
{
    switch (kind) {
    case HubError::Kind::None: return QStringLiteral("None");
    case HubError::Kind::WrongCredentials: return QStringLiteral("WrongCredentials");
    case HubError::Kind::AccountLocked: return QStringLiteral("AccountLocked");
    case HubError::Kind::Unreachable: return QStringLiteral("Unreachable");
    case HubError::Kind::UntrustedCertificate: return QStringLiteral("UntrustedCertificate");
    case HubError::Kind::ProtocolError: return QStringLiteral("ProtocolError");
    case HubError::Kind::SessionExpired: return QStringLiteral("SessionExpired");
    case HubError::Kind::NotFound: return QStringLiteral("NotFound");
    case HubError::Kind::ServerError: return QStringLiteral("ServerError");
    }
    return QStringLiteral("Unknown");
}
