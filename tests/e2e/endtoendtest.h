#pragma once

#include "hubprocess.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class HubSession;
class LoginDialog;
class MainWindow;
class PatientRecordView;

struct DemoPatient
{
    QString id;
    QString name;
    QString kana;
};

QString familyName(const QString &fullName);
/// Types the network, ID and password into a shown login dialog and clicks its login button.
void fillAndSubmit(LoginDialog &dialog, const QUrl &url, const QString &id, const QString &password);
/// Logs \a id in through a shown LoginDialog at \a network, trusting only \a caFile; nullptr
/// when that fails within 20 s.
std::unique_ptr<HubSession> logInThroughDialog(const QString &caFile, const QUrl &network, const QString &id,
                                               const QString &password);
/// Searches the main window for \a identifier (by name too when given) and returns the patient
/// IDs it shows, or "<error: …>" when the search failed.
QStringList searchPatients(MainWindow &window, const QString &name, const QString &identifier = {});
/// Finds \a patientId in the main window's search, opens the record and waits for its
/// $everything; nullptr when any step fails.
PatientRecordView *openRecordById(MainWindow &window, const QString &patientId);

/// Drives the viewer's widgets against a real renkei-hub (demo network, TLS with its own CA,
/// free loopback port). Which patients are consented comes from the hub's own administration
/// commands, so every expectation is independent of the viewer's output. Base of
/// tst_e2eloginsearch, tst_e2erecord and tst_e2elock: its initTestCase starts one hub per
/// executable.
class EndToEndTest : public QObject
{
    Q_OBJECT

protected:
    static inline const QString kClinic = QStringLiteral("clinic-azumino");
    static inline const QString kDemoPassword = QStringLiteral("renkei-demo-2026");

private slots:
    // Run by QTest for every derived test case.
    void initTestCase();
    void cleanupTestCase();

protected:
    std::unique_ptr<HubSession> loggedInSession(const QString &user = QStringLiteral("demo-doctor"));
    /// Adds a login account of the clinic through the hub's command line (password kDemoPassword).
    bool addClinicUser(const QString &id);
    PatientRecordView *openRecord(MainWindow &window, const QString &patientId);
    QStringList search(MainWindow &window, const QString &name, const QString &identifier = {});

    HubProcess m_hub;
    QList<DemoPatient> m_patients;
    QSet<QString> m_consented; // active consent for the clinic
};
