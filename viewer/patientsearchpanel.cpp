#include "patientsearchpanel.h"

#include "messagelabel.h"
#include "patientsearch.h"
#include "patientsearchmodel.h"

#include <QComboBox>
#include <QDate>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

PatientSearchPanel::PatientSearchPanel(HubSession *session, QWidget *parent)
    : QWidget(parent)
    , m_search(new PatientSearch(session, this))
    , m_model(new PatientSearchModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("patientSearchPanel"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PatientSearchModel::SortRole);
    m_proxy->setSortLocaleAware(true);

    m_status = new MessageLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));

    m_reloginButton = new QPushButton(tr("Log in again"), this);
    m_reloginButton->setObjectName(QStringLiteral("reloginButton"));
    m_reloginButton->hide();
    connect(m_reloginButton, &QPushButton::clicked, this, &PatientSearchPanel::reloginRequested);

    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedSize(120, 6);
    m_busyBar->hide();

    createResultView();

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_busyBar, 0, Qt::AlignVCenter);
    statusRow->addWidget(m_reloginButton, 0, Qt::AlignVCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 6);
    layout->setSpacing(8);
    layout->addWidget(createConditions());
    layout->addLayout(statusRow);
    layout->addWidget(m_resultView, 1);

    connect(m_search, &PatientSearch::finished, this, &PatientSearchPanel::onFinished);
    connect(m_search, &PatientSearch::failed, this, &PatientSearchPanel::onFailed);

    // Window-wide, so Ctrl+F works from the result table too.
    auto *find = new QShortcut(QKeySequence::Find, this, this, &PatientSearchPanel::focusNameField);
    find->setContext(Qt::WindowShortcut);

    m_status->showMessage(tr("Enter a name, patient ID or date of birth and press Enter. Only "
                             "patients who consented to share their records with your "
                             "facility are found."),
                          MessageLabel::Tone::Neutral);
}

PatientSearchPanel::~PatientSearchPanel() = default;

QWidget *PatientSearchPanel::createConditions()
{
    auto *box = new QGroupBox(tr("Patient search"), this);

    m_nameEdit = new QLineEdit(box);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. 山田 or ヤマダ"));
    m_nameEdit->setClearButtonEnabled(true);

    m_identifierEdit = new QLineEdit(box);
    m_identifierEdit->setObjectName(QStringLiteral("identifierEdit"));
    m_identifierEdit->setPlaceholderText(tr("Network or hospital ID"));
    m_identifierEdit->setClearButtonEnabled(true);

    m_birthDateEdit = new QLineEdit(box);
    m_birthDateEdit->setObjectName(QStringLiteral("birthDateEdit"));
    m_birthDateEdit->setPlaceholderText(tr("YYYY-MM-DD, YYYY-MM or YYYY"));
    m_birthDateEdit->setClearButtonEnabled(true);
    m_birthDateEdit->setMaxLength(10);

    m_genderCombo = new QComboBox(box);
    m_genderCombo->setObjectName(QStringLiteral("genderCombo"));
    m_genderCombo->addItem(tr("Any"), QString());
    m_genderCombo->addItem(PatientSearchModel::sexText(QStringLiteral("male")), QStringLiteral("male"));
    m_genderCombo->addItem(PatientSearchModel::sexText(QStringLiteral("female")), QStringLiteral("female"));
    m_genderCombo->addItem(PatientSearchModel::sexText(QStringLiteral("other")), QStringLiteral("other"));
    m_genderCombo->addItem(PatientSearchModel::sexText(QStringLiteral("unknown")), QStringLiteral("unknown"));
    m_genderCombo->installEventFilter(this);

    m_searchButton = new QPushButton(tr("Search"), box);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    m_searchButton->setMinimumWidth(96);
    m_searchButton->setToolTip(tr("Search (Enter)"));
    m_clearButton = new QPushButton(tr("Clear"), box);
    m_clearButton->setObjectName(QStringLiteral("clearButton"));

    auto label = [box](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, box);
        l->setBuddy(buddy);
        return l;
    };

    auto *grid = new QGridLayout(box);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(8);
    grid->addWidget(label(tr("&Name / kana:"), m_nameEdit), 0, 0);
    grid->addWidget(m_nameEdit, 0, 1);
    grid->addWidget(label(tr("Patient &ID:"), m_identifierEdit), 0, 2);
    grid->addWidget(m_identifierEdit, 0, 3);
    grid->addWidget(label(tr("Date of &birth:"), m_birthDateEdit), 1, 0);
    grid->addWidget(m_birthDateEdit, 1, 1);
    grid->addWidget(label(tr("&Sex:"), m_genderCombo), 1, 2);
    grid->addWidget(m_genderCombo, 1, 3, Qt::AlignLeft);
    grid->addWidget(m_searchButton, 0, 4);
    grid->addWidget(m_clearButton, 1, 4);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);

    for (QLineEdit *edit : {m_nameEdit, m_identifierEdit, m_birthDateEdit})
        connect(edit, &QLineEdit::returnPressed, this, &PatientSearchPanel::startSearch);
    connect(m_searchButton, &QPushButton::clicked, this, &PatientSearchPanel::startSearch);
    connect(m_clearButton, &QPushButton::clicked, this, &PatientSearchPanel::clearConditions);
    return box;
}

