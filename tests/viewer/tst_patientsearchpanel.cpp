// PatientSearchPanel, headless: hints instead of empty searches, Enter from every field,
// the gender choices, and results / session expiry from a canned HTTPS hub.

#include "cannedhttpsserver.h"
#include "hubsession.h"
#include "patientsearch.h"
#include "patientsearchmodel.h"
#include "patientsearchpanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using Response = CannedHttpsServer::Response;

namespace {
/// Types \a text: key by key when it is ASCII, as one committed IME string otherwise (QTest
/// cannot synthesise key events for kana or kanji).
void typeText(QLineEdit *edit, const QString &text)
{
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        QTest::keyClicks(edit, text);
    else
        edit->insert(text);
}
} // namespace

class tst_PatientSearchPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void hasNamedWidgets();
    void emptyQueryShowsHint();
    void enterSearches_data();
    void enterSearches();
    void enterInGenderComboSearches();
    void malformedBirthDateIsExplained();
    void genderComboData();
    void ctrlFFocusesName();
    void notLoggedInOffersRelogin();
    void resultsFromHub();
    void expiredSessionOffersRelogin();

private:
    template<typename T> T *child(const char *name)
    {
        T *widget = m_panel->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    /// Logs m_session into a canned server answering /fhir/Patient with \a search.
    bool loginToCannedHub(CannedHttpsServer &server, const Response &search);

    std::unique_ptr<HubSession> m_session;
    std::unique_ptr<PatientSearchPanel> m_panel;
};

void tst_PatientSearchPanel::initTestCase()
{
    qRegisterMetaType<PatientQuery>();
}

void tst_PatientSearchPanel::init()
{
    m_session = std::make_unique<HubSession>();
    m_panel = std::make_unique<PatientSearchPanel>(m_session.get());
    m_panel->resize(1000, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void tst_PatientSearchPanel::cleanup()
{
    m_panel.reset();
    m_session.reset();
}

void tst_PatientSearchPanel::hasNamedWidgets()
{
    QCOMPARE(m_panel->objectName(), QStringLiteral("patientSearchPanel"));
    for (const char *name : {"nameEdit", "identifierEdit", "birthDateEdit"})
        QVERIFY(child<QLineEdit>(name));
    QVERIFY(!child<QLineEdit>("birthDateEdit")->placeholderText().isEmpty());
    QVERIFY(child<QComboBox>("genderCombo"));
    QVERIFY(child<QPushButton>("searchButton"));
    QVERIFY(child<QLabel>("statusLabel"));
    auto *view = child<QTableView>("resultView");
    QVERIFY(view->isSortingEnabled());
    QVERIFY(view->alternatingRowColors());
    QCOMPARE(view->selectionBehavior(), QAbstractItemView::SelectRows);
}

void tst_PatientSearchPanel::emptyQueryShowsHint()
{
    QSignalSpy requested(m_panel.get(), &PatientSearchPanel::searchRequested);
    QTest::mouseClick(child<QPushButton>("searchButton"), Qt::LeftButton);
    QCOMPARE(requested.size(), 0);
    QVERIFY(!m_panel->patientSearch()->isBusy());
    const QString hint = child<QLabel>("statusLabel")->text();
    QVERIFY2(hint.contains(QLatin1String("at least one condition")), qPrintable(hint));

    // Spaces are nothing either.
    typeText(child<QLineEdit>("nameEdit"), QStringLiteral("   "));
    QTest::keyClick(child<QLineEdit>("nameEdit"), Qt::Key_Return);
    QCOMPARE(requested.size(), 0);
}

void tst_PatientSearchPanel::enterSearches_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<PatientQuery>("expected");

    QTest::newRow("name") << "nameEdit" << QStringLiteral("やまだ")
                          << PatientQuery{QStringLiteral("やまだ"), {}, {}, {}};
    QTest::newRow("identifier") << "identifierEdit" << "0012345"
                                << PatientQuery{{}, "0012345", {}, {}};
    QTest::newRow("birth date with slashes is normalised")
        << "birthDateEdit" << "1948/3/2" << PatientQuery{{}, {}, "1948-03-02", {}};
    QTest::newRow("birth year") << "birthDateEdit" << "1948" << PatientQuery{{}, {}, "1948", {}};
}

void tst_PatientSearchPanel::enterSearches()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(PatientQuery, expected);

    QSignalSpy requested(m_panel.get(), &PatientSearchPanel::searchRequested);
    auto *edit = m_panel->findChild<QLineEdit *>(field);
    QVERIFY(edit);
    edit->setFocus();
    typeText(edit, typed);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PatientQuery>(), expected);
    if (!expected.birthDate.isEmpty())
        QCOMPARE(child<QLineEdit>("birthDateEdit")->text(), expected.birthDate);
}

void tst_PatientSearchPanel::enterInGenderComboSearches()
{
    QSignalSpy requested(m_panel.get(), &PatientSearchPanel::searchRequested);
    auto *combo = child<QComboBox>("genderCombo");
    combo->setCurrentIndex(combo->findData(QStringLiteral("female")));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<PatientQuery>().gender, QStringLiteral("female"));
}

