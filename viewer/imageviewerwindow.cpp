#include "imageviewerwindow.h"

#include "dicomdir.h"
#include "ecgview.h"
#include "encapsulatedpdf.h"
#include "imageoverlay.h"
#include "imageviewport.h"
#include "keyimages.h"
#include "pdfview.h"
#include "render.h"
#include "studyfetch.h"
#include "studybrowser.h"
#include "tagbrowser.h"

#include <QAction>
#include <QActionGroup>
#include <QBoxLayout>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int kThumbnailSize = StudyBrowser::kThumbnailSize;

// Middle image of each series, decoded and rendered off the GUI thread.
QList<QImage> renderThumbnails(const QList<Dicom::Series> &series)
{
    QList<QImage> thumbs;
    for (const Dicom::Series &s : series) {
        QImage thumb;
        if (!s.images.isEmpty()) {
            const Dicom::SeriesImage &image = s.images[s.images.size() / 2];
            if (image.file) {
                const auto info = image.file->imageInfo();
                const auto frame = info ? image.file->frame(0) : Dicom::Result<Dicom::Frame>(
                                              Dicom::Error{info.error()});
                if (info && frame)
                    thumb = Dicom::render(*frame, *info).scaled(
                        kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio,
                        Qt::SmoothTransformation);
            }
        }
        thumbs.append(thumb);
    }
    return thumbs;
}

} // namespace

ImageViewerWindow::ImageViewerWindow(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("imageViewerWindow"));
    m_keyImages = m_ownKeyImages = new KeyImages(this);
    m_loader = new Dicom::SeriesLoader(this);
    connect(m_loader, &Dicom::SeriesLoader::progress, this, &ImageViewerWindow::onProgress);
    connect(m_loader, &Dicom::SeriesLoader::finished, this, &ImageViewerWindow::onLoaded);
    connect(m_loader, &Dicom::SeriesLoader::firstImageRead, this, [this](const Dicom::Series &s) {
        // Something to look at while the rest of a CD is read; replaced when all is read.
        m_grid->viewport(0)->setSeries(s);
    });

    m_browser = new StudyBrowser(this);
    m_browser->setMinimumWidth(220);
    m_browser->setMaximumWidth(320);
    connect(m_browser, &StudyBrowser::seriesChosen, this, &ImageViewerWindow::showSeries);
    connect(m_browser, &StudyBrowser::compareRequested, this, &ImageViewerWindow::compareStudies);

    m_grid = new ViewportGrid(this);
    for (ImageViewport *v : m_grid->viewports()) {
        v->setKeyImages(m_keyImages);
        connect(v, &ImageViewport::cinePlayingChanged, this,
                &ImageViewerWindow::updateCineControls);
        connect(v, &ImageViewport::currentSliceChanged, this, [this, v] {
            if (v == activeViewport())
                updateCineControls();
        });
        connect(v, &ImageViewport::keyImageToggled, this, &ImageViewerWindow::updateCineControls);
        connect(v, &ImageViewport::toolChanged, this, [this](ImageViewport::Tool tool) {
            // A tool chosen by key in one viewport is the tool of all, as on the tool bar.
            for (ImageViewport *other : m_grid->viewports())
                other->setTool(tool);
            for (QAction *a : m_tools->actions())
                a->setChecked(a->data().toInt() == int(tool));
        });
    }
    connect(m_grid, &ViewportGrid::activeViewportChanged, this, &ImageViewerWindow::onActiveChanged);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setMaximumWidth(240);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("imageStatus"));
    m_status->setTextFormat(Qt::PlainText); // file errors are data, never markup

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_browser);
    m_centre = new QStackedWidget(this);
    m_centre->addWidget(m_grid);
    m_ecgView = new EcgView(m_centre);
    m_centre->addWidget(m_ecgView);
    m_pdfView = new PdfView(m_centre);
    m_centre->addWidget(m_pdfView);
    splitter->addWidget(m_centre);
    splitter->setStretchFactor(1, 1);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    m_retryButton = new QPushButton(tr("Retry"), this);
    m_retryButton->setObjectName(QStringLiteral("retryLoadButton"));
    m_retryButton->setToolTip(tr("Load the images that did not arrive; those shown are kept"));
    m_retryButton->hide();
    connect(m_retryButton, &QPushButton::clicked, this, &ImageViewerWindow::retryStudyFetch);
    statusRow->addWidget(m_retryButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createToolBar());
    layout->addWidget(splitter, 1);
    layout->addLayout(statusRow);

    connect(&m_thumbnails, &QFutureWatcher<QList<QImage>>::finished, this, [this] {
        const QList<QImage> thumbs = m_thumbnails.result();
        for (int i = 0; i < thumbs.size(); ++i)
            m_browser->setThumbnail(i, thumbs[i]);
    });
    addShortcuts();
    updateCineControls();
}

