#include "imageviewerwindow.h"

#include "imageviewport.h"
#include "render.h"

#include <QActionGroup>
#include <QBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int kThumbnailSize = 96;

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
    m_loader = new Dicom::SeriesLoader(this);
    connect(m_loader, &Dicom::SeriesLoader::progress, this, &ImageViewerWindow::onProgress);
    connect(m_loader, &Dicom::SeriesLoader::finished, this, &ImageViewerWindow::onLoaded);
    connect(m_loader, &Dicom::SeriesLoader::firstImageRead, this, [this](const Dicom::Series &s) {
        // Something to look at while the rest of a CD is read; replaced when all is read.
        m_viewports[0]->setSeries(s);
    });

    m_seriesList = new QListWidget(this);
    m_seriesList->setObjectName(QStringLiteral("seriesList"));
    m_seriesList->setViewMode(QListView::ListMode);
    m_seriesList->setIconSize(QSize(kThumbnailSize, kThumbnailSize));
    m_seriesList->setWordWrap(true);
    m_seriesList->setMinimumWidth(200);
    m_seriesList->setMaximumWidth(280);
    connect(m_seriesList, &QListWidget::currentRowChanged, this, &ImageViewerWindow::showSeries);

    auto *viewports = new QWidget(this);
    auto *viewportLayout = new QHBoxLayout(viewports);
    viewportLayout->setContentsMargins(0, 0, 0, 0);
    viewportLayout->setSpacing(2);
    for (int i = 0; i < 2; ++i) {
        auto *v = new ImageViewport(viewports);
        v->setObjectName(QStringLiteral("imageViewport%1").arg(i));
        viewportLayout->addWidget(v);
        m_viewports.append(v);
        connect(v, &ImageViewport::cinePlayingChanged, this,
                &ImageViewerWindow::updateCineControls);
        connect(v, &ImageViewport::activated, this, [this, v] { setActive(v); });
    }
    m_viewports[1]->hide();

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setMaximumWidth(240);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("imageStatus"));
    m_status->setTextFormat(Qt::PlainText); // file errors are data, never markup

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_seriesList);
    splitter->addWidget(viewports);
    splitter->setStretchFactor(1, 1);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(createToolBar());
    layout->addWidget(splitter, 1);
    layout->addLayout(statusRow);

    connect(&m_thumbnails, &QFutureWatcher<QList<QImage>>::finished, this, [this] {
        const QList<QImage> thumbs = m_thumbnails.result();
        for (int i = 0; i < thumbs.size() && i < m_seriesList->count(); ++i) {
            if (!thumbs[i].isNull())
                m_seriesList->item(i)->setIcon(QPixmap::fromImage(thumbs[i]));
        }
    });
    setActive(m_viewports[0]);
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
    row->addSpacing(12);

    auto *tools = new QActionGroup(bar);
    const struct { QString text; QString tip; ImageViewport::Tool tool; } toolDefs[] = {
        {tr("Window/Level"), tr("Drag to change window and level (W)"), ImageViewport::Tool::WindowLevel},
        {tr("Length"), tr("Drag to measure a length (L)"), ImageViewport::Tool::Length},
        {tr("Pan"), tr("Drag to move the image (P)"), ImageViewport::Tool::Pan},
    };
    for (const auto &def : toolDefs) {
        QToolButton *b = button(def.text, QString(), def.tip);
        QAction *a = tools->addAction(def.text);
        a->setCheckable(true);
        a->setChecked(def.tool == ImageViewport::Tool::WindowLevel);
        b->setDefaultAction(a);
        const ImageViewport::Tool tool = def.tool;
        connect(a, &QAction::triggered, this, [this, tool] {
            for (ImageViewport *v : std::as_const(m_viewports))
                v->setTool(tool);
        });
    }
    row->addSpacing(12);
    QToolButton *fit = button(tr("Fit"), QStringLiteral("fitButton"), tr("Fit to window (F)"));
    connect(fit, &QToolButton::clicked, this, [this] { m_active->fitToWindow(); });
    QToolButton *invert = button(tr("Invert"), QString(), tr("Invert grey scale (I)"));
    connect(invert, &QToolButton::clicked, this,
            [this] { m_active->setInverted(!m_active->isInverted()); });
    QToolButton *rotate = button(tr("Rotate"), QString(), tr("Rotate 90° clockwise (R)"));
    connect(rotate, &QToolButton::clicked, this, [this] { m_active->rotateClockwise(); });
    QToolButton *reset = button(tr("Reset"), QString(), tr("Reset the view (Esc)"));
    connect(reset, &QToolButton::clicked, this, [this] { m_active->resetView(); });
    row->addSpacing(12);
    m_layoutButton = button(tr("1×2"), QStringLiteral("layoutButton"),
                                 tr("Show two viewports side by side"));
    m_layoutButton->setCheckable(true);
    connect(m_layoutButton, &QToolButton::toggled, this,
            [this](bool two) { setViewportCount(two ? 2 : 1); });
    row->addSpacing(12);
    m_playButton = button(tr("Play"), QStringLiteral("cineButton"), tr("Play or stop cine (Space)"));
    connect(m_playButton, &QToolButton::clicked, this,
            [this] { m_active->setCinePlaying(!m_active->isCinePlaying()); });
    m_fps = new QSpinBox(bar);
    m_fps->setObjectName(QStringLiteral("cineRate"));
    m_fps->setRange(1, 60);
    m_fps->setValue(10);
    m_fps->setSuffix(tr(" fps"));
    m_fps->setToolTip(tr("Cine frame rate"));
    row->addWidget(m_fps);
    connect(m_fps, &QSpinBox::valueChanged, this, [this](int fps) {
        for (ImageViewport *v : std::as_const(m_viewports))
            v->setCineRate(fps);
    });
    row->addStretch(1);
    return bar;
}

