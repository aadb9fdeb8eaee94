#pragma once

#include <QCoreApplication>

/// Translation context of the printed referral packet's texts (headings, labels, footer).
/// The source texts are English; the Japanese ones come from translations/.
struct ReferralTr
{
    Q_DECLARE_TR_FUNCTIONS(ReferralPacket)
};