ImageViewerWindow::~ImageViewerWindow()
{
    m_loader->cancel();
    m_thumbnails.waitForFinished();
}

QWidget *ImageViewerWindow::createToolBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    auto button = [&](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(bar);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(b);
        return b;
    };
    QToolButton *back = button(tr("Back"), QStringLiteral("imageBackButton"), tr("Close the image viewer"));
    connect(back, &QToolButton::clicked, this, &ImageViewerWindow::closeRequested);
    QToolButton *openFolder = button(tr("Open folder…"), QStringLiteral("openFolderButton"),
                                     tr("Open the DICOM files in a folder, e.g. a patient's CD"));
    connect(openFolder, &QToolButton::clicked, this, &ImageViewerWindow::chooseFolder);
    QToolButton *openDicomDir = button(tr("Open DICOMDIR…"), QStringLiteral("openDicomDirButton"),
                                       tr("Open the DICOMDIR of a CD or DVD (Ctrl+O)"));
    connect(openDicomDir, &QToolButton::clicked, this, &ImageViewerWindow::chooseDicomDir);
    row->addSpacing(10);

    m_tools = new QActionGroup(bar);
    const struct { QString text; QString tip; ImageViewport::Tool tool; const char *name; } toolDefs[] = {
        {tr("Window/Level"), tr("Drag to change window and level (W)"), ImageViewport::Tool::WindowLevel, "toolWindowLevel"},
        {tr("Length"), tr("Drag to measure a length (L)"), ImageViewport::Tool::Length, "toolLength"},
        {tr("Angle"), tr("Click three points, the vertex second, to measure an angle (A)"), ImageViewport::Tool::Angle, "toolAngle"},
        {tr("Rectangle"), tr("Drag a rectangular ROI: mean, SD, min, max, area (B)"), ImageViewport::Tool::Rectangle, "toolRectangle"},
        {tr("Ellipse"), tr("Drag an elliptical ROI: mean, SD, min, max, area (E)"), ImageViewport::Tool::Ellipse, "toolEllipse"},
        {tr("Pan"), tr("Drag to move the image (P)"), ImageViewport::Tool::Pan, "toolPan"},
    };
    for (const auto &def : toolDefs) {
        QToolButton *b = button(def.text, QString::fromLatin1(def.name), def.tip);
        QAction *a = m_tools->addAction(def.text);
        a->setCheckable(true);
        a->setToolTip(def.tip);
        a->setData(int(def.tool));
        a->setChecked(def.tool == ImageViewport::Tool::WindowLevel);
        b->setDefaultAction(a);
        const ImageViewport::Tool tool = def.tool;
        connect(a, &QAction::triggered, this, [this, tool] {
            for (ImageViewport *v : m_grid->viewports())
                v->setTool(tool);
        });
    }
    QToolButton *erase = button(tr("Delete"), QStringLiteral("deleteMeasurementButton"),
                                tr("Delete the selected measurement (Del); all on this image: Shift+Del"));
    connect(erase, &QToolButton::clicked, this, [this] { activeViewport()->deleteSelectedMeasurement(); });
    row->addSpacing(10);
    QToolButton *fit = button(tr("Fit"), QStringLiteral("fitButton"), tr("Fit to window (F)"));
    connect(fit, &QToolButton::clicked, this, [this] { activeViewport()->fitToWindow(); });
    QToolButton *invert = button(tr("Invert"), QString(), tr("Invert grey scale (I)"));
    connect(invert, &QToolButton::clicked, this,
            [this] { activeViewport()->setInverted(!activeViewport()->isInverted()); });
    QToolButton *rotate = button(tr("Rotate"), QString(), tr("Rotate 90° clockwise (R)"));
    connect(rotate, &QToolButton::clicked, this, [this] { activeViewport()->rotateClockwise(); });
    QToolButton *reset = button(tr("Reset"), QString(), tr("Reset the view (Esc)"));
    connect(reset, &QToolButton::clicked, this, [this] { activeViewport()->resetView(); });
    row->addSpacing(10);

    m_layouts = new QActionGroup(bar);
    const struct { QString text; QString tip; ViewportGrid::Arrangement arrangement; const char *name; } layoutDefs[] = {
        {tr("1×1"), tr("One viewport (Ctrl+1)"), ViewportGrid::Arrangement::Single, "layout1x1Button"},
        {tr("1×2"), tr("Two viewports side by side (Ctrl+2)"), ViewportGrid::Arrangement::OneByTwo, "layout1x2Button"},
        {tr("2×2"), tr("Four viewports (Ctrl+4)"), ViewportGrid::Arrangement::TwoByTwo, "layout2x2Button"},
    };
    for (const auto &def : layoutDefs) {
        QToolButton *b = button(def.text, QString::fromLatin1(def.name), def.tip);
        QAction *a = m_layouts->addAction(def.text);
        a->setCheckable(true);
        a->setToolTip(def.tip);
        a->setData(int(def.arrangement));
        a->setChecked(def.arrangement == ViewportGrid::Arrangement::Single);
        b->setDefaultAction(a);
        const ViewportGrid::Arrangement arrangement = def.arrangement;
        connect(a, &QAction::triggered, this, [this, arrangement] { setArrangement(arrangement); });
    }
    QToolButton *compare = button(tr("Compare"), QStringLiteral("compareButton"),
                                  tr("This study on the left, its prior on the right (C)"));
    connect(compare, &QToolButton::clicked, this, &ImageViewerWindow::compareWithPrior);
    m_syncButton = button(tr("Sync"), QStringLiteral("syncButton"),
                          tr("Scroll the viewports together by slice position (S)"));
    m_syncButton->setCheckable(true);
    connect(m_syncButton, &QToolButton::toggled, m_grid, &ViewportGrid::setSynchronized);
    connect(m_grid, &ViewportGrid::synchronizedChanged, m_syncButton, &QToolButton::setChecked);
    row->addSpacing(10);
    m_keyButton = button(tr("Key image"), QStringLiteral("keyImageButton"),
                         tr("Mark or unmark this image as a key image for the referral (K)"));
    m_keyButton->setCheckable(true);
    connect(m_keyButton, &QToolButton::clicked, this, [this] {
        activeViewport()->toggleKeyImage();
        updateCineControls();
    });
    QToolButton *tags = button(tr("Tags"), QStringLiteral("tagsButton"),
                               tr("Show the DICOM tags of this image (Ctrl+T)"));
    connect(tags, &QToolButton::clicked, this, &ImageViewerWindow::showTags);
    row->addSpacing(10);
    m_playButton = button(tr("Play"), QStringLiteral("cineButton"), tr("Play or stop cine (Space)"));
    connect(m_playButton, &QToolButton::clicked, this,
            [this] { activeViewport()->setCinePlaying(!activeViewport()->isCinePlaying()); });
    m_fps = new QSpinBox(bar);
    m_fps->setObjectName(QStringLiteral("cineRate"));
    m_fps->setRange(1, 60);
    m_fps->setValue(10);
    m_fps->setSuffix(tr(" fps"));
    m_fps->setToolTip(tr("Cine frame rate"));
    row->addWidget(m_fps);
    connect(m_fps, &QSpinBox::valueChanged, this, [this](int fps) {
        for (ImageViewport *v : m_grid->viewports())
            v->setCineRate(fps);
    });
    row->addStretch(1);
    return bar;
}

