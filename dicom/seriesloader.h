#pragma once

#include "dicomfile.h"
#include "imageattributes.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace Dicom {

/// One file of a series: its parsed dataset, or why it could not be read (kept in the
/// series so a viewer can say so in place instead of silently dropping the slice).
struct SeriesImage
{
    QString path;
    std::optional<DicomFile> file;
    ImageAttributes attributes;
    QString error;
    int frameCount = 1; ///< frames of a multi-frame object; 1 for a single image or a failure
};

/// Images sharing a Series Instance UID, in display order.
struct Series
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString description; ///< series description, else modality and series number
    QList<SeriesImage> images;
};

/// Reads files and folders on the global thread pool, groups the images by study and
/// series and sorts each series along the slice normal (Instance Number when positions
/// are missing or equal). Unreadable files form their own series of failures.
class SeriesLoader : public QObject
{
    Q_OBJECT

public:
    explicit SeriesLoader(QObject *parent = nullptr);
    ~SeriesLoader() override;

    /// Starts reading @p paths (files, or folders searched recursively). A load already
    /// under way is cancelled.
    void load(const QStringList &paths);
    void cancel();
    bool isRunning() const;

    /// Groups and sorts parsed images (what load() does once every file is read).
    static QList<Series> group(QList<SeriesImage> images);
    /// Reads one file on the calling thread.
    static SeriesImage readImage(const QString &path);
    /// Every file below @p paths (folders recursively), DICOMDIR excluded, sorted by path.
    static QStringList expand(const QStringList &paths);

Q_SIGNALS:
    void progress(int done, int total);
    /// The first readable image, as a one-image series, before the rest are read: a viewer
    /// shows it at once instead of a blank screen while a CD is read.
    void firstImageRead(const Dicom::Series &preview);
    void finished(const QList<Dicom::Series> &series);

private:
    void onFinished();

    QFutureWatcher<SeriesImage> m_watcher;
    QStringList m_paths;
    bool m_previewSent = false;
};

} // namespace Dicom
