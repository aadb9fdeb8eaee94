#include "storagewalker.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

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

// Standard storage data types are HL7 message kinds such as ADT-00, OMP-01 or OMD; any
// other folder name is a document type of the extended storage.
bool isStandardDataType(const QString &folder)
{
    static const QRegularExpression standard(QStringLiteral("^[A-Z]{3}(-\\d{2})?$"));
    return standard.match(folder).hasMatch();
}

/// An extended-storage document at \a parts (ID[0:3], ID[3:6], ID, careDate, folder, file).
Result<StorageFileName> documentName(const QStringList &parts)
{
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9.-]+$"));
    static const QRegularExpression date(QStringLiteral("^(-|\\d{8})$"));
    static const QStringList extensions{QStringLiteral("xml"), QStringLiteral("pdf"), QStringLiteral("txt")};
    const QString patient = parts.at(2);
    const QString file = parts.at(5);
    if (!extensions.contains(QFileInfo(file).suffix().toLower()))
        return Failure{QStringLiteral("extended storage file is not CDA R2 XML, PDF or text (.xml, .pdf, .txt)")};
    if (!id.match(patient).hasMatch() || parts.at(0) != patient.left(3) || parts.at(1) != patient.mid(3, 3))
        return Failure{QStringLiteral("extended storage file not under ID[0:3]/ID[3:6]/ID")};
    if (!date.match(parts.at(3)).hasMatch())
        return Failure{QStringLiteral("extended storage file under an invalid care date folder '%1'").arg(parts.at(3))};
    const auto standard = StorageFileName::parse(QFileInfo(file).completeBaseName());
    if (standard && standard->patientId == patient && standard->careDate == parts.at(3)
        && standard->dataType == parts.at(4))
        return *standard;
    StorageFileName name;
    name.patientId = patient;
    name.careDate = parts.at(3);
    name.dataType = parts.at(4);
    name.orderNo = file; // with its extension: report.pdf and report.xml are two documents
    name.timestamp = QStringLiteral("0");
    return name;
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
        if (!isStandardDataType(parts.at(4))) {
            const auto document = documentName(parts);
            if (!document)
                walk.refused << RefusedFile{path, document.error()};
            else
                walk.files << StorageFile{path, relative, *document, true};
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