void ImageViewerWindow::addShortcuts()
{
    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_1), [this] { setArrangement(ViewportGrid::Arrangement::Single); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_2), [this] { setArrangement(ViewportGrid::Arrangement::OneByTwo); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_4), [this] { setArrangement(ViewportGrid::Arrangement::TwoByTwo); });
    shortcut(QKeySequence(Qt::Key_C), [this] { compareWithPrior(); });
    shortcut(QKeySequence(Qt::Key_S), [this] { m_grid->setSynchronized(!m_grid->isSynchronized()); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_T), [this] { showTags(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_O), [this] { chooseDicomDir(); });
}

void ImageViewerWindow::openPaths(const QStringList &paths)
{
    if (m_fetch) { // local images replace a study from the hub
        m_fetch->disconnect(this);
        m_fetch->cancel();
        m_fetch = nullptr;
        m_retryButton->hide();
        m_status->setStyleSheet({});
    }
    if (paths.size() == 1 && Dicom::isDicomDirName(paths.first()) && QFileInfo(paths.first()).isFile()) {
        openDicomDir(paths.first());
        return;
    }
    m_status->setText(tr("Reading images…"));
    m_progress->setValue(0);
    m_progress->show();
    m_loader->load(paths);
}

void ImageViewerWindow::onProgress(int done, int total)
{
    m_progress->setMaximum(qMax(1, total));
    m_progress->setValue(done);
}

