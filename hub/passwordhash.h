#pragma once

#include <QByteArray>
#include <QString>

/// Password storage: PBKDF2-HMAC-SHA256 with a random salt, kept as a self-describing string
/// `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>` so the cost can be raised later
/// without invalidating stored hashes.
namespace PasswordHash {

/// OWASP's 2023 floor for PBKDF2-HMAC-SHA256, also what the MHLW guideline's references cite.
constexpr int kDefaultIterations = 600'000;
constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;

/// Raw PBKDF2-HMAC-SHA256; empty on failure (e.g. iterations < 1).
QByteArray pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations,
                        int length);

/// A stored-format hash of \a password with a fresh salt; empty if the RNG fails.
QString hash(const QString &password, int iterations = kDefaultIterations);

/// Constant-time comparison against a stored-format hash; false for malformed \a stored.
bool verify(const QString &password, const QString &stored);

/// A well-formed stored hash that matches no password, for spending the same time on an
/// unknown login ID as on a known one.
QString dummyHash(int iterations = kDefaultIterations);

} // namespace PasswordHash
