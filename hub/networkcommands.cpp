// `demo` (create a demo network) and `serve` (run the HTTPS server).
#include "commandsupport.h"
#include "demonetwork.h"
#include "hubserver.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>

#include <csignal>

namespace {

struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;
};

// HOST:PORT with HOST an IP literal, "localhost", or [IPv6].
std::optional<ListenAddress> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    bool numeric = false;
    const uint port = text.mid(colon + 1).toUInt(&numeric);
    if (!numeric || port > 65535)
        return std::nullopt;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return std::nullopt;
    return ListenAddress{address, quint16(port)};
}

int demo(Invocation &in)
{
    const auto summary = DemoNetwork::create(in.dir, in.parser.isSet(QStringLiteral("force")));
    if (!summary)
        return in.fail(summary.error());
    const QDir dir(in.dir);
    in.out << QStringLiteral(
                  "renkei-hub: demo network created in %1\n"
                  "  facilities: hosp-shinshu 信州中央病院, hosp-matsumoto 松本市立総合病院, "
                  "clinic-azumino あずみの内科クリニック\n"
                  "  users:      demo-doctor, demo-nurse (clinic-azumino), hosp-staff (hosp-shinshu); "
                  "password %2\n"
                  "  patients:   %3 (e.g. p00001 山田 太郎); consents for clinic-azumino: %4 active, "
                  "%5 withdrawn\n"
                  "  records:    %7 patients with multi-year histories over both hospitals (%8 SS-MIX2 files in "
                  "demo-ssmix2/, %9 FHIR resources)\n"
                  "  TLS:        %6 (CA for the viewer), server.pem/server.key\n"
                  "  next:       renkei-hub serve --dir %1\n")
                  .arg(QDir::toNativeSeparators(dir.absolutePath()), DemoNetwork::kPassword)
                  .arg(summary->patients)
                  .arg(summary->activeConsents)
                  .arg(summary->withdrawnConsents)
                  .arg(QDir::toNativeSeparators(dir.absoluteFilePath(QStringLiteral("ca.pem"))))
                  .arg(summary->historyPatients)
                  .arg(summary->historyFiles)
                  .arg(summary->historyResources);
    return 0;
}

int serve(Invocation &in)
{
    const QString listenText = in.parser.isSet(QStringLiteral("listen"))
        ? in.parser.value(QStringLiteral("listen"))
        : QStringLiteral("127.0.0.1:8443");
    const auto listen = parseListen(listenText);
    if (!listen)
        return in.fail(QStringLiteral("invalid --listen '%1' (expected ADDRESS:PORT, e.g. 127.0.0.1:8443)")
                           .arg(listenText));

    auto store = in.openStore();
    if (!store)
        return 1;
    const QDir dir(in.dir);
    const auto tls = HubServer::tlsConfiguration(dir.filePath(QStringLiteral("server.pem")),
                                                 dir.filePath(QStringLiteral("server.key")));
    if (!tls)
        return in.fail(tls.error());

    HubServer server(*store, systemClock());
    const auto port = server.listen(listen->address, listen->port, *tls);
    if (!port)
        return in.fail(port.error());

    SignalWatcher watcher({SIGTERM, SIGINT});
    QObject::connect(&watcher, &SignalWatcher::received, qApp, [](int) { QCoreApplication::quit(); });

    const QString host = listen->address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(listen->address.toString())
        : listen->address.toString();
    // Scripts and tests wait for exactly this line.
    in.out << QStringLiteral("renkei-hub: listening on https://%1:%2/\n").arg(host).arg(*port);
    in.out.flush();

    const int status = QCoreApplication::exec();
    in.err << QStringLiteral("renkei-hub: stopped\n");
    return status;
}

} // namespace

QList<Command> networkCommands()
{
    return {
        {{QStringLiteral("demo")}, QStringLiteral("[--force]"),
         QStringLiteral("Creates a demo network (database, CA and server certificate) in DIR."),
         {QCommandLineOption(QStringLiteral("force"),
                             QStringLiteral("Replace an existing hub.sqlite in DIR."))},
         {}, {}, false, demo},
        {{QStringLiteral("serve")}, QStringLiteral("[--listen ADDRESS:PORT]"),
         QStringLiteral("Serves HTTPS (TLS 1.2+) until SIGTERM/SIGINT; port 0 picks a free port."),
         {QCommandLineOption(QStringLiteral("listen"),
                             QStringLiteral("Address and port (default 127.0.0.1:8443)."),
                             QStringLiteral("ADDRESS:PORT"))},
         {}, {}, false, serve},
    };
}