void ImageViewerWindow::onLoaded(const QList<Dicom::Series> &series)
{
    m_progress->hide();
    setSeries(series);
    Q_EMIT loaded();
}

void ImageViewerWindow::setSeries(const QList<Dicom::Series> &series)
{
    m_thumbnails.waitForFinished();
    m_series = series;
    int images = 0;
    int failures = 0;
    for (const Dicom::Series &s : m_series) {
        const bool failed = !s.images.isEmpty() && !s.images.first().file;
        images += int(s.images.size());
        failures += failed ? int(s.images.size()) : 0;
    }
    m_browser->setSeries(m_series);
    m_status->setText(failures ? tr("%n image(s) read", nullptr, images - failures) + QStringLiteral("  ")
                                     + tr("%n file(s) could not be read", nullptr, failures)
                               : tr("%n image(s) read", nullptr, images));
    m_thumbnails.setFuture(QtConcurrent::run(renderThumbnails, m_series));
    for (ImageViewport *v : m_grid->viewports())
        v->setSeries({});
    if (!m_series.isEmpty()) {
        m_grid->setActiveViewport(m_grid->viewport(0));
        showSeries(0);
        fillEmptyViewports();
    }
    updateCineControls();
}

void ImageViewerWindow::showSeries(int index)
{
    if (index < 0 || index >= m_series.size())
        return;
    m_browser->setCurrentSeries(index);
    if (showNonImageObject(m_series[index])) {
        updateCineControls();
        return;
    }
    ImageViewport *v = activeViewport();
    v->setSeries(m_series[index]);
    v->setFocus();
    updateCineControls();
}

ImageViewport *ImageViewerWindow::viewport(int index) const
{
    return m_grid->viewport(index);
}

ImageViewport *ImageViewerWindow::activeViewport() const
{
    return m_grid->activeViewport();
}

void ImageViewerWindow::setViewportCount(int count)
{
    setArrangement(count >= 3   ? ViewportGrid::Arrangement::TwoByTwo
                   : count == 2 ? ViewportGrid::Arrangement::OneByTwo
                                : ViewportGrid::Arrangement::Single);
}

int ImageViewerWindow::viewportCount() const
{
    return m_grid->visibleCount();
}

