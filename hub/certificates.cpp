#include "certificates.h"

#include <QDir>
#include <QFile>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <functional>
#include <memory>

namespace {

constexpr long kCaValidityDays = 3650;
// Long enough for a demo to keep working, inside the 825-day limit some clients enforce.
constexpr long kServerValidityDays = 825;

template <typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME, X509_NAME_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

QString openSslError(const QString &what)
{
    const unsigned long code = ERR_get_error();
    char buffer[256] = {};
    if (code != 0)
        ERR_error_string_n(code, buffer, sizeof buffer);
    ERR_clear_error();
    return code ? QStringLiteral("%1: %2").arg(what, QString::fromLatin1(buffer)) : what;
}

KeyPtr generateKey()
{
    return KeyPtr(EVP_EC_gen("P-256"));
}

NamePtr makeName(const char *commonName)
{
    NamePtr name(X509_NAME_new());
    auto add = [&](const char *field, const char *value) {
        return X509_NAME_add_entry_by_txt(name.get(), field, MBSTRING_UTF8,
                                          reinterpret_cast<const unsigned char *>(value), -1, -1, 0) == 1;
    };
    if (!name || !add("C", "JP") || !add("O", "Renkei Demo Network") || !add("CN", commonName))
        return nullptr;
    return name;
}

bool addExtension(X509 *certificate, X509V3_CTX *context, int nid, const char *value)
{
    ExtPtr extension(X509V3_EXT_nconf_nid(nullptr, context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

// A random positive 127-bit serial: unique without bookkeeping (RFC 5280 allows up to 20 octets).
bool setRandomSerial(X509 *certificate)
{
    BnPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        return false;
    return BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr;
}

struct Extension
{
    int nid;
    const char *value;
};

Result<CertPtr> makeCertificate(EVP_PKEY *subjectKey, const char *commonName, long days,
                                X509 *issuer, EVP_PKEY *issuerKey,
                                std::initializer_list<Extension> extensions)
{
    CertPtr certificate(X509_new());
    NamePtr subject = makeName(commonName);
    if (!certificate || !subject)
        return Failure{openSslError(QStringLiteral("cannot build a certificate"))};

    X509 *self = certificate.get();
    X509 *signer = issuer ? issuer : self;
    if (X509_set_version(self, X509_VERSION_3) != 1 || !setRandomSerial(self)
        || X509_set_subject_name(self, subject.get()) != 1
        || X509_set_issuer_name(self, X509_get_subject_name(signer)) != 1
        || !X509_gmtime_adj(X509_getm_notBefore(self), -60 * 60) // tolerate small clock skew
        || !X509_gmtime_adj(X509_getm_notAfter(self), days * 24 * 60 * 60)
        || X509_set_pubkey(self, subjectKey) != 1)
        return Failure{openSslError(QStringLiteral("cannot fill in the certificate"))};

    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, signer, self, nullptr, nullptr, 0);
    for (const Extension &extension : extensions) {
        if (!addExtension(self, &context, extension.nid, extension.value))
            return Failure{openSslError(QStringLiteral("cannot add extension %1")
                                            .arg(QString::fromLatin1(OBJ_nid2sn(extension.nid))))};
    }
    if (X509_sign(self, issuerKey, EVP_sha256()) == 0)
        return Failure{openSslError(QStringLiteral("cannot sign the certificate"))};
    return certificate;
}

Status writePem(const QString &path, bool secret, const std::function<int(BIO *)> &write)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return Failure{openSslError(QStringLiteral("cannot encode %1").arg(path))};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);

    QFile::remove(path);
    QFile file(path);
    const QFileDevice::Permissions permissions = secret
        ? (QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        : (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
           | QFileDevice::ReadOther);
    // The permissions apply at creation, so a private key is never readable by others.
    if (!file.open(QIODevice::WriteOnly, permissions)
        || file.write(data, size) != size || !file.flush())
        return Failure{QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return success();
}

} // namespace

Status createDemoCertificates(const QString &directory)
{
    const QDir dir(directory);
    KeyPtr caKey = generateKey();
    KeyPtr serverKey = generateKey();
    if (!caKey || !serverKey)
        return Failure{openSslError(QStringLiteral("cannot generate an EC P-256 key"))};

    auto ca = makeCertificate(caKey.get(), "Renkei Demo CA", kCaValidityDays, nullptr, caKey.get(),
                              {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                               {NID_key_usage, "critical,keyCertSign,cRLSign"},
                               {NID_subject_key_identifier, "hash"}});
    if (!ca)
        return Failure{ca.error()};

    auto server = makeCertificate(serverKey.get(), "localhost", kServerValidityDays, ca->get(),
                                  caKey.get(),
                                  {{NID_basic_constraints, "critical,CA:FALSE"},
                                   {NID_key_usage, "critical,digitalSignature"},
                                   {NID_ext_key_usage, "serverAuth"},
                                   {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"},
                                   {NID_subject_key_identifier, "hash"},
                                   {NID_authority_key_identifier, "keyid:always"}});
    if (!server)
        return Failure{server.error()};

    X509 *caCert = ca->get();
    X509 *serverCert = server->get();
    EVP_PKEY *caPrivate = caKey.get();
    EVP_PKEY *serverPrivate = serverKey.get();
    const auto writeKey = [](EVP_PKEY *key) {
        return [key](BIO *bio) {
            return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        };
    };
    for (const Status &written : {
             writePem(dir.filePath(QStringLiteral("ca.key")), true, writeKey(caPrivate)),
             writePem(dir.filePath(QStringLiteral("server.key")), true, writeKey(serverPrivate)),
             writePem(dir.filePath(QStringLiteral("ca.pem")), false,
                      [caCert](BIO *bio) { return PEM_write_bio_X509(bio, caCert); }),
             writePem(dir.filePath(QStringLiteral("server.pem")), false,
                      [serverCert](BIO *bio) { return PEM_write_bio_X509(bio, serverCert); }),
         }) {
        if (!written)
            return written;
    }
    return success();
}
