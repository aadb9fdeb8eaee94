// Drives the viewer's login dialog and patient search against a real renkei-hub (demo network,
// TLS with its own CA, free loopback port). Which patients are consented comes from the hub's
// own administration commands, so every expectation is independent of the viewer's output.

#include "hubprocess.h"
#include "hubsession.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "patientsearch.h"
#include "patientsearchmodel.h"
#include "patientsearchpanel.h"
#include "patientrecordview.h"
#include "clinicalrecord.h"
#include "../../hub/demodocuments.h" // the demo network's discharge summaries
#include "documentfetch.h"
#include "documentview.h"
#include "encryptedcache.h"
#include "everythingfetch.h"
#include "recordcalendar.h"
#include "timelinewidget.h"
#include "labresultsmodel.h"
#include "timelinemodel.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTcpServer>
#include <QtTest>

namespace {

const QString kClinic = QStringLiteral("clinic-azumino");
const QString kDemoPassword = QStringLiteral("renkei-demo-2026");

struct DemoPatient
{
    QString id;
    QString name;
    QString kana;
};

QString familyName(const QString &fullName)
{
    return fullName.section(QLatin1Char(' '), 0, 0);
}

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void untrustedCertificateIsRefused();
    void unreachableHubIsReported();
    void wrongPasswordIsReported();
    void repeatedFailuresLockTheAccount();
    void rightPasswordLogsIn();
    void searchFindsExactlyTheConsentedPatients_data();
    void searchFindsExactlyTheConsentedPatients();
    void nonConsentedPatientIsNeverVisible();
    void withdrawnConsentDisappearsOnNextSearch();
    void idleLockHidesDataUntilThePasswordIsGiven();
    void recordViewShowsTheSharedHistory();
    void dischargeSummaryIsReadableAndCachedEncrypted();
    void newSinceLastViewComesFromTheHub();
    void expiredSessionResumesWhereTheUserWas();
    void recordClosesWhenConsentIsWithdrawn();

private:
    std::unique_ptr<HubSession> loggedInSession(const QString &user = QStringLiteral("demo-doctor"));
    /// Adds a login account of the clinic through the hub's command line (password kDemoPassword).
    bool addClinicUser(const QString &id);
    int auditCount(const QString &action, const QString &outcome) const;
    PatientRecordView *openRecord(MainWindow &window, const QString &patientId);
    QStringList search(MainWindow &window, const QString &name, const QString &identifier = {});

    HubProcess m_hub;
    QList<DemoPatient> m_patients;
    QSet<QString> m_consented; // active consent for the clinic
};

void TestEndToEnd::initTestCase()
{
    QString error = m_hub.createDemo();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = m_hub.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QJsonArray patients = m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &value : patients) {
        const QJsonObject p = value.toObject();
        m_patients.append({p.value(QLatin1String("id")).toString(), p.value(QLatin1String("name")).toString(),
                           p.value(QLatin1String("kana")).toString()});
    }
    QVERIFY2(m_patients.size() >= 200, "the demo network must hold at least 200 patients");

    const QJsonArray consents = m_hub.runJson({QStringLiteral("consent"), QStringLiteral("list")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const QJsonValue &value : consents) {
        const QJsonObject c = value.toObject();
        if (c.value(QLatin1String("facility")).toString() == kClinic
            && c.value(QLatin1String("status")).toString() == QLatin1String("active"))
            m_consented.insert(c.value(QLatin1String("patient")).toString());
    }
    QVERIFY(!m_consented.isEmpty());
    QVERIFY2(m_consented.size() < m_patients.size(), "only part of the patients may consent");
}

void TestEndToEnd::cleanupTestCase()
{
    m_hub.stop();
}

static void fillAndSubmit(LoginDialog &dialog, const QUrl &url, const QString &id, const QString &password)
{
    auto *networkEdit = dialog.findChild<QLineEdit *>(QStringLiteral("networkEdit"));
    auto *idEdit = dialog.findChild<QLineEdit *>(QStringLiteral("idEdit"));
    auto *passwordEdit = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *loginButton = dialog.findChild<QPushButton *>(QStringLiteral("loginButton"));
    QVERIFY(networkEdit && idEdit && passwordEdit && loginButton);
    networkEdit->setText(url.toString());
    idEdit->setText(id);
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    QTRY_VERIFY(loginButton->isEnabled());
    QTest::mouseClick(loginButton, Qt::LeftButton);
}