void ImageViewerWindow::setArrangement(ViewportGrid::Arrangement arrangement)
{
    m_grid->setArrangement(arrangement);
    for (QAction *a : m_layouts->actions())
        a->setChecked(a->data().toInt() == int(arrangement));
    fillEmptyViewports();
    updateCineControls();
}

void ImageViewerWindow::fillEmptyViewports()
{
    // A newly shown viewport gets the next series not yet on screen (else the first), so
    // 2×2 on a four-series study shows all four at once.
    if (m_series.isEmpty())
        return;
    const QList<ImageViewport *> visible = m_grid->visibleViewports();
    for (ImageViewport *v : visible) {
        if (v->sliceCount() > 0)
            continue;
        int next = 0;
        for (int i = 0; i < m_series.size(); ++i) {
            const bool shown = std::any_of(visible.cbegin(), visible.cend(), [&](const ImageViewport *o) {
                return seriesIndexOf(o) == i;
            });
            if (!shown && !m_series[i].images.isEmpty() && m_series[i].images.first().file) {
                next = i;
                break;
            }
        }
        v->setSeries(m_series[next]);
    }
}

int ImageViewerWindow::seriesIndexOf(const ImageViewport *viewport) const
{
    if (!viewport || viewport->sliceCount() == 0)
        return -1;
    const Dicom::Series &shown = viewport->series();
    for (int i = 0; i < m_series.size(); ++i) {
        if (m_series[i].seriesInstanceUid == shown.seriesInstanceUid
            && m_series[i].studyInstanceUid == shown.studyInstanceUid
            && m_series[i].images.size() == shown.images.size())
            return i;
    }
    return -1;
}

void ImageViewerWindow::onActiveChanged(ImageViewport *viewport)
{
    const int index = seriesIndexOf(viewport);
    if (index >= 0)
        m_browser->setCurrentSeries(index);
    updateCineControls();
}

void ImageViewerWindow::compareStudies(int studyA, int studyB)
{
    const auto &studies = m_browser->studies();
    if (studyA < 0 || studyB < 0 || studyA >= studies.size() || studyB >= studies.size()
        || studyA == studyB)
        return;
    const QList<int> a = studies[studyA].series;
    const QList<int> b = studies[studyB].series;
    if (a.isEmpty() || b.isEmpty())
        return;
    if (m_grid->arrangement() == ViewportGrid::Arrangement::Single)
        m_grid->setArrangement(ViewportGrid::Arrangement::OneByTwo);
    // The prior's series that matches (same description, else same modality) goes beside
    // each series of the current study.
    auto counterpart = [&](int seriesA) {
        const Dicom::Series &s = m_series[seriesA];
        const QString modality = s.images.value(0).attributes.modality;
        for (int i : b)
            if (!s.description.isEmpty() && m_series[i].description == s.description)
                return i;
        for (int i : b)
            if (m_series[i].images.value(0).attributes.modality == modality)
                return i;
        return b.first();
    };
    const int rows = m_grid->arrangement() == ViewportGrid::Arrangement::TwoByTwo ? 2 : 1;
    for (int r = 0; r < rows; ++r) {
        const int left = a.value(r, a.first());
        m_grid->viewport(2 * r)->setSeries(m_series[left]);
        m_grid->viewport(2 * r + 1)->setSeries(m_series[counterpart(left)]);
    }
    for (QAction *act : m_layouts->actions())
        act->setChecked(act->data().toInt() == int(m_grid->arrangement()));
    m_grid->setActiveViewport(m_grid->viewport(0));
    m_grid->viewport(0)->setFocus();
    if (m_grid->isSynchronized()) {
        // New stacks: align them afresh at their current slices.
        m_grid->setSynchronized(false);
        m_grid->setSynchronized(true);
    }
    auto name = [&](int study) {
        return studies[study].date.isEmpty() ? tr("study %1").arg(study + 1)
                                             : ImageOverlay::formatDate(studies[study].date);
    };
    m_status->setText(tr("Comparing %1 (left) with %2 (right)").arg(name(studyA), name(studyB)));
    updateCineControls();
}

