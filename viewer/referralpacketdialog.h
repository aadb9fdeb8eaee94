#pragma once

#include "clinicalrecord.h"
#include "huberror.h"
#include "patientsummary.h"
#include "referralpacket.h"
#include "referralpacketwriter.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class HubSession;
class KeyImages;
class MessageLabel;
class PrintAudit;
class QCheckBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPrinter;

/// Puts a referral packet (紹介状セット) together: the cover letter's fields, which sections
/// go in, which lab tests; then print preview, printing or PDF export. Every print and export
/// is reported to the hub's audit trail; problems show inline, never in a modal box.
class ReferralPacketDialog : public QDialog
{
    Q_OBJECT

public:
    ReferralPacketDialog(HubSession *session, const PatientSummary &patient,
                         const QList<ClinicalRecord> &records,
                         const QHash<QString, QString> &facilityNames, QWidget *parent = nullptr,
                         KeyImages *keyImages = nullptr);
    ~ReferralPacketDialog() override;

    /// The packet as the dialog's fields and check boxes say, printed now by the user.
    ReferralPacket packet() const;
    /// Writes the packet to \a path (what "Export PDF…" does after asking for the path).
    ReferralWriteResult exportPdf(const QString &path);
    MessageLabel *message() const { return m_message; }
    PrintAudit *audit() const { return m_audit; }

    void showPreview();
    void print();
    void chooseAndExportPdf();

private:
    QWidget *createCoverFields();
    QWidget *createSections();
    QString printedBy() const;
    void paintOn(QPrinter *printer);
    void report(const QString &text, bool error);
    void onAuditNotAvailable();
    void onAuditFailed(const HubError &error);

    QPointer<HubSession> m_session;
    PatientSummary m_patient;
    QList<ClinicalRecord> m_records;
    QHash<QString, QString> m_facilityNames;
    QPointer<KeyImages> m_keyImages; ///< the session's marked images; may be absent
    PrintAudit *m_audit = nullptr;

    QLineEdit *m_toFacility = nullptr;
    QLineEdit *m_toDoctor = nullptr;
    QLineEdit *m_purpose = nullptr;
    QPlainTextEdit *m_history = nullptr;
    QList<QCheckBox *> m_sections; ///< by int(ReferralSection)
    QListWidget *m_labTests = nullptr;
    MessageLabel *m_message = nullptr;
    QString m_lastReport;
};
