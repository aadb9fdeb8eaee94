#pragma once

#include "documentfetch.h"

#include <QWidget>

class MessageLabel;
class PdfView;
class QLabel;
class QStackedWidget;
class QTextBrowser;
struct ClinicalRecord;

/// The detail page of a document (discharge summary, referral letter, report): a CDA R2
/// document as calm readable text (title, who wrote it when, section headings, paragraphs,
/// lists and tables, generous Japanese line spacing), a PDF through PdfView, or plain text.
/// Fed with DocumentContent; it never fetches anything itself.
class DocumentView : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentView(QWidget *parent = nullptr);

    /// The document's title while its content is on the way.
    void showLoading(const ClinicalRecord &record, const QString &facilityName);
    void showContent(const DocumentContent &content);
    /// "Could not display": \a message for the reader, \a detail for the tooltip.
    void showError(const QString &message, const QString &detail = {});
    void clear();

    /// The text on show (CDA or plain text), for tests and copying.
    QString text() const;
    /// "loading", "text", "pdf" or "message".
    QString currentPage() const;
    PdfView *pdfView() const { return m_pdf; }

private:
    void renderCda(const CdaDocument &document);

    QLabel *m_heading = nullptr;
    QLabel *m_facts = nullptr;
    MessageLabel *m_message = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_loading = nullptr;
    QTextBrowser *m_browser = nullptr;
    PdfView *m_pdf = nullptr;
    QWidget *m_messagePage = nullptr;
};
