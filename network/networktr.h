#pragma once

#include <QCoreApplication>

namespace RenkeiNetworkPrivate {
/// Translation context for texts produced outside QObject subclasses in RenkeiNetwork.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Renkei)
};
} // namespace RenkeiNetworkPrivate
