#pragma once

#include "result.h"

#include <QString>

/// The demo network's own PKI, made with the OpenSSL 3 API: a CA and a server certificate for
/// this machine (localhost, 127.0.0.1, ::1), both EC P-256 / SHA-256. Writes ca.pem, ca.key,
/// server.pem and server.key into \a directory; the keys are readable by the owner only.
Status createDemoCertificates(const QString &directory);
