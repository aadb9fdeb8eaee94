#include "passwordhash.h"

#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace PasswordHash {

namespace {
const QString kScheme = QStringLiteral("pbkdf2-sha256");
// Refuse absurd costs from a tampered row rather than hang the server on one login.
constexpr int kMaxIterations = 50'000'000;
} // namespace

QByteArray pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations,
                        int length)
{
    if (iterations < 1 || length < 1)
        return {};
    QByteArray out(length, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()),
                                     int(salt.size()), iterations, EVP_sha256(), length,
                                     reinterpret_cast<unsigned char *>(out.data()));
    return ok == 1 ? out : QByteArray();
}

QString hash(const QString &password, int iterations)
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), kSaltBytes) != 1)
        return {};
    const QByteArray derived = pbkdf2Sha256(password.toUtf8(), salt, iterations, kHashBytes);
    if (derived.isEmpty())
        return {};
    return QStringLiteral("%1$%2$%3$%4")
        .arg(kScheme)
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derived.toBase64()));
}

bool verify(const QString &password, const QString &stored)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts[0] != kScheme)
        return false;
    bool numeric = false;
    const int iterations = parts[1].toInt(&numeric);
    if (!numeric || iterations < 1 || iterations > kMaxIterations)
        return false;
    const auto salt = QByteArray::fromBase64Encoding(parts[2].toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    const auto expected = QByteArray::fromBase64Encoding(parts[3].toLatin1(),
                                                         QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !expected || expected.decoded.isEmpty())
        return false;
    const QByteArray derived = pbkdf2Sha256(password.toUtf8(), salt.decoded, iterations,
                                            int(expected.decoded.size()));
    if (derived.size() != expected.decoded.size())
        return false;
    // CRYPTO_memcmp: the time taken does not depend on where the first difference is.
    return CRYPTO_memcmp(derived.constData(), expected.decoded.constData(), size_t(derived.size())) == 0;
}

QString dummyHash(int iterations)
{
    // Salt and hash are fixed filler: the point is only to run PBKDF2 with the same cost.
    return QStringLiteral("%1$%2$%3$%4")
        .arg(kScheme)
        .arg(iterations)
        .arg(QString::fromLatin1(QByteArray(kSaltBytes, '\x5a').toBase64()),
             QString::fromLatin1(QByteArray(kHashBytes, '\0').toBase64()));
}

} // namespace PasswordHash
