#include "pdfview.h"

#include "zoomgestures.h"

#include <QBuffer>
#include <QHBoxLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QPdfDocument>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kPageGap = 12; // logical pixels between pages and around them
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 8.0;
constexpr double kZoomStep = 1.25;
// Rendered pages kept; a discharge summary has a handful, a long report is scrolled through.
constexpr int kCachedPages = 8;

} // namespace

/// The pages one under the other, each rendered when it first comes into view at the
/// current zoom and kept in a small cache. Lives inside PdfView's scroll area.
class PdfPagesWidget : public QWidget
{
public:
    explicit PdfPagesWidget(QWidget *parent) : QWidget(parent)
    {
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

    void setDocument(QPdfDocument *document)
    {
        m_document = document;
        relayout();
    }

    void setZoom(double zoom)
    {
        m_zoom = zoom;
        relayout();
    }

    /// Pixels per PDF point at zoom 1: real size at the screen's logical DPI.
    double pointScale() const { return logicalDpiX() / 72.0; }

    QSizeF pagePointSize(int page) const
    {
        return m_document ? m_document->pagePointSize(page) : QSizeF();
    }

    int pageCount() const { return m_document ? m_document->pageCount() : 0; }

    QRect pageRect(int page) const { return m_rects.value(page); }

    /// The page under logical y (the gap above a page counts as that page).
    int pageAt(int y) const
    {
        for (int i = 0; i < m_rects.size(); ++i) {
            if (y < m_rects[i].bottom() + kPageGap / 2)
                return i;
        }
        return std::max(0, int(m_rects.size()) - 1);
    }

    QImage render(int page) const
    {
        if (!m_document || page < 0 || page >= m_rects.size())
            return {};
        if (const auto it = m_cache.constFind(page); it != m_cache.constEnd())
            return *it;
        const qreal ratio = devicePixelRatioF();
        const QSize size = (QSizeF(m_rects[page].size()) * ratio).toSize();
        QImage image = m_document->render(page, size);
        image.setDevicePixelRatio(ratio);
        if (m_cache.size() >= kCachedPages)
            m_cache.clear();
        m_cache.insert(page, image);
        return image;
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPainter painter(this);
        painter.fillRect(event->rect(), palette().color(QPalette::Dark));
        for (int i = 0; i < m_rects.size(); ++i) {
            const QRect rect = m_rects[i];
            if (!rect.intersects(event->rect()))
                continue;
            painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60));
            // Pages without a background of their own are transparent in the render.
            painter.fillRect(rect, Qt::white);
            const QImage image = render(i);
            if (!image.isNull())
                painter.drawImage(rect.topLeft(), image);
        }
    }

    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::ScreenChangeInternal)
            relayout();
        QWidget::changeEvent(event);
    }

private:
    void relayout()
    {
        m_cache.clear();
        m_rects.clear();
        const int count = pageCount();
        int y = kPageGap;
        int width = 0;
        for (int i = 0; i < count; ++i) {
            const QSizeF points = pagePointSize(i);
            const QSize size(std::max(1, int(std::lround(points.width() * pointScale() * m_zoom))),
                             std::max(1, int(std::lround(points.height() * pointScale() * m_zoom))));
            m_rects.append(QRect(QPoint(kPageGap, y), size));
            y += size.height() + kPageGap;
            width = std::max(width, size.width());
        }
        // Narrow pages are centred in a wider view by the scroll area's alignment.
        resize(width + 2 * kPageGap, count > 0 ? y : 0);
        update();
    }

    QPdfDocument *m_document = nullptr;
    double m_zoom = 1.0;
    QList<QRect> m_rects;
    mutable QHash<int, QImage> m_cache;
};

namespace {

QToolButton *toolButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setFocusPolicy(Qt::NoFocus);
    button->setAutoRaise(true);
    return button;
}

} // namespace

