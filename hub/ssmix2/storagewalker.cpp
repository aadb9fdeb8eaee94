#include "storagewalker.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace Ssmix2 {

namespace {

QString misplacement(const QStringList &folders, const StorageFileName &name)
{
    QStringList problems;
    const QStringList expected = expectedFolder(name).split(QLatin1Char('/'));
    static const char *const what[] = {"patient ID prefix", "patient ID middle", "patient ID",
                                       "care date", "data type"};
    for (int i = 0; i < 5; ++i) {
        if (folders.at(i) != expected.at(i))
            problems << QStringLiteral("%1 '%2' in the file name, '%3' in the folder")
                            .arg(QLatin1String(what[i]), expected.at(i), folders.at(i));
    }
    if (problems.isEmpty())
        return {};
    return QStringLiteral("file in the wrong folder (expected %1/): %2")
        .arg(expectedFolder(name), problems.join(QStringLiteral("; ")));
}

} // namespace

StorageWalk walkStorage(const QString &root)
{
    StorageWalk walk;
    // Absolute, so that relativeFilePath() below gives ID/…/file also for a root such as "../x".
    const QDir rootDir(QFileInfo(root).absoluteFilePath());
    QDirIterator it(rootDir.path(), QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    std::sort(paths.begin(), paths.end());

    for (const QString &path : paths) {
        const QString relative = rootDir.relativeFilePath(path);
        const QStringList parts = relative.split(QLatin1Char('/'));
        if (parts.size() == 1)
            continue;
        if (parts.size() != 6) {
            walk.refused << RefusedFile{path, QStringLiteral("not at ROOT/ID[0:3]/ID[3:6]/ID/careDate/dataType/file")};
            continue;
        }
        const auto name = StorageFileName::parse(parts.last());
        if (!name) {
            walk.refused << RefusedFile{path, name.error()};
            continue;
        }
        if (const QString problem = misplacement(parts.mid(0, 5), *name); !problem.isEmpty()) {
            walk.refused << RefusedFile{path, problem};
            continue;
        }
        walk.files << StorageFile{path, relative, *name};
    }
    return walk;
}

} // namespace Ssmix2