// A shown login dialog on its own session, recording every failure the session reports.
struct LoginUnderTest
{
    /// \a caFile: the CA to trust besides the system's; empty trusts only the system CAs.
    explicit LoginUnderTest(const QString &caFile)
    {
        if (!caFile.isEmpty())
            caLoaded = session.setCaCertificatesFile(caFile, &caError);
        dialog.show();
    }

    /// Submits and waits for the session's answer; returns the failure, or Kind::None.
    HubError submit(const QUrl &url, const QString &id, const QString &password)
    {
        const int before = failed.count();
        fillAndSubmit(dialog, url, id, password);
        if (!QTest::qWaitFor([&] { return failed.count() > before || session.isLoggedIn(); }, 20'000)) {
            HubError timedOut;
            timedOut.kind = HubError::Kind::ProtocolError;
            timedOut.message = QStringLiteral("no answer within 20 s");
            return timedOut;
        }
        return failed.count() > before ? failed.last().at(0).value<HubError>() : HubError{};
    }

    QString message() const
    {
        const auto *label = dialog.findChild<QLabel *>(QStringLiteral("loginMessage"));
        return label && label->isVisible() ? label->text() : QString();
    }

    HubSession session;
    LoginDialog dialog{&session};
    QSignalSpy failed{&session, &HubSession::loginFailed};
    bool caLoaded = true;
    QString caError;
};

void TestEndToEnd::untrustedCertificateIsRefused()
{
    LoginUnderTest login({}); // the demo network's own CA is not trusted here
    const HubError error = login.submit(m_hub.baseUrl(), QStringLiteral("demo-doctor"), kDemoPassword);
    QCOMPARE(error.kind, HubError::Kind::UntrustedCertificate);
    QVERIFY(!login.session.isLoggedIn());
    QVERIFY(!login.message().isEmpty());
    QVERIFY(login.dialog.result() != QDialog::Accepted);
}

void TestEndToEnd::unreachableHubIsReported()
{
    QTcpServer closed; // bind then close: a loopback port nobody listens on
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();

    LoginUnderTest login(m_hub.caFile());
    const HubError error = login.submit(QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(port)),
                                        QStringLiteral("demo-doctor"), kDemoPassword);
    QCOMPARE(error.kind, HubError::Kind::Unreachable);
    QVERIFY(!login.message().isEmpty());
}

void TestEndToEnd::wrongPasswordIsReported()
{
    LoginUnderTest login(m_hub.caFile());
    QVERIFY2(login.caLoaded, qPrintable(login.caError));
    const HubError error = login.submit(m_hub.baseUrl(), QStringLiteral("demo-doctor"),
                                        QStringLiteral("not-the-password-123"));
    QCOMPARE(error.kind, HubError::Kind::WrongCredentials);
    QVERIFY(!login.session.isLoggedIn());
    QVERIFY(!login.message().isEmpty());
}

void TestEndToEnd::repeatedFailuresLockTheAccount()
{
    // demo-nurse is used only here, so its lock does not disturb the other cases.
    LoginUnderTest login(m_hub.caFile());
    QVERIFY2(login.caLoaded, qPrintable(login.caError));
    // PROTOCOL.md: the 5th consecutive failure locks the ID, and that answer already says so.
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const HubError error = login.submit(m_hub.baseUrl(), QStringLiteral("demo-nurse"),
                                            QStringLiteral("wrong-password-%1x").arg(attempt));
        QCOMPARE(error.kind, attempt < 5 ? HubError::Kind::WrongCredentials : HubError::Kind::AccountLocked);
    }
    // Locked now: even the right password is refused, and the user is told why.
    const HubError locked = login.submit(m_hub.baseUrl(), QStringLiteral("demo-nurse"), kDemoPassword);
    QCOMPARE(locked.kind, HubError::Kind::AccountLocked);
    QVERIFY(locked.retryAfterSeconds > 0);
    QVERIFY(!login.session.isLoggedIn());
    QVERIFY(!login.message().isEmpty());
}

