#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

/// The viewer's only disk cache, for the length of one login: fetched documents (and other
/// records the viewer may want again) written AES-256-GCM encrypted into a private temporary
/// folder. The 256-bit key is random, made by open(), and held only in this object's memory,
/// so the files are unreadable once the session ends. Each entry has its own random 96-bit
/// nonce; the entry's key is the additional authenticated data, so a file renamed to another
/// entry's name fails its tag check. File names are HMAC-SHA256 of the entry key under a
/// second session key: they say nothing about the patient or the record. wipe() (also run by
/// the destructor) removes the files and the folder and zeroes both keys with OPENSSL_cleanse.
class EncryptedCache
{
public:
    EncryptedCache();
    ~EncryptedCache();
    EncryptedCache(const EncryptedCache &) = delete;
    EncryptedCache &operator=(const EncryptedCache &) = delete;

    /// Makes the keys and the folder (mode 0700) below \a parentDirectory, or the system's
    /// temporary folder when empty. A cache already open is wiped first.
    bool open(QString *error, const QString &parentDirectory = {});
    bool isOpen() const { return m_open; }
    QString directory() const { return m_directory; }

    /// Encrypts \a plaintext under \a key, replacing any entry of that key.
    bool put(const QString &key, const QByteArray &plaintext, QString *error);
    /// The entry's plaintext; nullopt with *error when there is none ("not cached") or when it
    /// fails authentication (changed, truncated, or another entry's file).
    std::optional<QByteArray> get(const QString &key, QString *error) const;
    bool contains(const QString &key) const;
    /// Removes every file and the folder, zeroes the keys; the cache is closed afterwards.
    void wipe();

    /// The file name (hex HMAC) of \a key; empty when closed.
    QString fileNameOf(const QString &key) const;

    /// AES-256-GCM with a 16-byte tag: the primitive, public for the NIST test vectors.
    struct Sealed
    {
        QByteArray ciphertext;
        QByteArray tag;
    };
    static std::optional<Sealed> seal(const QByteArray &key, const QByteArray &nonce, const QByteArray &plaintext,
                                      const QByteArray &aad, QString *error);
    static std::optional<QByteArray> unseal(const QByteArray &key, const QByteArray &nonce, const QByteArray &ciphertext,
                                            const QByteArray &aad, const QByteArray &tag, QString *error);

    static constexpr int kKeySize = 32;
    static constexpr int kNonceSize = 12;
    static constexpr int kTagSize = 16;

private:
    QString pathOf(const QString &key) const;

    std::array<unsigned char, kKeySize> m_key{};
    std::array<unsigned char, kKeySize> m_nameKey{};
    QString m_directory;
    bool m_open = false;
};