void tst_PatientSearchPanel::malformedBirthDateIsExplained()
{
    QSignalSpy requested(m_panel.get(), &PatientSearchPanel::searchRequested);
    QTest::keyClicks(child<QLineEdit>("birthDateEdit"), QStringLiteral("1961-02-29"));
    QTest::keyClick(child<QLineEdit>("birthDateEdit"), Qt::Key_Return);
    QCOMPARE(requested.size(), 0);
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QLatin1String("YYYY-MM-DD")));
}

void tst_PatientSearchPanel::genderComboData()
{
    auto *combo = child<QComboBox>("genderCombo");
    QStringList data;
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i) {
        data << combo->itemData(i).toString();
        texts << combo->itemText(i);
    }
    QCOMPARE(data, (QStringList{"", "male", "female", "other", "unknown"}));
    QCOMPARE(texts, (QStringList{"Any", "Male", "Female", "Other", "Unknown"}));
    QCOMPARE(combo->currentIndex(), 0);
}

void tst_PatientSearchPanel::ctrlFFocusesName()
{
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    child<QLineEdit>("identifierEdit")->setFocus();
    QTRY_VERIFY(child<QLineEdit>("identifierEdit")->hasFocus());
    QTest::keyClick(child<QLineEdit>("identifierEdit"), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(child<QLineEdit>("nameEdit")->hasFocus());
}

void tst_PatientSearchPanel::notLoggedInOffersRelogin()
{
    typeText(child<QLineEdit>("nameEdit"), QStringLiteral("山田"));
    QTest::keyClick(child<QLineEdit>("nameEdit"), Qt::Key_Return);
    auto *relogin = child<QPushButton>("reloginButton");
    QTRY_VERIFY(relogin->isVisible());
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QLatin1String("not logged in")));
    QSignalSpy reloginRequested(m_panel.get(), &PatientSearchPanel::reloginRequested);
    QTest::mouseClick(relogin, Qt::LeftButton);
    QCOMPARE(reloginRequested.size(), 1);
}

bool tst_PatientSearchPanel::loginToCannedHub(CannedHttpsServer &server, const Response &search)
{
    if (!server.createCertificate().isEmpty() || !server.listen())
        return false;
    server.setResponse("/auth/login", Response{200, R"({"access_token":"tok","token_type":"Bearer","expires_in":900,"facility":"clinic-azumino","facility_name":"あずみの内科クリニック","user":"demo-doctor"})", "application/json", {}});
    server.setResponse("/fhir/Patient", search);
    if (!m_session->setCaCertificatesFile(server.certificateFile(), nullptr))
        return false;
    m_session->setNetworkUrl(server.baseUrl());
    QSignalSpy succeeded(m_session.get(), &HubSession::loginSucceeded);
    m_session->login(QStringLiteral("demo-doctor"), QStringLiteral("pw"));
    return succeeded.wait(15000);
}

void tst_PatientSearchPanel::resultsFromHub()
{
    const QByteArray bundle = R"({"resourceType":"Bundle","type":"searchset","total":2,"entry":[
        {"resource":{"resourceType":"Patient","id":"p00012","gender":"male","birthDate":"1948-03-02",
          "name":[{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation","valueCode":"IDE"}],"text":"山田 太郎"},
                  {"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation","valueCode":"SYL"}],"text":"ヤマダ タロウ"}]},
         "search":{"mode":"match"}},
        {"resource":{"resourceType":"Patient","id":"p00013","gender":"female","birthDate":"1950-01-01",
          "name":[{"text":"山田 花子"}]},"search":{"mode":"match"}}]})";
    CannedHttpsServer server;
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed");
    QVERIFY(loginToCannedHub(server, Response{200, bundle, "application/fhir+json", {}}));

    typeText(child<QLineEdit>("nameEdit"), QStringLiteral("やまだ"));
    QTest::keyClick(child<QLineEdit>("nameEdit"), Qt::Key_Return);
    QVERIFY(m_panel->patientSearch()->isBusy());
    QCOMPARE(child<QLabel>("statusLabel")->text(), QStringLiteral("Searching…"));

    auto *view = child<QTableView>("resultView");
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 15000);
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QLatin1String("2 patient")));
    QCOMPARE(view->model()->index(0, PatientSearchModel::NameColumn).data().toString(),
             QStringLiteral("山田 太郎"));

    const CannedHttpsServer::Request request = server.requests().last();
    QVERIFY2(request.path.startsWith("/fhir/Patient?name=%E3%82%84%E3%81%BE%E3%81%A0"),
             request.path.constData());
    QVERIFY(request.path.contains("_count="));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tok"));
}

void tst_PatientSearchPanel::expiredSessionOffersRelogin()
{
    CannedHttpsServer server;
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed");
    QVERIFY(loginToCannedHub(server, Response{401, R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"login","diagnostics":"token expired"}]})", "application/fhir+json", {}}));

    QSignalSpy expired(m_session.get(), &HubSession::sessionExpired);
    QTest::keyClicks(child<QLineEdit>("identifierEdit"), QStringLiteral("p00012"));
    QTest::keyClick(child<QLineEdit>("identifierEdit"), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("reloginButton")->isVisible(), 15000);
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QLatin1String("session has expired")));
    QCOMPARE(expired.size(), 1);
    QVERIFY(!m_session->isLoggedIn());
}

QTEST_MAIN(tst_PatientSearchPanel)
#include "tst_patientsearchpanel.moc"