bool TestEndToEnd::addClinicUser(const QString &id)
{
    QString error;
    m_hub.run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--facility"), kClinic, QStringLiteral("--id"), id,
               QStringLiteral("--password-stdin")}, &error, kDemoPassword.toUtf8() + '\n');
    if (!error.isEmpty())
        qWarning().noquote() << "user add" << id << "failed:" << error;
    return error.isEmpty();
}

std::unique_ptr<HubSession> TestEndToEnd::loggedInSession(const QString &user)
{
    auto session = std::make_unique<HubSession>();
    QString error;
    if (!session->setCaCertificatesFile(m_hub.caFile(), &error))
        return nullptr;
    LoginDialog dialog(session.get());
    dialog.show();
    fillAndSubmit(dialog, m_hub.baseUrl(), user, kDemoPassword);
    if (!QTest::qWaitFor([&] { return session->isLoggedIn(); }, 20'000))
        return nullptr;
    return session;
}

void TestEndToEnd::rightPasswordLogsIn()
{
    LoginUnderTest login(m_hub.caFile());
    QVERIFY2(login.caLoaded, qPrintable(login.caError));
    QSignalSpy succeeded(&login.session, &HubSession::loginSucceeded);
    const HubError error = login.submit(m_hub.baseUrl(), QStringLiteral("demo-doctor"), kDemoPassword);
    QCOMPARE(error.kind, HubError::Kind::None);
    QCOMPARE(succeeded.count(), 1);
    QCOMPARE(login.session.userId(), QStringLiteral("demo-doctor"));
    QCOMPARE(login.session.facilityId(), kClinic);
    QTRY_COMPARE(login.dialog.result(), int(QDialog::Accepted));
}

// Returns the patient IDs the result view shows after searching, or "<error: …>" when the
// search failed.
QStringList TestEndToEnd::search(MainWindow &window, const QString &name, const QString &identifier)
{
    auto *panel = window.findChild<PatientSearchPanel *>(QStringLiteral("patientSearchPanel"));
    auto *nameEdit = window.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *identifierEdit = window.findChild<QLineEdit *>(QStringLiteral("identifierEdit"));
    auto *view = window.findChild<QTableView *>(QStringLiteral("resultView"));
    if (!panel || !nameEdit || !identifierEdit || !view)
        return {QStringLiteral("<missing widget>")};

    QSignalSpy finished(panel->patientSearch(), &PatientSearch::finished);
    QSignalSpy failed(panel->patientSearch(), &PatientSearch::failed);
    nameEdit->setText(name);
    identifierEdit->setText(identifier);
    QTest::keyClick(nameEdit, Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, 20'000))
        return {QStringLiteral("<error: no answer>")};
    if (!failed.isEmpty())
        return {QStringLiteral("<error: %1>").arg(failed.at(0).at(0).value<HubError>().message)};

    QStringList ids;
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(PatientSearchModel::PatientIdRole).toString();
    return ids;
}

void TestEndToEnd::searchFindsExactlyTheConsentedPatients_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("form"); // which name form the expectation is computed from

    // The family names of the demo's first patient, in each written form the hub folds.
    QTest::newRow("kanji family name") << QStringLiteral("kanji") << QString();
    QTest::newRow("katakana family name") << QStringLiteral("kana") << QString();
    QTest::newRow("hiragana family name") << QStringLiteral("hiragana") << QString();
}

void TestEndToEnd::searchFindsExactlyTheConsentedPatients()
{
    QFETCH(QString, query);

    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Take a consented patient, search by its family name; the hub must return exactly the
    // consented patients whose name (or kana) contains it — computed here from the CLI lists.
    DemoPatient target;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        if (m_consented.contains(p.id)) {
            target = p;
            break;
        }
    }
    QVERIFY(!target.id.isEmpty());

    QString text;
    bool byKana = true;
    if (query == QLatin1String("kanji")) {
        text = familyName(target.name);
        byKana = false;
    } else if (query == QLatin1String("kana")) {
        text = familyName(target.kana);
    } else {
        // Katakana → hiragana by the fixed Unicode offset (U+30A1..U+30F6 ↔ U+3041..U+3096).
        for (QChar c : familyName(target.kana))
            text += (c.unicode() >= 0x30A1 && c.unicode() <= 0x30F6) ? QChar(c.unicode() - 0x60) : c;
    }
    const QString needle = byKana ? familyName(target.kana) : text;

    QSet<QString> expected;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        const QString haystack = QString(byKana ? p.kana : p.name).remove(QLatin1Char(' '));
        if (m_consented.contains(p.id) && haystack.contains(needle))
            expected.insert(p.id);
    }
    // A kanji query may also match a kana reading and vice versa only if scripts overlap; they don't.
    const QStringList shown = search(window, text);
    QVERIFY2(!shown.isEmpty(), qPrintable(QStringLiteral("no result for %1").arg(text)));
    QCOMPARE(QSet<QString>(shown.cbegin(), shown.cend()), expected);
}

