#pragma once

#include "seriesloader.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

class ImageViewport;
class QLabel;
class QListWidget;
class QProgressBar;
class QSpinBox;
class QToolButton;

/// The image viewer page: the loaded series as thumbnails on the left, one or two
/// viewports, a tool bar (tools, layout, cine) and the loading progress. Files are read by
/// Dicom::SeriesLoader on the thread pool; the page stays usable while they load.
class ImageViewerWindow : public QWidget
{
    Q_OBJECT

public:
    explicit ImageViewerWindow(QWidget *parent = nullptr);
    ~ImageViewerWindow() override;

    /// Reads @p paths (files and/or folders) and shows the first series when done.
    void openPaths(const QStringList &paths);
    /// Shows already loaded series (also what openPaths() ends in).
    void setSeries(const QList<Dicom::Series> &series);

    const QList<Dicom::Series> &series() const { return m_series; }
    ImageViewport *viewport(int index = 0) const;
    ImageViewport *activeViewport() const { return m_active; }
    /// 1 or 2 viewports side by side.
    void setViewportCount(int count);
    int viewportCount() const;
    void showSeries(int index);

Q_SIGNALS:
    void loaded(); ///< the series of the last openPaths() are shown
    void closeRequested();

private:
    void onLoaded(const QList<Dicom::Series> &series);
    void onProgress(int done, int total);
    void makeThumbnails();
    void setActive(ImageViewport *viewport);
    void updateCineControls();
    QWidget *createToolBar();

    Dicom::SeriesLoader *m_loader = nullptr;
    QList<Dicom::Series> m_series;
    QListWidget *m_seriesList = nullptr;
    QList<ImageViewport *> m_viewports;
    ImageViewport *m_active = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_playButton = nullptr;
    QToolButton *m_layoutButton = nullptr;
    QSpinBox *m_fps = nullptr;
    QFutureWatcher<QList<QImage>> m_thumbnails;
};
