#pragma once

#include "hubclient.h"
#include "hubprocess.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

/// Clinical records over the real `renkei-hub`: the demo's generated SS-MIX2 histories (see
/// hub/demohistories.h for what they hold) and the NHO SS-MIX2 sample imported by the test.
/// Base of tst_fhireverything, tst_fhirsearch, tst_fhirdisclosure and tst_fhirdocuments: its
/// initTestCase makes the demo, imports the sample, starts one hub per executable and logs in
/// once as demo-doctor.
class FhirRecordsTest : public QObject
{
    Q_OBJECT

protected:
    static inline const QString kPassword = QStringLiteral("renkei-demo-2026");
    static inline const QString kClinic = QStringLiteral("clinic-azumino");
    static inline const QString kShinshu = QStringLiteral("hosp-shinshu");
    static inline const QString kMatsumoto = QStringLiteral("hosp-matsumoto");
    static inline const QString kObservationCategory = QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category");
    static inline const QString kAllKinds = QStringLiteral("summaries,physician-records,nursing-records,prescriptions,injections,labs,"
                                                           "physiology,radiology,endoscopy,images,diagnoses,allergies");

    using Reply = HubClient::Reply;

    static QJsonObject resourceOf(const QJsonValue &entry);
    /// "Type/id" of a resource.
    static QString key(const QJsonObject &resource);
    static QString source(const QJsonObject &resource);
    /// The clinical date of docs/PROTOCOL.md "Clinical records", per type.
    static QString clinicalDate(const QJsonObject &r);
    static bool hasCoding(const QJsonValue &concepts, const QString &system, const QString &code);
    static bool isLab(const QJsonObject &r);

private slots:
    // Run by QTest for every derived test case.
    void initTestCase();
    void cleanupTestCase();

protected:
    /// GET with the session's token; \a token "-" sends none.
    Reply get(const QString &pathOrUrl, const QString &token = {});
    Reply post(const QString &path, const QByteArray &body);
    /// Every entry of a search or $everything, following next links; fails the test on error.
    QList<QJsonObject> all(const QString &path, int *total = nullptr, int *pages = nullptr);
    QString networkIdOf(const QString &facility, const QString &localId) const;
    QString run(const QStringList &arguments);
    /// "Binary/<id>" of the patient's discharge summary, as its DocumentReference links it.
    QString dischargeSummaryBinaryOf(const QString &patient);

    HubProcess m_hub;
    QNetworkAccessManager m_network;
    QString m_token;
    QJsonArray m_patients;
    QSet<QString> m_consented;
    QString m_fixturePatient; // NHO sample patient 9999013, imported as hosp-shinshu
    QStringList m_historyPatients; // demo patients with a generated history
};