void TestEndToEnd::nonConsentedPatientIsNeverVisible()
{
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();

    DemoPatient hidden;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        if (!m_consented.contains(p.id)) {
            hidden = p;
            break;
        }
    }
    QVERIFY(!hidden.id.isEmpty());

    // Searched for directly, by ID and by name, it is simply not found (not an error).
    QCOMPARE(search(window, QString(), hidden.id), QStringList());
    // Searches that do return others never include it: every row shown is a consented patient.
    for (const QString &name : {hidden.name, familyName(hidden.kana), familyName(hidden.name)}) {
        const QStringList shown = search(window, name);
        QVERIFY(!shown.contains(hidden.id));
        for (const QString &id : shown)
            QVERIFY2(m_consented.contains(id), qPrintable(id + QStringLiteral(" is shown without consent")));
    }
}

void TestEndToEnd::withdrawnConsentDisappearsOnNextSearch()
{
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();

    DemoPatient target;
    for (auto it = m_patients.crbegin(); it != m_patients.crend(); ++it) {
        if (m_consented.contains(it->id)) {
            target = *it;
            break;
        }
    }
    QVERIFY(!target.id.isEmpty());
    QVERIFY(search(window, QString(), target.id).contains(target.id));

    QString error;
    m_hub.run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), target.id,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_consented.remove(target.id);

    QCOMPARE(search(window, QString(), target.id), QStringList());
    const QStringList byName = search(window, target.name);
    QVERIFY2(!byName.join(QString()).startsWith(QLatin1Char('<')), qPrintable(byName.join(QLatin1Char(' '))));
    QVERIFY(!byName.contains(target.id));
}

int TestEndToEnd::auditCount(const QString &action, const QString &outcome) const
{
    int count = 0;
    const QJsonArray rows = m_hub.runJson({QStringLiteral("audit"), QStringLiteral("list")});
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        if (row.value(QLatin1String("action")).toString() == action
            && row.value(QLatin1String("outcome")).toString() == outcome
            && row.value(QLatin1String("user")).toString() == QLatin1String("demo-doctor"))
            ++count;
    }
    return count;
}