void ImageViewerWindow::compareWithPrior()
{
    const auto &studies = m_browser->studies();
    const int current = m_browser->studyOfSeries(qMax(0, seriesIndexOf(activeViewport())));
    if (current < 0)
        return;
    // The prior: the latest study older than this one; without dates, the next one listed.
    int prior = -1;
    for (int i = 0; i < studies.size(); ++i) {
        if (i == current || studies[i].studyInstanceUid.startsWith(u'\x01'))
            continue;
        const QString &date = studies[i].date;
        if (!date.isEmpty() && date <= studies[current].date
            && (prior < 0 || date > studies[prior].date))
            prior = i;
    }
    if (prior >= 0) {
        compareStudies(current, prior);
        return;
    }
    // The oldest study shown: it is the prior of the next newer one, which goes left.
    int newer = -1;
    for (int i = 0; i < studies.size(); ++i) {
        if (i == current || studies[i].studyInstanceUid.startsWith(u'\x01'))
            continue;
        if (newer < 0 || (!studies[i].date.isEmpty() && studies[i].date < studies[newer].date))
            newer = i;
    }
    if (newer < 0) {
        m_status->setText(tr("Only one study is loaded: nothing to compare with."));
        return;
    }
    compareStudies(newer, current);
}

void ImageViewerWindow::setKeyImages(KeyImages *keyImages)
{
    m_keyImages = keyImages ? keyImages : m_ownKeyImages;
    for (ImageViewport *v : m_grid->viewports())
        v->setKeyImages(m_keyImages);
    updateCineControls();
}

void ImageViewerWindow::showTags()
{
    const Dicom::SeriesImage *image = activeViewport()->currentImage();
    if (!image)
        return;
    if (!m_tagBrowser) {
        m_tagBrowser = new TagBrowser(this);
        m_tagBrowser->setWindowFlag(Qt::Window);
    }
    // The parsed dataset, not the path: an image retrieved from the hub was never a file.
    if (image->file)
        m_tagBrowser->showDicom(*image->file, QFileInfo(image->path).fileName(), image->path);
    else
        m_tagBrowser->showFile(image->path);
    m_tagBrowser->show();
    m_tagBrowser->raise();
    m_tagBrowser->activateWindow();
}

void ImageViewerWindow::updateCineControls()
{
    if (!m_playButton || !m_grid)
        return;
    ImageViewport *v = activeViewport();
    m_playButton->setEnabled(v->sliceCount() > 1);
    m_playButton->setText(v->isCinePlaying() ? tr("Stop") : tr("Play"));
    m_keyButton->setChecked(v->isKeyImage());
}

// ---- Non-image objects (ECG waveforms, encapsulated PDF) and local files/DICOMDIR ----

bool ImageViewerWindow::showNonImageObject(const Dicom::Series &series)
{
    const Dicom::SeriesImage *first = series.images.isEmpty() ? nullptr : &series.images.first();
    if (!first || !first->file || first->file->hasPixelData()) {
        m_centre->setCurrentWidget(m_grid);
        return false;
    }
    const Dicom::DicomFile &file = *first->file;
    if (file.hasWaveform()) {
        // A 12-lead ECG is a few hundred kilobytes: decoding it takes milliseconds.
        const auto waveform = Dicom::readWaveform(file);
        if (waveform)
            m_ecgView->setWaveform(*waveform, EcgDetails::fromImage(*first));
        else
            m_ecgView->showError(tr("This ECG could not be read: %1").arg(waveform.error()));
        m_centre->setCurrentWidget(m_ecgView);
        m_ecgView->setFocus();
        return true;
    }
    if (Dicom::isEncapsulatedPdf(file)) {
        const auto document = Dicom::readEncapsulatedDocument(file);
        m_pdfView->setPdf(document ? document->bytes : QByteArray());
        if (document && !document->title.isEmpty())
            m_status->setText(document->title);
        if (!document)
            m_status->setText(tr("This PDF could not be read: %1").arg(document.error()));
        m_centre->setCurrentWidget(m_pdfView);
        m_pdfView->setFocus();
        return true;
    }
    m_centre->setCurrentWidget(m_grid);
    return false;
}

