#include "referralpacketdialog.h"

#include "hubsession.h"
#include "keyimages.h"
#include "messagelabel.h"
#include "printaudit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace {

QString sectionLabel(ReferralSection section)
{
    switch (section) {
    case ReferralSection::CoverLetter: return ReferralPacketDialog::tr("Cover letter (referral letter)");
    case ReferralSection::DischargeSummary: return ReferralPacketDialog::tr("Latest discharge summary");
    case ReferralSection::Medication: return ReferralPacketDialog::tr("Current medication");
    case ReferralSection::Labs: return ReferralPacketDialog::tr("Laboratory results (chosen tests)");
    case ReferralSection::LabTrend: return ReferralPacketDialog::tr("with trend charts");
    case ReferralSection::Diagnoses: return ReferralPacketDialog::tr("Diagnoses");
    case ReferralSection::Allergies: return ReferralPacketDialog::tr("Allergies");
    case ReferralSection::KeyImages: return ReferralPacketDialog::tr("Key images (marked in the image viewer)");
    }
    return {};
}

} // namespace

ReferralPacketDialog::ReferralPacketDialog(HubSession *session, const PatientSummary &patient,
                                           const QList<ClinicalRecord> &records,
                                           const QHash<QString, QString> &facilityNames, QWidget *parent,
                                           KeyImages *keyImages)
    : QDialog(parent)
    , m_session(session)
    , m_patient(patient)
    , m_records(records)
    , m_facilityNames(facilityNames)
    , m_keyImages(keyImages)
    , m_audit(new PrintAudit(session, this))
{
    setObjectName(QStringLiteral("referralDialog"));
    setWindowTitle(tr("Referral packet for %1").arg(patient.name));

    m_message = new MessageLabel(this);
    m_message->setObjectName(QStringLiteral("referralMessage"));

    auto *buttons = new QDialogButtonBox(this);
    auto addButton = [this, buttons](const QString &text, const char *name, void (ReferralPacketDialog::*slot)()) {
        auto *button = buttons->addButton(text, QDialogButtonBox::ActionRole);
        button->setObjectName(QLatin1String(name));
        connect(button, &QPushButton::clicked, this, slot);
        return button;
    };
    addButton(tr("Print preview"), "previewButton", &ReferralPacketDialog::showPreview);
    addButton(tr("Print…"), "printButton", &ReferralPacketDialog::print);
    addButton(tr("Export PDF…"), "exportButton", &ReferralPacketDialog::chooseAndExportPdf);
    auto *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addWidget(createCoverFields(), 3);
    columns->addWidget(createSections(), 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_audit, &PrintAudit::notAvailable, this, &ReferralPacketDialog::onAuditNotAvailable);
    connect(m_audit, &PrintAudit::failed, this, &ReferralPacketDialog::onAuditFailed);
    resize(900, 560);

    if (const int others = packet().keyImagesOfOtherPatients; others > 0) {
        report(tr("%n marked image(s) belong to another patient (their Patient ID is not one of "
                  "this patient's) and are left out of the packet.", nullptr, others),
               false);
    }
}

ReferralPacketDialog::~ReferralPacketDialog() = default;

