// renkei: the desktop viewer. Parses options, sets up language and fonts, then hands over to
// ViewerFlow (login dialog -> main window). Everything else lives in the libraries.

#include "brand.h"
#include "hubaddress.h"
#include "hubsession.h"
#include "mainwindow.h"
#include "viewerflow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstdio>

namespace {

QString chooseLanguage(const QString &option)
{
    if (option == QLatin1String("en") || option == QLatin1String("ja"))
        return option;
    // Japanese is the product's language; English only for an English system.
    return QLocale::system().language() == QLocale::English ? QStringLiteral("en")
                                                            : QStringLiteral("ja");
}

void installTranslations(QApplication &app, const QString &language)
{
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/renkei_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    if (language == QLatin1String("ja")) {
        auto *qt = new QTranslator(&app);
        if (qt->load(QStringLiteral("qtbase_ja"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
    }
    QLocale::setDefault(QLocale(language == QLatin1String("ja") ? QLocale::Japanese
                                                                : QLocale::English));
}

void preferJapaneseFont(QApplication &app)
{
    // Han characters shared with Chinese must use Japanese glyph forms (e.g. 直, 骨).
    const QString family = QStringLiteral("Noto Sans CJK JP");
    if (!QFontDatabase::families().contains(family))
        return;
    QFont font = app.font();
    font.setFamilies({family, font.family()});
    app.setFont(font);
}

void printError(const QString &text)
{
    std::fprintf(stderr, "renkei: %s\n", qPrintable(text));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Renkei"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("renkei.example"));
    QCoreApplication::setApplicationName(QStringLiteral("renkei"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RENKEI_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Renkei clinical record viewer"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption networkOption(QStringLiteral("network"),
                                           QStringLiteral("Hub address to prefill (https://…)."),
                                           QStringLiteral("URL"));
    const QCommandLineOption caOption(QStringLiteral("ca"),
                                      QStringLiteral("PEM file of CA certificates to trust in "
                                                     "addition to the system CAs."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption userOption(QStringLiteral("user"),
                                        QStringLiteral("User ID to prefill."),
                                        QStringLiteral("ID"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("User interface language: ja or en."),
                                        QStringLiteral("ja|en"));
    const QCommandLineOption idleLockOption(
        QStringLiteral("idle-lock"),
        QStringLiteral("Minutes without input before the viewer locks itself (default 15; "
                       "0 never locks). Also settable as session/idleLockMinutes."),
        QStringLiteral("MINUTES"));
    parser.addOptions({networkOption, caOption, userOption, langOption, idleLockOption});
    parser.process(app);

    const QString langValue = parser.value(langOption);
    if (parser.isSet(langOption) && langValue != QLatin1String("ja")
        && langValue != QLatin1String("en")) {
        printError(QStringLiteral("--lang must be ja or en, not '%1'").arg(langValue));
        return 2;
    }
    installTranslations(app, chooseLanguage(langValue));
    preferJapaneseFont(app);
    QApplication::setWindowIcon(Brand::appIcon());

    HubSession session;
    if (parser.isSet(caOption)) {
        QString error;
        if (!session.setCaCertificatesFile(parser.value(caOption), &error)) {
            printError(error);
            return 2;
        }
    }
    if (parser.isSet(networkOption)) {
        QString error;
        const std::optional<QUrl> url = parseHubAddress(parser.value(networkOption), &error);
        if (!url) {
            printError(error);
            return 2;
        }
        session.setNetworkUrl(*url);
    }

    const QString idleLock = parser.isSet(idleLockOption)
        ? parser.value(idleLockOption)
        : QSettings().value(QStringLiteral("session/idleLockMinutes")).toString();
    bool idleLockValid = true;
    const int idleLockMinutes = idleLock.isEmpty() ? int(MainWindow::kDefaultIdleLock.count())
                                                   : idleLock.toInt(&idleLockValid);
    if (!idleLockValid || idleLockMinutes < 0) {
        printError(QStringLiteral("--idle-lock must be a number of minutes, not '%1'").arg(idleLock));
        return 2;
    }

    ViewerFlow flow(&session);
    flow.setInitialUserId(parser.value(userOption));
    flow.setIdleLockTimeout(std::chrono::minutes(idleLockMinutes));
    QObject::connect(&flow, &ViewerFlow::finished, &app, &QCoreApplication::quit);
    flow.start();
    return app.exec();
}