void TestEndToEnd::idleLockHidesDataUntilThePasswordIsGiven()
{
    using namespace std::chrono_literals;
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *panel = window.findChild<PatientSearchPanel *>(QStringLiteral("patientSearchPanel"));
    auto *lockScreen = window.findChild<QWidget *>(QStringLiteral("lockScreen"));
    auto *passwordEdit = window.findChild<QLineEdit *>(QStringLiteral("lockPasswordEdit"));
    auto *unlockButton = window.findChild<QPushButton *>(QStringLiteral("unlockButton"));
    auto *message = window.findChild<QLabel *>(QStringLiteral("lockMessage"));
    QVERIFY(panel && lockScreen && passwordEdit && unlockButton && message);
    QString consentedName;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        if (m_consented.contains(p.id)) {
            consentedName = p.name;
            break;
        }
    }
    QVERIFY(!search(window, consentedName).isEmpty());

    const int logoutsBefore = auditCount(QStringLiteral("logout"), QStringLiteral("success"));
    window.setIdleLockTimeout(300ms);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 5'000);
    QVERIFY(lockScreen->isVisible());
    QVERIFY(!panel->isVisible());
    QVERIFY(!session->isLoggedIn());
    // Locking revokes the token on the hub, not only in the viewer.
    QTRY_COMPARE_WITH_TIMEOUT(auditCount(QStringLiteral("logout"), QStringLiteral("success")),
                              logoutsBefore + 1, 10'000);

    // A wrong password keeps it locked and says why.
    QTest::keyClicks(passwordEdit, QStringLiteral("not-the-password-123"));
    QTest::mouseClick(unlockButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty() && unlockButton->isEnabled(), 20'000);
    QVERIFY(window.isLocked());
    QVERIFY(!panel->isVisible());

    // The right one continues where the user left off.
    QTest::keyClicks(passwordEdit, kDemoPassword);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), 20'000);
    QVERIFY(session->isLoggedIn());
    QVERIFY(panel->isVisible());
    window.setIdleLockTimeout(MainWindow::kDefaultIdleLock);
    QVERIFY(!search(window, consentedName).isEmpty());
}

// Searches the patient by ID, activates the result row with Enter and waits for the record
// view to finish loading; nullptr if any step fails.
PatientRecordView *TestEndToEnd::openRecord(MainWindow &window, const QString &patientId)
{
    if (search(window, QString(), patientId) != QStringList{patientId})
        return nullptr;
    auto *view = window.findChild<QTableView *>(QStringLiteral("resultView"));
    auto *record = window.findChild<PatientRecordView *>(QStringLiteral("patientRecordView"));
    if (!view || !record)
        return nullptr;
    QSignalSpy finished(record->fetch(), &EverythingFetch::finished);
    QSignalSpy failed(record->fetch(), &EverythingFetch::failed);
    view->setFocus();
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, 30'000) || !failed.isEmpty())
        return nullptr;
    return record;
}

void TestEndToEnd::recordViewShowsTheSharedHistory()
{
    // p00001 has the demo history that hub/demohistories.h documents: diagnoses E11.9, I10,
    // E78.5 at the outpatient hospital and J18.9 for the admission; one allergy; admission and
    // discharge (ADT-22, ADT-52); drips on the first three days (two a day); 8 labs a visit with
    // HbA1c drifting above its range (H); a 12-lead ECG.
    const QString patientId = QStringLiteral("p00001");
    QVERIFY(m_consented.contains(patientId));
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    PatientRecordView *record = openRecord(window, patientId);
    QVERIFY2(record, "the record view did not load");
    QVERIFY(record->isVisible());
    QCOMPARE(record->patient().id, patientId);

    QHash<ClinicalRecord::Kind, int> perKind;
    QSet<QString> facilities;
    const TimelineModel *timeline = record->timelineModel();
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const QModelIndex index = timeline->index(row, 0);
        ++perKind[ClinicalRecord::Kind(index.data(TimelineModel::KindRole).toInt())];
        facilities.insert(index.data(TimelineModel::FacilityRole).toString());
    }
    QCOMPARE(perKind.value(ClinicalRecord::Kind::Diagnoses), 4);
    QCOMPARE(perKind.value(ClinicalRecord::Kind::Allergies), 1);
    QCOMPARE(perKind.value(ClinicalRecord::Kind::Admissions), 2);
    QCOMPARE(perKind.value(ClinicalRecord::Kind::Injections), 6);
    QVERIFY(perKind.value(ClinicalRecord::Kind::Prescriptions) > 0);
    QVERIFY(perKind.value(ClinicalRecord::Kind::Physiology) > 0);
    QVERIFY(perKind.value(ClinicalRecord::Kind::Labs) >= 8);

    // The marks name the facilities that hold the patient, as the hub's own patient list says.
    QSet<QString> holders;
    QString error;
    for (const QJsonValue &value : m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error)) {
        if (value.toObject().value(QLatin1String("id")).toString() != patientId)
            continue;
        for (const QJsonValue &identifier : value.toObject().value(QLatin1String("identifiers")).toArray())
            holders.insert(identifier.toObject().value(QLatin1String("facility")).toString());
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(facilities, holders);

    // The lab table has HbA1c with at least one result flagged high.
    const QAbstractItemModel *labs = record->labModel();
    int hba1cRow = -1;
    for (int row = 0; row < labs->rowCount(); ++row) {
        if (labs->index(row, 0).data().toString().contains(QLatin1String("HbA1c")))
            hba1cRow = row;
    }
    QVERIFY2(hba1cRow >= 0, "no HbA1c row in the lab table");
    bool high = false;
    for (int column = 0; column < labs->columnCount(); ++column)
        high = high || labs->index(hba1cRow, column).data().toString().endsWith(QLatin1String(" H"));
    QVERIFY2(high, "no HbA1c result flagged H");
}

