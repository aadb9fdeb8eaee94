#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QWidget>

class PdfPagesWidget;
class QBuffer;
class QLabel;
class QPdfDocument;
class QScrollArea;
class QStackedWidget;
class QToolButton;

/// A read-only PDF viewer: every page one under the other in a scroll area, a small tool bar
/// (page number, zoom out/in, fit width) and the keyboard (PgUp/PgDn, Home/End, Ctrl +/−/0).
/// Used for encapsulated PDF objects and for discharge summaries delivered as PDF. A PDF that
/// Qt PDF cannot open shows a message in place of the pages.
class PdfView : public QWidget
{
    Q_OBJECT

public:
    explicit PdfView(QWidget *parent = nullptr);
    ~PdfView() override;

    /// Shows the document in @p bytes (copied), at fit width on the first page. Empty or
    /// unreadable bytes show errorMessage() in place of the pages.
    void setPdf(const QByteArray &bytes);
    /// Why the last setPdf() shows no pages; empty while a document is shown.
    QString errorMessage() const { return m_error; }

    int pageCount() const;
    /// 0-based page at the top of the view.
    int currentPage() const;
    void setCurrentPage(int page);
    void nextPage();
    void previousPage();

    /// 1.0 = the page's real size on screen (points at the screen's logical DPI).
    double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    void zoomIn();
    void zoomOut();
    /// Scales the pages to the width of the view; stays so when the view is resized, until
    /// the zoom is changed by hand.
    void fitWidth();
    bool isFitWidth() const { return m_fitWidth; }

    /// Page @p page as drawn at the current zoom (device pixels), or a null image.
    QImage renderPage(int page) const;

Q_SIGNALS:
    void currentPageChanged(int page);
    void zoomChanged(double zoom);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showError(const QString &message);
    void documentReady();
    void applyZoom(double zoom);
    void updateControls();
    double fitWidthZoom() const;

    QPdfDocument *m_document = nullptr;
    QBuffer *m_buffer = nullptr;
    QByteArray m_bytes;
    QString m_error;
    double m_zoom = 1.0;
    bool m_fitWidth = true;

    QStackedWidget *m_stack = nullptr;
    QScrollArea *m_scroll = nullptr;
    PdfPagesWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_pageLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QToolButton *m_zoomOutButton = nullptr;
    QToolButton *m_zoomInButton = nullptr;
    QToolButton *m_fitButton = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
};