PdfView::PdfView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);

    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("pdfToolBar"));
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(4, 2, 4, 2);
    m_previousButton = toolButton(QStringLiteral("▲"), tr("Previous page (Page Up)"), bar);
    m_previousButton->setObjectName(QStringLiteral("pdfPreviousPage"));
    m_nextButton = toolButton(QStringLiteral("▼"), tr("Next page (Page Down)"), bar);
    m_nextButton->setObjectName(QStringLiteral("pdfNextPage"));
    m_pageLabel = new QLabel(bar);
    m_pageLabel->setObjectName(QStringLiteral("pdfPageLabel"));
    m_zoomOutButton = toolButton(QStringLiteral("−"), tr("Zoom out (Ctrl+−)"), bar);
    m_zoomOutButton->setObjectName(QStringLiteral("pdfZoomOut"));
    m_zoomInButton = toolButton(QStringLiteral("+"), tr("Zoom in (Ctrl++)"), bar);
    m_zoomInButton->setObjectName(QStringLiteral("pdfZoomIn"));
    m_fitButton = toolButton(tr("Fit width"), tr("Fit the page to the width (Ctrl+0)"), bar);
    m_fitButton->setObjectName(QStringLiteral("pdfFitWidth"));
    m_fitButton->setCheckable(true);
    m_zoomLabel = new QLabel(bar);
    m_zoomLabel->setObjectName(QStringLiteral("pdfZoomLabel"));
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("0000 %")));
    barLayout->addWidget(m_previousButton);
    barLayout->addWidget(m_nextButton);
    barLayout->addWidget(m_pageLabel);
    barLayout->addStretch();
    barLayout->addWidget(m_zoomOutButton);
    barLayout->addWidget(m_zoomLabel);
    barLayout->addWidget(m_zoomInButton);
    barLayout->addWidget(m_fitButton);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("pdfPages"));
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_pages = new PdfPagesWidget(m_scroll);
    m_scroll->setWidget(m_pages);
    m_scroll->setWidgetResizable(false);
    m_scroll->viewport()->installEventFilter(this);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("pdfMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_scroll);
    m_stack->addWidget(m_message);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_stack, 1);

    m_document = new QPdfDocument(this);
    connect(m_document, &QPdfDocument::statusChanged, this, [this](QPdfDocument::Status status) {
        if (status == QPdfDocument::Status::Ready || status == QPdfDocument::Status::Error)
            documentReady();
    });
    connect(m_previousButton, &QToolButton::clicked, this, &PdfView::previousPage);
    connect(m_nextButton, &QToolButton::clicked, this, &PdfView::nextPage);
    connect(m_zoomOutButton, &QToolButton::clicked, this, &PdfView::zoomOut);
    connect(m_zoomInButton, &QToolButton::clicked, this, &PdfView::zoomIn);
    connect(m_fitButton, &QToolButton::clicked, this, &PdfView::fitWidth);
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        updateControls();
        emit currentPageChanged(currentPage());
    });

    showError(tr("No document."));
}

PdfView::~PdfView()
{
    // The document reads from the buffer until it is closed.
    m_pages->setDocument(nullptr);
    m_document->close();
}

void PdfView::setPdf(const QByteArray &bytes)
{
    m_pages->setDocument(nullptr);
    m_document->close();
    delete m_buffer;
    m_buffer = nullptr;
    m_error.clear();
    m_bytes = bytes;
    if (m_bytes.isEmpty()) {
        showError(tr("The document is empty."));
        return;
    }
    m_buffer = new QBuffer(&m_bytes, this);
    m_buffer->open(QIODevice::ReadOnly);
    m_document->load(m_buffer);
    // A QBuffer is random access, so Qt PDF has normally finished here; otherwise
    // statusChanged brings us to documentReady() later.
    if (m_document->status() == QPdfDocument::Status::Ready
        || m_document->status() == QPdfDocument::Status::Error)
        documentReady();
}

void PdfView::documentReady()
{
    if (m_document->status() == QPdfDocument::Status::Error || m_document->pageCount() <= 0) {
        switch (m_document->error()) {
        case QPdfDocument::Error::IncorrectPassword:
        case QPdfDocument::Error::UnsupportedSecurityScheme:
            showError(tr("The document is password protected or encrypted and cannot be shown."));
            break;
        default:
            showError(tr("The document is not a readable PDF file."));
            break;
        }
        return;
    }
    m_error.clear();
    m_stack->setCurrentWidget(m_scroll);
    m_pages->setDocument(m_document);
    m_fitWidth = true;
    applyZoom(fitWidthZoom());
    m_scroll->verticalScrollBar()->setValue(0);
    updateControls();
}

void PdfView::showError(const QString &message)
{
    m_error = message;
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
    updateControls();
}

int PdfView::pageCount() const
{
    return m_error.isEmpty() ? m_pages->pageCount() : 0;
}

int PdfView::currentPage() const
{
    if (pageCount() == 0)
        return 0;
    // The page occupying the upper part of the view is the one being read.
    const int y = m_scroll->verticalScrollBar()->value() + m_scroll->viewport()->height() / 4;
    return m_pages->pageAt(y);
}