void TestEndToEnd::dischargeSummaryIsReadableAndCachedEncrypted()
{
    // hub/demohistories.h: p00001's admission has a discharge summary (CDA R2, LOINC 18842-5)
    // with the sections and fixed texts of hub/demodocuments.h.
    const QString patientId = QStringLiteral("p00001");
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    auto window = std::make_unique<MainWindow>(session.get());
    window->show();
    PatientRecordView *record = openRecord(*window, patientId);
    QVERIFY2(record, "the record view did not load");
    const TimelineModel *model = record->timelineModel();
    int summaryRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const ClinicalRecord &r = model->record(row);
        if (r.resourceType == QLatin1String("DocumentReference") && r.raw.value(QLatin1String("type")).toObject()
                .value(QLatin1String("coding")).toArray().at(0).toObject().value(QLatin1String("code")).toString() == u"18842-5")
            summaryRow = row;
    }
    QVERIFY2(summaryRow >= 0, "no discharge summary in p00001's record");
    QCOMPARE(model->record(summaryRow).kind, ClinicalRecord::Kind::Documents);
    record->timeline()->selectRow(summaryRow);
    QCOMPARE(record->currentDetailPage(), QStringLiteral("documentView"));
    DocumentView *document = record->documentView();
    QTRY_COMPARE_WITH_TIMEOUT(document->currentPage(), QStringLiteral("text"), 20'000);
    const QString text = document->text();
    qsizetype at = 0;
    for (const char *section : DemoDocuments::kSections) {
        const qsizetype found = text.indexOf(QString::fromUtf8(section), at);
        QVERIFY2(found >= at, section);
        at = found;
    }
    QVERIFY(text.contains(QString::fromUtf8(DemoDocuments::kDiagnosisText)));
    QVERIFY(text.contains(QString::fromUtf8(DemoDocuments::kMedicationText)));
    QVERIFY(text.contains(QString::fromUtf8(DemoDocuments::kConditionText)));
    QVERIFY(text.contains(QStringLiteral("セフトリアキソン")));

    // The Binary is in the session's cache, encrypted: the patient's name (as the hub lists
    // it) and the section texts are nowhere on disk in clear.
    EncryptedCache *cache = window->cache();
    QVERIFY(cache && cache->isOpen());
    const QString attachmentUrl = model->record(summaryRow).raw.value(QLatin1String("content")).toArray().at(0)
                                      .toObject().value(QLatin1String("attachment")).toObject()
                                      .value(QLatin1String("url")).toString();
    QVERIFY(cache->contains(attachmentUrl));
    QString name;
    for (const DemoPatient &p : std::as_const(m_patients)) {
        if (p.id == patientId)
            name = familyName(p.name);
    }
    QVERIFY(!name.isEmpty());
    const QString directory = cache->directory();
    int files = 0;
    for (QDirIterator it(directory, QDir::Files | QDir::Hidden); it.hasNext();) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(name.toUtf8()), "the patient's name is on disk in clear");
        QVERIFY(!bytes.contains(QByteArray(DemoDocuments::kConditionText)));
        QVERIFY(!bytes.contains("ClinicalDocument"));
        ++files;
    }
    QVERIFY(files >= 1);
    // Logging out wipes it.
    QSignalSpy loggedOut(session.get(), &HubSession::loggedOut);
    window->logout();
    QTRY_COMPARE_WITH_TIMEOUT(loggedOut.count(), 1, 20'000);
    QVERIFY(!cache->isOpen());
    QVERIFY(!QFileInfo::exists(directory));
}