QWidget *ReferralPacketDialog::createCoverFields()
{
    auto *box = new QGroupBox(tr("Cover letter"), this);
    auto *form = new QFormLayout(box);
    auto line = [box](const char *name, const QString &placeholder) {
        auto *edit = new QLineEdit(box);
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    m_toFacility = line("toFacilityEdit", tr("e.g. Shinshu Central Hospital, Gastroenterology"));
    m_toDoctor = line("toDoctorEdit", tr("Name, or leave empty for the attending doctor"));
    m_purpose = line("purposeEdit", tr("e.g. further examination and treatment"));
    m_history = new QPlainTextEdit(box);
    m_history->setObjectName(QStringLiteral("historyEdit"));
    m_history->setPlaceholderText(tr("Past history, course, and anything the receiving doctor should know"));
    auto *from = new QLabel(box);
    from->setObjectName(QStringLiteral("fromLabel"));
    from->setText(m_session ? tr("%1, %2").arg(m_session->facilityName(), m_session->userId()) : QString());
    form->addRow(tr("To (facility):"), m_toFacility);
    form->addRow(tr("To (doctor):"), m_toDoctor);
    form->addRow(tr("Purpose:"), m_purpose);
    form->addRow(tr("History and course:"), m_history);
    form->addRow(tr("From:"), from);
    return box;
}

QWidget *ReferralPacketDialog::createSections()
{
    auto *box = new QGroupBox(tr("Contents"), this);
    auto *layout = new QVBoxLayout(box);
    for (int i = 0; i < kReferralSectionCount; ++i) {
        const auto section = ReferralSection(i);
        auto *check = new QCheckBox(sectionLabel(section), box);
        check->setObjectName(QStringLiteral("section") + referralSectionName(section));
        // Trend charts are an extra page per test: only when asked for.
        check->setChecked(section != ReferralSection::LabTrend);
        m_sections << check;
        if (section == ReferralSection::LabTrend) {
            auto *row = new QHBoxLayout;
            row->setContentsMargins(24, 0, 0, 0);
            row->addWidget(check);
            layout->addLayout(row);
        } else {
            layout->addWidget(check);
        }
    }
    m_labTests = new QListWidget(box);
    m_labTests->setObjectName(QStringLiteral("labSelection"));
    for (const QString &test : referralLabTests(m_records)) {
        auto *item = new QListWidgetItem(test, m_labTests);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    layout->insertWidget(layout->indexOf(m_sections.at(int(ReferralSection::Labs))) + 2, m_labTests, 1);
    QCheckBox *labs = m_sections.at(int(ReferralSection::Labs));
    for (QWidget *dependent : {static_cast<QWidget *>(m_labTests), static_cast<QWidget *>(m_sections.at(int(ReferralSection::LabTrend)))})
        connect(labs, &QCheckBox::toggled, dependent, &QWidget::setEnabled);

    QCheckBox *images = m_sections.at(int(ReferralSection::KeyImages));
    const int marked = m_keyImages ? m_keyImages->rowCount() : 0;
    images->setEnabled(marked > 0);
    images->setChecked(marked > 0);
    if (marked > 0)
        images->setText(tr("Key images (%n marked in the image viewer)", nullptr, marked));
    else
        images->setToolTip(tr("Mark images with K in the image viewer to add them here."));
    return box;
}

QString ReferralPacketDialog::printedBy() const
{
    if (!m_session)
        return {};
    return tr("%1 (%2)").arg(m_session->userId(), m_session->facilityName());
}

ReferralPacket ReferralPacketDialog::packet() const
{
    ReferralChoice choice;
    choice.cover = {m_toFacility->text().trimmed(), m_toDoctor->text().trimmed(), m_purpose->text().trimmed(),
                    m_history->toPlainText().trimmed(),
                    m_session ? m_session->facilityName() : QString(), m_session ? m_session->userId() : QString()};
    for (int i = 0; i < kReferralSectionCount; ++i) {
        if (m_sections.at(i)->isChecked() && m_sections.at(i)->isEnabled())
            choice.sections << ReferralSection(i);
    }
    for (int row = 0; row < m_labTests->count(); ++row) {
        if (m_labTests->item(row)->checkState() == Qt::Checked)
            choice.labTests << m_labTests->item(row)->text();
    }
    if (m_keyImages)
        choice.keyImages = m_keyImages->keyImages();
    choice.printedBy = printedBy();
    return buildReferralPacket(m_patient, m_records, m_facilityNames, choice);
}

void ReferralPacketDialog::report(const QString &text, bool error)
{
    m_lastReport = text;
    m_message->showMessage(text, error ? MessageLabel::Tone::Error : MessageLabel::Tone::Neutral);
}

void ReferralPacketDialog::paintOn(QPrinter *printer)
{
    const ReferralWriteResult result = ReferralPacketWriter::paint(packet(), printer);
    if (!result.ok())
        report(result.error, true);
}

void ReferralPacketDialog::showPreview()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setObjectName(QStringLiteral("referralPreview"));
    preview.setWindowTitle(tr("Print preview: referral packet for %1").arg(m_patient.name));
    preview.resize(1000, 820);
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, &ReferralPacketDialog::paintOn);
    // The preview has its own print button: Qt accepts the dialog only after it printed (or
    // wrote a PDF when no printer exists), so an accepted preview is a print to audit.
    if (preview.exec() != QDialog::Accepted)
        return;
    const bool toPdf = printer.outputFormat() == QPrinter::PdfFormat;
    report(toPdf ? tr("Saved the referral packet to %1.").arg(QDir::toNativeSeparators(printer.outputFileName()))
                 : tr("Sent the referral packet to %1.").arg(printer.printerName()),
           false);
    m_audit->record(m_patient.id, toPdf ? PrintAudit::What::PdfExport : PrintAudit::What::Print,
                    packet().sectionNames());
}

void ReferralPacketDialog::print()
{
    if (QPrinterInfo::availablePrinterNames().isEmpty()) {
        report(tr("No printer is set up on this computer. Export a PDF instead, or ask your "
                  "administrator to add a printer."), true);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print referral packet"));
    if (dialog.exec() != QDialog::Accepted)
        return; // cancelled: nothing was printed, nothing to say
    const ReferralPacket p = packet();
    const ReferralWriteResult result = ReferralPacketWriter::paint(p, &printer);
    if (!result.ok()) {
        report(result.error, true);
        return;
    }
    report(tr("Sent %n page(s) to %1.", nullptr, result.pages).arg(printer.printerName()), false);
    m_audit->record(m_patient.id, PrintAudit::What::Print, p.sectionNames());
}

void ReferralPacketDialog::chooseAndExportPdf()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("referral-%1-%2.pdf").arg(m_patient.id, QDate::currentDate().toString(QStringLiteral("yyyyMMdd"))));
    QString path = QFileDialog::getSaveFileName(this, tr("Export referral packet as PDF"), suggested,
                                                tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QLatin1String(".pdf");
    exportPdf(path);
}

ReferralWriteResult ReferralPacketDialog::exportPdf(const QString &path)
{
    const ReferralPacket p = packet();
    const ReferralWriteResult result = ReferralPacketWriter::writePdf(p, path);
    if (!result.ok()) {
        report(result.error, true);
        return result;
    }
    report(tr("Saved %n page(s) to %1.", nullptr, result.pages).arg(QDir::toNativeSeparators(path)), false);
    m_audit->record(m_patient.id, PrintAudit::What::PdfExport, p.sectionNames());
    return result;
}

void ReferralPacketDialog::onAuditNotAvailable()
{
    // The paper is out already; the user must know the trail is missing, but not be stopped.
    m_message->showMessage(m_lastReport + QLatin1Char('\n')
                               + tr("Note: this hub does not record prints yet, so this one is not "
                                    "in the audit trail. Please tell your administrator."),
                           MessageLabel::Tone::Neutral);
}

void ReferralPacketDialog::onAuditFailed(const HubError &error)
{
    m_message->showMessage(m_lastReport + QLatin1Char('\n')
                               + tr("Note: the print could not be recorded in the audit trail: %1")
                                     .arg(error.message),
                           MessageLabel::Tone::Neutral, error.detail);
}