void PdfView::setCurrentPage(int page)
{
    if (pageCount() == 0)
        return;
    page = std::clamp(page, 0, pageCount() - 1);
    m_scroll->verticalScrollBar()->setValue(m_pages->pageRect(page).top() - kPageGap);
}

void PdfView::nextPage()
{
    setCurrentPage(currentPage() + 1);
}

void PdfView::previousPage()
{
    // From the middle of a page, Page Up goes back to its top first, as readers do.
    const int page = currentPage();
    const int top = m_pages->pageRect(page).top() - kPageGap;
    if (m_scroll->verticalScrollBar()->value() > top + 2)
        setCurrentPage(page);
    else
        setCurrentPage(page - 1);
}

double PdfView::fitWidthZoom() const
{
    double widest = 0;
    for (int i = 0; i < m_pages->pageCount(); ++i)
        widest = std::max(widest, m_pages->pagePointSize(i).width());
    if (widest <= 0)
        return 1.0;
    // Leave room for the vertical scroll bar, which a multi-page document always shows.
    const int available = m_scroll->width() - m_scroll->verticalScrollBar()->sizeHint().width()
        - 2 * m_scroll->frameWidth() - 2 * kPageGap;
    return std::clamp(available / (widest * m_pages->pointScale()), kMinZoom, kMaxZoom);
}

void PdfView::applyZoom(double zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const bool changed = !qFuzzyCompare(zoom, m_zoom);
    // Keep the same place of the same page in view across the zoom.
    QScrollBar *bar = m_scroll->verticalScrollBar();
    const int page = currentPage();
    const QRect before = m_pages->pageRect(page);
    const double within = before.height() > 0
        ? double(bar->value() - before.top()) / before.height() : 0.0;
    m_zoom = zoom;
    m_pages->setZoom(zoom);
    const QRect after = m_pages->pageRect(page);
    bar->setValue(after.top() + int(std::lround(within * after.height())));
    updateControls();
    if (changed)
        emit zoomChanged(m_zoom);
}

void PdfView::setZoom(double zoom)
{
    m_fitWidth = false;
    applyZoom(zoom);
}

void PdfView::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void PdfView::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

void PdfView::fitWidth()
{
    m_fitWidth = true;
    applyZoom(fitWidthZoom());
}

QImage PdfView::renderPage(int page) const
{
    return m_error.isEmpty() ? m_pages->render(page) : QImage();
}

void PdfView::updateControls()
{
    const int count = pageCount();
    const bool shown = count > 0;
    m_pageLabel->setText(shown ? tr("Page %1 / %2").arg(currentPage() + 1).arg(count) : QString());
    m_zoomLabel->setText(shown ? QStringLiteral("%1 %").arg(std::lround(m_zoom * 100)) : QString());
    m_previousButton->setEnabled(shown && m_scroll->verticalScrollBar()->value() > 0);
    m_nextButton->setEnabled(shown && currentPage() < count - 1);
    m_zoomOutButton->setEnabled(shown && m_zoom > kMinZoom);
    m_zoomInButton->setEnabled(shown && m_zoom < kMaxZoom);
    m_fitButton->setEnabled(shown);
    m_fitButton->setChecked(shown && m_fitWidth);
}

void PdfView::keyPressEvent(QKeyEvent *event)
{
    if (handleZoomKey(event, this, &PdfView::fitWidth))
        return;
    QScrollBar *bar = m_scroll->verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        nextPage();
        return;
    case Qt::Key_PageUp:
        previousPage();
        return;
    case Qt::Key_Home:
        setCurrentPage(0);
        return;
    case Qt::Key_End:
        setCurrentPage(pageCount() - 1);
        return;
    case Qt::Key_Down:
        bar->setValue(bar->value() + bar->singleStep());
        return;
    case Qt::Key_Up:
        bar->setValue(bar->value() - bar->singleStep());
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void PdfView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitWidth && pageCount() > 0)
        applyZoom(fitWidthZoom());
}

bool PdfView::eventFilter(QObject *watched, QEvent *event)
{
    // Ctrl+wheel zooms, as in every document viewer; the plain wheel scrolls.
    if (watched == m_scroll->viewport() && event->type() == QEvent::Wheel) {
        if (pageCount() > 0 && handleZoomWheel(static_cast<QWheelEvent *>(event), this))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}