void ImageViewerWindow::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open folder"));
    if (!folder.isEmpty())
        openPaths({folder});
}

void ImageViewerWindow::chooseDicomDir()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open DICOMDIR"), QString(),
                                                      tr("DICOMDIR (DICOMDIR dicomdir DICOMDIR;1);;All files (*)"));
    if (!path.isEmpty())
        openDicomDir(path);
}

void ImageViewerWindow::openDicomDir(const QString &path)
{
    m_status->setText(tr("Reading the DICOMDIR…"));
    // A disc is slow; its directory is read on the thread pool.
    auto *watcher = new QFutureWatcher<Dicom::Result<Dicom::DicomDir>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Dicom::Result<Dicom::DicomDir> dir = watcher->result();
        if (!dir) {
            m_status->setText(tr("The DICOMDIR could not be read: %1").arg(dir.error()));
            return;
        }
        const QStringList files = dir->files();
        if (files.isEmpty()) {
            m_status->setText(tr("None of the files the DICOMDIR lists were found."));
            return;
        }
        openPaths(files);
        if (const qsizetype missing = dir->missingFiles().size())
            m_status->setText(m_status->text() + QStringLiteral("  ")
                              + tr("%n file(s) listed in the DICOMDIR are missing", nullptr, int(missing)));
    });
    watcher->setFuture(QtConcurrent::run([path] { return Dicom::readDicomDir(path); }));
}

void ImageViewerWindow::openStudyFetch(Dicom::StudyFetch *fetch)
{
    if (m_fetch && m_fetch != fetch)
        m_fetch->disconnect(this);
    m_loader->cancel();
    m_fetch = fetch;
    setSeries({});
    m_retryButton->hide();
    m_status->setStyleSheet({});
    m_status->setText(tr("Loading the images from the hub…"));
    m_progress->setValue(0);
    m_progress->show();
    connect(fetch, &Dicom::StudyFetch::progress, this, &ImageViewerWindow::onProgress);
    connect(fetch, &Dicom::StudyFetch::firstImageRead, this, [this](const Dicom::Series &s) {
        // Something to look at at once; replaced by the whole study when it is in.
        m_grid->viewport(0)->setSeries(s);
    });
    connect(fetch, &Dicom::StudyFetch::finished, this, [this](const QList<Dicom::Series> &series) {
        onLoaded(series);
        if (series.isEmpty())
            m_status->setText(tr("The hub holds no images for this study."));
    });
    connect(fetch, &Dicom::StudyFetch::failed, this, [this](const QString &message) {
        // What arrived stays usable; Retry asks only for the rest.
        const QList<Dicom::Series> kept = m_fetch ? m_fetch->received() : QList<Dicom::Series>();
        m_progress->hide();
        setSeries(kept);
        int images = 0;
        for (const Dicom::Series &s : kept)
            images += int(s.images.size());
        m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
        if (m_fetch && m_fetch->failure() == Dicom::StudyFetch::Failure::Unauthorized) {
            // Retrying with the refused token cannot help; the rest follows the new login.
            m_status->setText(tr("The session has expired. %n image(s) kept; the rest loads after you log in again.",
                                 nullptr, images));
            return;
        }
        m_status->setText(tr("The images could not all be loaded (%1). %n image(s) kept; Retry loads the rest.",
                             nullptr, images).arg(message));
        m_retryButton->show();
    });
}

void ImageViewerWindow::retryStudyFetch()
{
    if (!m_fetch || m_fetch->isRunning())
        return;
    m_retryButton->hide();
    m_status->setStyleSheet({});
    m_status->setText(tr("Loading the images from the hub…"));
    m_progress->show();
    m_fetch->retry();
}
