#include "endtoendtest.h"

#include "everythingfetch.h"
#include "hubsession.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "patientrecordview.h"
#include "patientsearch.h"
#include "patientsearchmodel.h"
#include "patientsearchpanel.h"

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

QString familyName(const QString &fullName)
{
    return fullName.section(QLatin1Char(' '), 0, 0);
}

void fillAndSubmit(LoginDialog &dialog, const QUrl &url, const QString &id, const QString &password)
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

void EndToEndTest::initTestCase()
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

void EndToEndTest::cleanupTestCase()
{
    m_hub.stop();
}

bool EndToEndTest::addClinicUser(const QString &id)
{
    QString error;
    m_hub.run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--facility"), kClinic, QStringLiteral("--id"), id,
               QStringLiteral("--password-stdin")}, &error, kDemoPassword.toUtf8() + '\n');
    if (!error.isEmpty())
        qWarning().noquote() << "user add" << id << "failed:" << error;
    return error.isEmpty();
}

std::unique_ptr<HubSession> logInThroughDialog(const QString &caFile, const QUrl &network, const QString &id,
                                               const QString &password)
{
    auto session = std::make_unique<HubSession>();
    QString error;
    if (!session->setCaCertificatesFile(caFile, &error))
        return nullptr;
    LoginDialog dialog(session.get());
    dialog.show();
    fillAndSubmit(dialog, network, id, password);
    if (!QTest::qWaitFor([&] { return session->isLoggedIn(); }, 20'000))
        return nullptr;
    return session;
}

std::unique_ptr<HubSession> EndToEndTest::loggedInSession(const QString &user)
{
    return logInThroughDialog(m_hub.caFile(), m_hub.baseUrl(), user, kDemoPassword);
}

QStringList searchPatients(MainWindow &window, const QString &name, const QString &identifier)
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

// Searches the patient by ID, activates the result row with Enter and waits for the record
// view to finish loading; nullptr if any step fails.
QStringList EndToEndTest::search(MainWindow &window, const QString &name, const QString &identifier)
{
    return searchPatients(window, name, identifier);
}

PatientRecordView *openRecordById(MainWindow &window, const QString &patientId)
{
    if (searchPatients(window, QString(), patientId) != QStringList{patientId})
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

PatientRecordView *EndToEndTest::openRecord(MainWindow &window, const QString &patientId)
{
    return openRecordById(window, patientId);
}
