#include "hubaddress.h"

#include <QCoreApplication>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Renkei)
};
} // namespace

std::optional<QUrl> parseHubAddress(const QString &text, QString *error)
{
    QString address = text.trimmed();
    if (address.isEmpty()) {
        if (error)
            *error = Tr::tr("Enter the hub address (for example https://hub.example.jp).");
        return std::nullopt;
    }
    if (!address.contains(QLatin1String("://")))
        address.prepend(QLatin1String("https://"));
    const QUrl url(address, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty()) {
        if (error)
            *error = Tr::tr("The hub address is not valid. Please check it.");
        return std::nullopt;
    }
    if (url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0) {
        if (error)
            *error = Tr::tr("The hub address must start with https:// (encrypted connection).");
        return std::nullopt;
    }
    return url;
}