void ImageViewerWindow::openPaths(const QStringList &paths)
{
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
    {
        const QSignalBlocker block(m_seriesList);
        m_seriesList->clear();
        for (const Dicom::Series &s : m_series) {
            const bool failed = !s.images.isEmpty() && !s.images.first().file;
            images += int(s.images.size());
            failures += failed ? int(s.images.size()) : 0;
            const QString title = failed ? tr("Unreadable files")
                : s.description.isEmpty() ? tr("(no description)") : s.description;
            auto *item = new QListWidgetItem(
                tr("%1\n%n image(s)", nullptr, int(s.images.size())).arg(title), m_seriesList);
            item->setToolTip(s.seriesInstanceUid);
        }
    }
    m_status->setText(failures ? tr("%n image(s) read", nullptr, images - failures) + QStringLiteral("  ")
                                     + tr("%n file(s) could not be read", nullptr, failures)
                               : tr("%n image(s) read", nullptr, images));
    m_thumbnails.setFuture(QtConcurrent::run(renderThumbnails, m_series));
    for (ImageViewport *v : std::as_const(m_viewports))
        v->setSeries({});
    if (!m_series.isEmpty()) {
        setActive(m_viewports[0]);
        showSeries(0);
        if (viewportCount() > 1 && m_series.size() > 1)
            m_viewports[1]->setSeries(m_series[1]);
    }
    updateCineControls();
}

void ImageViewerWindow::showSeries(int index)
{
    if (index < 0 || index >= m_series.size())
        return;
    {
        const QSignalBlocker block(m_seriesList);
        m_seriesList->setCurrentRow(index);
    }
    m_active->setSeries(m_series[index]);
    m_active->setFocus();
    updateCineControls();
}

ImageViewport *ImageViewerWindow::viewport(int index) const
{
    return m_viewports.value(index);
}

void ImageViewerWindow::setViewportCount(int count)
{
    m_viewports[1]->setVisible(count > 1);
    setActive(m_active);
    if (count > 1 && m_viewports[1]->sliceCount() == 0 && !m_series.isEmpty())
        m_viewports[1]->setSeries(m_series.value(1, m_series[0]));
    if (count < 2)
        setActive(m_viewports[0]);
    m_layoutButton->setChecked(count > 1);
}

int ImageViewerWindow::viewportCount() const
{
    return m_viewports[1]->isHidden() ? 1 : 2;
}

void ImageViewerWindow::setActive(ImageViewport *viewport)
{
    m_active = viewport;
    for (ImageViewport *v : std::as_const(m_viewports))
        v->setHighlighted(v == viewport && viewportCount() > 1);
    updateCineControls();
}

void ImageViewerWindow::updateCineControls()
{
    if (!m_playButton || !m_active)
        return;
    m_playButton->setEnabled(m_active->sliceCount() > 1);
    m_playButton->setText(m_active->isCinePlaying() ? tr("Stop") : tr("Play"));
}
