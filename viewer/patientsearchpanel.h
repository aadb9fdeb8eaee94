#pragma once

#include "huberror.h"
#include "patientquery.h"
#include "patientsummary.h"

#include <QWidget>

#include <optional>

class HubSession;
class MessageLabel;
class PatientSearch;
class PatientSearchModel;
class QComboBox;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

/// Search conditions on top, the consented patients found below. Errors and hints appear
/// inline in "statusLabel"; a search never blocks the window.
class PatientSearchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PatientSearchPanel(HubSession *session, QWidget *parent = nullptr);
    ~PatientSearchPanel() override;

    PatientSearchModel *model() const { return m_model; }
    PatientSearch *patientSearch() const { return m_search; }

    /// The query the fields describe, or nullopt with *error when the birth date is malformed.
    std::optional<PatientQuery> currentQuery(QString *error) const;
    /// The patient of the current row, if any.
    std::optional<PatientSummary> currentPatient() const;

public Q_SLOTS:
    /// Starts a search with the fields' conditions; an empty query only shows a hint.
    void startSearch();
    void clearConditions();
    void focusNameField();
    /// Back from a record: the result table, so Enter reopens the same or another patient.
    void focusResults();

Q_SIGNALS:
    /// Emitted right before a valid, non-empty query goes to the hub.
    void searchRequested(const PatientQuery &query);
    /// The session expired and the user asked to log in again.
    void reloginRequested();
    void patientActivated(const PatientSummary &patient);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFinished(const QList<PatientSummary> &patients);
    void onFailed(const HubError &error);
    void setBusy(bool busy);
    QWidget *createConditions();
    void createResultView();

    PatientSearch *m_search = nullptr;
    PatientSearchModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;

    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_identifierEdit = nullptr;
    QLineEdit *m_birthDateEdit = nullptr;
    QComboBox *m_genderCombo = nullptr;
    QPushButton *m_searchButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QPushButton *m_reloginButton = nullptr;
    QProgressBar *m_busyBar = nullptr;
    MessageLabel *m_status = nullptr;
    QTableView *m_resultView = nullptr;
};