void TestEndToEnd::newSinceLastViewComesFromTheHub()
{
    // A new user of the clinic opens p00002 for the first time: nothing is "new".
    // Then the hospital sends a new diagnosis (import-fhir); her next look marks exactly it.
    const QString patientId = QStringLiteral("p00002");
    QVERIFY(m_consented.contains(patientId));
    QVERIFY(addClinicUser(QStringLiteral("e2e-new-records")));
    auto session = loggedInSession(QStringLiteral("e2e-new-records"));
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    PatientRecordView *record = openRecord(window, patientId);
    QVERIFY2(record, "the record view did not load");
    QVERIFY(!record->timelineModel()->lastViewed().isValid());
    QCOMPARE(record->timelineModel()->newCount(), 0);
    auto *newLabel = record->findChild<QLabel *>(QStringLiteral("patientNewRecords"));
    QVERIFY(newLabel && !newLabel->isVisible());

    // The new record: a Condition for p00002 from one of its disclosing hospitals.
    QString error;
    QString facility;
    QString localId;
    for (const QJsonValue &value : m_hub.runJson({QStringLiteral("patient"), QStringLiteral("list")}, &error)) {
        if (value.toObject().value(QLatin1String("id")).toString() != patientId)
            continue;
        const QJsonObject identifier = value.toObject().value(QLatin1String("identifiers")).toArray().at(0).toObject();
        facility = identifier.value(QLatin1String("facility")).toString();
        localId = identifier.value(QLatin1String("value")).toString();
    }
    QVERIFY2(!facility.isEmpty() && !localId.isEmpty(), qPrintable(error));
    QTemporaryDir dir;
    QFile bundle(dir.filePath(QStringLiteral("new-condition.json")));
    QVERIFY(bundle.open(QIODevice::WriteOnly));
    bundle.write(QJsonDocument(QJsonObject{
        {QStringLiteral("resourceType"), QStringLiteral("Bundle")}, {QStringLiteral("type"), QStringLiteral("collection")},
        {QStringLiteral("entry"), QJsonArray{
            QJsonObject{{QStringLiteral("fullUrl"), QStringLiteral("urn:uuid:9f1c2d3e-0000-4000-8000-000000000001")},
                        {QStringLiteral("resource"), QJsonObject{
                            {QStringLiteral("resourceType"), QStringLiteral("Patient")},
                            {QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:e2e:local")},
                                                                                  {QStringLiteral("value"), localId}}}}}}},
            QJsonObject{{QStringLiteral("fullUrl"), QStringLiteral("urn:uuid:9f1c2d3e-0000-4000-8000-000000000002")},
                        {QStringLiteral("resource"), QJsonObject{
                            {QStringLiteral("resourceType"), QStringLiteral("Condition")},
                            {QStringLiteral("id"), QStringLiteral("e2e-new-condition")},
                            {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("urn:uuid:9f1c2d3e-0000-4000-8000-000000000001")}}},
                            {QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), QStringLiteral("急性上気道炎")}}},
                            {QStringLiteral("onsetDateTime"), QStringLiteral("2026-11-20")}}}}}}})
                     .toJson());
    bundle.close();
    m_hub.run({QStringLiteral("import-fhir"), QStringLiteral("--facility"), facility, bundle.fileName()}, &error);
    if (!error.isEmpty())
        QSKIP(qPrintable(QStringLiteral("import-fhir could not add the new record: ") + error));

    QSignalSpy newFinished(record->newRecordsFetch(), &EverythingFetch::finished);
    record->reload();
    QTRY_COMPARE_WITH_TIMEOUT(newFinished.count(), 1, 30'000);
    const TimelineModel *model = record->timelineModel();
    QVERIFY(model->lastViewed().isValid());
    QStringList newTitles;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->isNew(row))
            newTitles << model->record(row).title;
    }
    QCOMPARE(newTitles, QStringList{QStringLiteral("急性上気道炎")});
    QVERIFY(newLabel->isVisible());
    QVERIFY2(newLabel->text().contains(QLatin1String("1")), qPrintable(newLabel->text()));
}

