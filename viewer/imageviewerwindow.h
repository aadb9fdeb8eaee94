#pragma once

#include "seriesloader.h"
#include "viewportgrid.h"

#include <QFutureWatcher>
#include <QImage>
#include <QPointer>
#include <QWidget>

class EcgView;
class ImageViewport;
class KeyImages;
class QActionGroup;
class QLabel;
class PdfView;
class QProgressBar;
class QSpinBox;
class QStackedWidget;
class QToolButton;
class StudyBrowser;
class TagBrowser;
class QPushButton;
namespace Dicom {
class StudyFetch;
}

/// The image viewer page: the loaded studies and series with thumbnails on the left, one,
/// two or four viewports, a tool bar (tools, layout, comparison, key images, tags, cine) and
/// the loading progress. Files are read by Dicom::SeriesLoader on the thread pool; the page
/// stays usable while they load.
class ImageViewerWindow : public QWidget
{
    Q_OBJECT

public:
    explicit ImageViewerWindow(QWidget *parent = nullptr);
    ~ImageViewerWindow() override;

    /// Reads @p paths (files and/or folders) and shows the first series when done.
    void openPaths(const QStringList &paths);
    /// Reads the files a DICOMDIR lists (off the GUI thread), then opens them as openPaths().
    void openDicomDir(const QString &path);
    /// Shows what @p fetch (a study from the hub) loads: progress, the first image at once, the
    /// study when complete; on a lost connection the images that arrived, a message and a
    /// Retry button (objectName "retryLoadButton") that fetches only the rest. The caller
    /// owns and starts the fetch.
    void openStudyFetch(Dicom::StudyFetch *fetch);
    /// What Retry does: loading shown again and the fetch asked for what is missing. Also
    /// called by whoever gave the fetch a new token after a refused one (no Retry button is
    /// offered then: only a new login helps).
    void retryStudyFetch();
    /// The ECG and PDF pages shown instead of the viewports for waveform and encapsulated PDF
    /// objects.
    EcgView *ecgView() const { return m_ecgView; }
    PdfView *pdfView() const { return m_pdfView; }
    /// Shows already loaded series (also what openPaths() ends in).
    void setSeries(const QList<Dicom::Series> &series);

    const QList<Dicom::Series> &series() const { return m_series; }
    ImageViewport *viewport(int index = 0) const;
    ImageViewport *activeViewport() const;
    /// 1, 2 (side by side) or 4 (2×2) viewports.
    void setViewportCount(int count);
    int viewportCount() const;
    void setArrangement(ViewportGrid::Arrangement arrangement);
    ViewportGrid *viewportGrid() const { return m_grid; }
    void showSeries(int index);

    /// Study @p studyA in the left column, @p studyB in the right (indexes into the study
    /// browser's studies()); matching series side by side.
    void compareStudies(int studyA, int studyB);
    /// Compares the active viewport's study with its prior (the latest older study).
    void compareWithPrior();

    /// The key images marked in this viewer (for the referral packet). The viewer has its
    /// own list until setKeyImages() gives it one that lives longer (e.g. per patient, owned
    /// by whoever builds the packet; clear it when the patient changes).
    KeyImages *keyImages() const { return m_keyImages; }
    void setKeyImages(KeyImages *keyImages);
    /// Opens the tag browser on the active viewport's current image.
    void showTags();
    TagBrowser *tagBrowser() const { return m_tagBrowser; }

Q_SIGNALS:
    void loaded(); ///< the series of the last openPaths() are shown
    void closeRequested();

private:
    void onLoaded(const QList<Dicom::Series> &series);
    void onProgress(int done, int total);
    void makeThumbnails();
    void onActiveChanged(ImageViewport *viewport);
    void fillEmptyViewports();
    int seriesIndexOf(const ImageViewport *viewport) const;
    void updateCineControls();
    QWidget *createToolBar();
    void addShortcuts();
    /// Shows @p series on the ECG or PDF page if it is such an object; false for images.
    bool showNonImageObject(const Dicom::Series &series);
    void chooseFolder();
    void chooseDicomDir();

    Dicom::SeriesLoader *m_loader = nullptr;
    QList<Dicom::Series> m_series;
    StudyBrowser *m_browser = nullptr;
    ViewportGrid *m_grid = nullptr;
    KeyImages *m_keyImages = nullptr;
    KeyImages *m_ownKeyImages = nullptr;
    TagBrowser *m_tagBrowser = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_playButton = nullptr;
    QToolButton *m_syncButton = nullptr;
    QToolButton *m_keyButton = nullptr;
    QActionGroup *m_tools = nullptr;
    QActionGroup *m_layouts = nullptr;
    QSpinBox *m_fps = nullptr;
    QPointer<Dicom::StudyFetch> m_fetch; ///< openStudyFetch()'s, until other images are opened
    QPushButton *m_retryButton = nullptr;
    QFutureWatcher<QList<QImage>> m_thumbnails;
    QStackedWidget *m_centre = nullptr; ///< the viewports, or the ECG / PDF page
    EcgView *m_ecgView = nullptr;
    PdfView *m_pdfView = nullptr;
};
