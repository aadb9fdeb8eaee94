#include "commands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("renkei-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RENKEI_VERSION));
    return runCommandLine(QCoreApplication::arguments().mid(1));
}
