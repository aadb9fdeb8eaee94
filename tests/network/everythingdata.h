#pragma once

// The $everything pages under data/everything/, written from the SS-MIX2 mapping's output.

#include "clinicalrecord.h"

#include <QFile>

namespace EverythingData {

inline QByteArray read(const QString &name)
{
    QFile file(QStringLiteral(RENKEI_SOURCE_DIR "/tests/network/data/everything/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline QList<ClinicalRecord> page(const QString &name)
{
    EverythingPage page;
    QString error;
    if (!parseEverythingPage(read(name), &page, &error))
        qFatal("%s: %s", qPrintable(name), qPrintable(error));
    return page.records;
}

} // namespace EverythingData