void TestEndToEnd::expiredSessionResumesWhereTheUserWas()
{
    // The hub stops accepting the token mid-session (an administrator's lock does that to
    // every token of the user); the viewer asks for the password on its lock screen and,
    // once the account is usable again, continues on the same record.
    const QString patientId = QStringLiteral("p00001");
    QVERIFY(addClinicUser(QStringLiteral("e2e-expiry")));
    auto session = loggedInSession(QStringLiteral("e2e-expiry"));
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    PatientRecordView *record = openRecord(window, patientId);
    QVERIFY2(record, "the record view did not load");
    int labRow = -1;
    for (int row = 0; row < record->timelineModel()->rowCount() && labRow < 0; ++row) {
        if (record->timelineModel()->record(row).kind == ClinicalRecord::Kind::Labs)
            labRow = row;
    }
    QVERIFY(labRow >= 0);
    const QString labId = record->timelineModel()->record(labRow).id;
    record->timeline()->selectRow(labRow);

    QString error;
    m_hub.run({QStringLiteral("user"), QStringLiteral("lock"), QStringLiteral("--id"), QStringLiteral("e2e-expiry")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSignalSpy expired(session.get(), &HubSession::sessionExpired);
    record->reload(); // the next request meets the refused token
    QTRY_COMPARE_WITH_TIMEOUT(expired.count(), 1, 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 5'000);
    QVERIFY(!record->isVisible()); // no patient data behind the prompt
    m_hub.run({QStringLiteral("user"), QStringLiteral("unlock"), QStringLiteral("--id"), QStringLiteral("e2e-expiry")}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    auto *passwordEdit = window.findChild<QLineEdit *>(QStringLiteral("lockPasswordEdit"));
    QVERIFY(passwordEdit);
    QSignalSpy finished(record->fetch(), &EverythingFetch::finished);
    QTest::keyClicks(passwordEdit, kDemoPassword);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), 20'000);
    QVERIFY(session->isLoggedIn());
    QCOMPARE(session->userId(), QStringLiteral("e2e-expiry"));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 30'000);
    QVERIFY(record->isVisible());
    QCOMPARE(record->patient().id, patientId);
    QVERIFY(record->timelineModel()->rowCount() > 0);
    const int selected = record->timeline()->selectedRow();
    QVERIFY(selected >= 0);
    QCOMPARE(record->timelineModel()->record(selected).id, labId);
    QCOMPARE(record->currentDetailPage(), QStringLiteral("labTable"));
}

void TestEndToEnd::recordClosesWhenConsentIsWithdrawn()
{
    const QString patientId = QStringLiteral("p00001");
    auto session = loggedInSession();
    QVERIFY2(session, "login failed");
    MainWindow window(session.get());
    window.show();
    PatientRecordView *record = openRecord(window, patientId);
    QVERIFY2(record, "the record view did not load");
    QVERIFY(record->timelineModel()->rowCount() > 0);
    const PatientSummary patient = record->patient();

    QString error;
    m_hub.run({QStringLiteral("consent"), QStringLiteral("withdraw"), QStringLiteral("--patient"), patientId,
               QStringLiteral("--facility"), kClinic}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_consented.remove(patientId);

    // The next request for the record learns it; the record closes with an explanation.
    QSignalSpy failed(record->fetch(), &EverythingFetch::failed);
    record->openPatient(patient);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20'000);
    QCOMPARE(failed.at(0).at(0).value<HubError>().kind, HubError::Kind::NotFound);
    QCOMPARE(record->timelineModel()->rowCount(), 0);
    auto *status = record->findChild<QLabel *>(QStringLiteral("recordStatus"));
    QVERIFY(status && !status->text().isEmpty());
}

QTEST_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
