#include "encryptedcache.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QSaveFile>
#include <QTemporaryDir>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>

namespace {

/// "Renkei cache, version 1": lets a file from anywhere else fail early and clearly.
const QByteArray kMagic = QByteArrayLiteral("RKC1");

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext newContext()
{
    return CipherContext(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
}

const unsigned char *bytesOf(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

} // namespace

EncryptedCache::EncryptedCache() = default;

EncryptedCache::~EncryptedCache()
{
    wipe();
}

bool EncryptedCache::open(QString *error, const QString &parentDirectory)
{
    wipe();
    if (RAND_bytes(m_key.data(), kKeySize) != 1 || RAND_bytes(m_nameKey.data(), kKeySize) != 1) {
        *error = QStringLiteral("no random bytes for the cache key");
        wipe();
        return false;
    }
    const QString parent = parentDirectory.isEmpty() ? QDir::tempPath() : parentDirectory;
    // QTemporaryDir makes the folder with mode 0700; we remove it ourselves in wipe().
    QTemporaryDir dir(parent + QStringLiteral("/renkei-cache-XXXXXX"));
    if (!dir.isValid()) {
        *error = QStringLiteral("cannot create the cache folder: %1").arg(dir.errorString());
        wipe();
        return false;
    }
    dir.setAutoRemove(false);
    m_directory = dir.path();
    m_open = true;
    return true;
}

void EncryptedCache::wipe()
{
    if (!m_directory.isEmpty()) {
        QDir dir(m_directory);
        for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden | QDir::System))
            dir.remove(name);
        dir.removeRecursively();
        m_directory.clear();
    }
    OPENSSL_cleanse(m_key.data(), m_key.size());
    OPENSSL_cleanse(m_nameKey.data(), m_nameKey.size());
    m_open = false;
}

QString EncryptedCache::fileNameOf(const QString &key) const
{
    if (!m_open)
        return {};
    const QByteArray data = key.toUtf8();
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), m_nameKey.data(), kKeySize, bytesOf(data), size_t(data.size()), mac, &length))
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(mac), int(length)).toHex());
}

QString EncryptedCache::pathOf(const QString &key) const
{
    const QString name = fileNameOf(key);
    return name.isEmpty() ? QString() : m_directory + QLatin1Char('/') + name;
}

bool EncryptedCache::put(const QString &key, const QByteArray &plaintext, QString *error)
{
    if (!m_open) {
        *error = QStringLiteral("the cache is not open");
        return false;
    }
    QByteArray nonce(kNonceSize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(nonce.data()), kNonceSize) != 1) {
        *error = QStringLiteral("no random bytes for the nonce");
        return false;
    }
    const QByteArray cacheKey(reinterpret_cast<const char *>(m_key.data()), kKeySize);
    const std::optional<Sealed> sealed = seal(cacheKey, nonce, plaintext, key.toUtf8(), error);
    // The copy of the key above lives only for this call.
    OPENSSL_cleanse(const_cast<char *>(cacheKey.constData()), size_t(cacheKey.size()));
    if (!sealed)
        return false;
    QSaveFile file(pathOf(key));
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(kMagic + nonce + sealed->tag + sealed->ciphertext);
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool EncryptedCache::contains(const QString &key) const
{
    return m_open && QFile::exists(pathOf(key));
}

std::optional<QByteArray> EncryptedCache::get(const QString &key, QString *error) const
{
    if (!m_open) {
        *error = QStringLiteral("the cache is not open");
        return std::nullopt;
    }
    QFile file(pathOf(key));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("not cached");
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    const int header = int(kMagic.size()) + kNonceSize + kTagSize;
    if (data.size() < header || !data.startsWith(kMagic)) {
        *error = QStringLiteral("not a cache entry");
        return std::nullopt;
    }
    const QByteArray nonce = data.mid(kMagic.size(), kNonceSize);
    const QByteArray tag = data.mid(kMagic.size() + kNonceSize, kTagSize);
    const QByteArray cacheKey(reinterpret_cast<const char *>(m_key.data()), kKeySize);
    std::optional<QByteArray> plain = unseal(cacheKey, nonce, data.mid(header), key.toUtf8(), tag, error);
    OPENSSL_cleanse(const_cast<char *>(cacheKey.constData()), size_t(cacheKey.size()));
    return plain;
}

std::optional<EncryptedCache::Sealed> EncryptedCache::seal(const QByteArray &key, const QByteArray &nonce,
                                                           const QByteArray &plaintext, const QByteArray &aad,
                                                           QString *error)
{
    if (key.size() != kKeySize || nonce.size() != kNonceSize) {
        *error = QStringLiteral("AES-256-GCM needs a 32-byte key and a 12-byte nonce");
        return std::nullopt;
    }
    CipherContext ctx = newContext();
    Sealed out;
    out.ciphertext.resize(plaintext.size());
    out.tag.resize(kTagSize);
    int length = 0;
    int total = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1
        && EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytesOf(key), bytesOf(nonce)) == 1;
    if (ok && !aad.isEmpty())
        ok = EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytesOf(aad), int(aad.size())) == 1;
    if (ok && !plaintext.isEmpty()) {
        ok = EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.ciphertext.data()), &length,
                               bytesOf(plaintext), int(plaintext.size())) == 1;
        total = length;
    }
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.ciphertext.data()) + total, &length) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, out.tag.data()) == 1;
    if (!ok) {
        *error = QStringLiteral("AES-256-GCM encryption failed");
        return std::nullopt;
    }
    return out;
}

std::optional<QByteArray> EncryptedCache::unseal(const QByteArray &key, const QByteArray &nonce,
                                               const QByteArray &ciphertext, const QByteArray &aad,
                                               const QByteArray &tag, QString *error)
{
    if (key.size() != kKeySize || nonce.size() != kNonceSize || tag.size() != kTagSize) {
        *error = QStringLiteral("AES-256-GCM needs a 32-byte key, a 12-byte nonce and a 16-byte tag");
        return std::nullopt;
    }
    CipherContext ctx = newContext();
    QByteArray plain(ciphertext.size(), Qt::Uninitialized);
    int length = 0;
    int total = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1
        && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytesOf(key), bytesOf(nonce)) == 1;
    if (ok && !aad.isEmpty())
        ok = EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytesOf(aad), int(aad.size())) == 1;
    if (ok && !ciphertext.isEmpty()) {
        ok = EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &length,
                               bytesOf(ciphertext), int(ciphertext.size())) == 1;
        total = length;
    }
    QByteArray tagCopy = tag; // the ctrl call takes a non-const pointer
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tagCopy.data()) == 1;
    // The final step checks the tag: nothing decrypted is returned unless it matches.
    if (!ok || EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + total, &length) != 1) {
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        *error = QStringLiteral("the cache entry failed authentication (changed or damaged)");
        return std::nullopt;
    }
    return plain;
}
