#include "seriesloader.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace Dicom {

SeriesLoader::SeriesLoader(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<SeriesImage>::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(value, m_watcher.progressMaximum()); });
    connect(&m_watcher, &QFutureWatcher<SeriesImage>::finished, this, &SeriesLoader::onFinished);
    connect(&m_watcher, &QFutureWatcher<SeriesImage>::resultReadyAt, this, [this](int index) {
        if (m_previewSent)
            return;
        const SeriesImage image = m_watcher.resultAt(index);
        if (!image.file)
            return;
        m_previewSent = true;
        const QList<Series> preview = group({image});
        Q_EMIT firstImageRead(preview.first());
    });
}

SeriesLoader::~SeriesLoader()
{
    cancel();
}

void SeriesLoader::load(const QStringList &paths)
{
    cancel();
    // Listing a CD can take a moment too, but it is cheap next to parsing; keep it simple.
    m_paths = expand(paths);
    m_previewSent = false;
    m_watcher.setFuture(QtConcurrent::mapped(m_paths, &SeriesLoader::readImage));
}

void SeriesLoader::cancel()
{
    if (!m_watcher.isRunning())
        return;
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

bool SeriesLoader::isRunning() const
{
    return m_watcher.isRunning();
}

void SeriesLoader::onFinished()
{
    if (m_watcher.isCanceled())
        return;
    Q_EMIT finished(group(m_watcher.future().results()));
}

QStringList SeriesLoader::expand(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                // DICOMDIR is an index, not an image; the images it names are in the folders.
                if (QFileInfo(file).fileName().compare(u"DICOMDIR", Qt::CaseInsensitive) != 0)
                    files.append(file);
            }
        } else if (info.isFile()) {
            files.append(path);
        }
    }
    files.sort();
    files.removeDuplicates();
    return files;
}

SeriesImage SeriesLoader::readImage(const QString &path)
{
    SeriesImage image;
    image.path = path;
    auto file = DicomFile::open(path);
    if (!file) {
        image.error = file.error();
        return image;
    }
    image.attributes = readImageAttributes(*file);
    if (const auto info = file->imageInfo(); info && info->numberOfFrames > 1)
        image.frameCount = info->numberOfFrames;
    image.file = *file;
    return image;
}

QList<Series> SeriesLoader::group(QList<SeriesImage> images)
{
    QList<Series> result;
    QHash<QString, qsizetype> indexOf;
    Series failures;
    for (SeriesImage &image : images) {
        if (!image.file) {
            failures.images.append(std::move(image));
            continue;
        }
        const ImageAttributes &a = image.attributes;
        // Files without a series UID still belong together per study (or per file).
        const QString key = a.studyInstanceUid + u'|'
            + (a.seriesInstanceUid.isEmpty() ? image.path : a.seriesInstanceUid);
        auto it = indexOf.constFind(key);
        if (it == indexOf.constEnd()) {
            Series s;
            s.studyInstanceUid = a.studyInstanceUid;
            s.seriesInstanceUid = a.seriesInstanceUid;
            s.description = a.seriesDescription.isEmpty()
                ? QStringList{a.modality, a.seriesNumber}.join(u' ').trimmed()
                : a.seriesDescription;
            it = indexOf.insert(key, result.size());
            result.append(s);
        }
        result[*it].images.append(std::move(image));
    }
    for (Series &s : result) {
        std::stable_sort(s.images.begin(), s.images.end(),
                         [](const SeriesImage &l, const SeriesImage &r) {
                             const auto lp = l.attributes.slicePosition();
                             const auto rp = r.attributes.slicePosition();
                             if (lp && rp && qAbs(*lp - *rp) > 1e-3)
                                 return *lp < *rp;
                             const int li = l.attributes.instanceNumber.value_or(0);
                             const int ri = r.attributes.instanceNumber.value_or(0);
                             return li < ri;
                         });
    }
    // Studies in the order their first file came (paths are sorted, so a CD reads as
    // written); series of one study together.
    QHash<QString, int> studyOrder;
    for (const Series &s : std::as_const(result)) {
        if (!studyOrder.contains(s.studyInstanceUid))
            studyOrder.insert(s.studyInstanceUid, int(studyOrder.size()));
    }
    std::stable_sort(result.begin(), result.end(), [&](const Series &l, const Series &r) {
        return studyOrder.value(l.studyInstanceUid) < studyOrder.value(r.studyInstanceUid);
    });
    if (!failures.images.isEmpty()) {
        // No description: the viewer titles the failures itself, translated.
        result.append(failures);
    }
    return result;
}

} // namespace Dicom