void PatientSearchPanel::createResultView()
{
    m_resultView = new QTableView(this);
    m_resultView->setObjectName(QStringLiteral("resultView"));
    m_resultView->setModel(m_proxy);
    m_resultView->setSortingEnabled(true);
    // The hub answers in kana order; keep that until the user clicks a header.
    m_resultView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_proxy->sort(-1);
    m_resultView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultView->setAlternatingRowColors(true);
    m_resultView->setWordWrap(false);
    m_resultView->verticalHeader()->hide();
    m_resultView->horizontalHeader()->setStretchLastSection(true);
    m_resultView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_resultView->horizontalHeader()->setHighlightSections(false);
    // Widths from translated sample texts, so neither language clips the usual values.
    const QFontMetrics metrics(font());
    const auto widthFor = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 24; // cell margins and a little air
    };
    m_resultView->setColumnWidth(PatientSearchModel::NameColumn, widthFor(QStringLiteral("山田山田 太郎太郎")));
    m_resultView->setColumnWidth(PatientSearchModel::KanaColumn, widthFor(QStringLiteral("ヤマダヤマ タロウタロウ")));
    m_resultView->setColumnWidth(PatientSearchModel::PatientIdColumn, widthFor(QStringLiteral("p0000000000")));
    m_resultView->setColumnWidth(
        PatientSearchModel::BirthDateColumn,
        widthFor(PatientSearchModel::birthDateText(QDate(2000, 12, 28), QDate(2100, 12, 31))));
    m_resultView->setColumnWidth(
        PatientSearchModel::SexColumn,
        qMax(widthFor(PatientSearchModel::sexText(QStringLiteral("unknown"))),
             widthFor(PatientSearchModel::sexText(QStringLiteral("female")))));

    connect(m_resultView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT patientActivated(m_model->patient(m_proxy->mapToSource(index)));
    });
}

std::optional<PatientQuery> PatientSearchPanel::currentQuery(QString *error) const
{
    const std::optional<QString> birthDate = normalizeBirthDate(m_birthDateEdit->text());
    if (!birthDate) {
        if (error)
            *error = tr("Enter the date of birth as YYYY-MM-DD, YYYY-MM or YYYY "
                        "(for example 1948-03-02).");
        return std::nullopt;
    }
    PatientQuery query;
    query.name = m_nameEdit->text().trimmed();
    query.identifier = m_identifierEdit->text().trimmed();
    query.birthDate = *birthDate;
    query.gender = m_genderCombo->currentData().toString();
    return query;
}

std::optional<PatientSummary> PatientSearchPanel::currentPatient() const
{
    const QModelIndex index = m_resultView->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return m_model->patient(m_proxy->mapToSource(index));
}

void PatientSearchPanel::startSearch()
{
    m_reloginButton->hide();
    QString error;
    const std::optional<PatientQuery> query = currentQuery(&error);
    if (!query) {
        m_status->showMessage(error, MessageLabel::Tone::Error);
        m_birthDateEdit->setFocus();
        return;
    }
    if (query->isEmpty()) {
        m_status->showMessage(tr("Enter at least one condition: name, patient ID, date of birth "
                                 "or sex."),
                              MessageLabel::Tone::Neutral);
        m_nameEdit->setFocus();
        return;
    }
    // Show the normalised form, so the user sees what was searched for.
    if (m_birthDateEdit->text() != query->birthDate)
        m_birthDateEdit->setText(query->birthDate);

    Q_EMIT searchRequested(*query);
    setBusy(true);
    m_status->showMessage(tr("Searching…"), MessageLabel::Tone::Busy);
    m_search->search(*query);
}

void PatientSearchPanel::clearConditions()
{
    m_search->cancel();
    setBusy(false);
    m_nameEdit->clear();
    m_identifierEdit->clear();
    m_birthDateEdit->clear();
    m_genderCombo->setCurrentIndex(0);
    m_model->clear();
    m_status->clearMessage();
    m_reloginButton->hide();
    m_nameEdit->setFocus();
}

void PatientSearchPanel::focusResults()
{
    if (m_proxy->rowCount() > 0)
        m_resultView->setFocus(Qt::OtherFocusReason);
    else
        focusNameField();
}

void PatientSearchPanel::focusNameField()
{
    m_nameEdit->setFocus(Qt::ShortcutFocusReason);
    m_nameEdit->selectAll();
}

bool PatientSearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    // A closed combo box swallows Enter; searching from it is what the user means.
    if (watched == m_genderCombo && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !m_genderCombo->view()->isVisible()) {
            startSearch();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PatientSearchPanel::onFinished(const QList<PatientSummary> &patients)
{
    setBusy(false);
    m_model->setPatients(patients);
    if (patients.isEmpty()) {
        m_status->showMessage(tr("No patient matched. Only patients who consented to share "
                                 "with your facility can be found."),
                              MessageLabel::Tone::Neutral);
        return;
    }
    QString text = tr("%n patient(s) found.", nullptr, int(patients.size()));
    if (m_search->lastTotal() > patients.size())
        text += QLatin1Char(' ')
            + tr("Showing the first %1 of %2; please narrow the conditions.")
                  .arg(patients.size())
                  .arg(m_search->lastTotal());
    m_status->showMessage(text, MessageLabel::Tone::Neutral);
}

void PatientSearchPanel::onFailed(const HubError &error)
{
    setBusy(false);
    m_model->clear();
    m_status->showMessage(error.message, MessageLabel::Tone::Error, error.detail);
    m_reloginButton->setVisible(error.kind == HubError::Kind::SessionExpired);
}

void PatientSearchPanel::setBusy(bool busy)
{
    m_busyBar->setVisible(busy);
    m_resultView->setEnabled(!busy);
    if (busy)
        m_resultView->setCursor(Qt::BusyCursor);
    else
        m_resultView->unsetCursor();
}
