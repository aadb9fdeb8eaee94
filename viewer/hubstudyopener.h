#pragma once

#include "dicomwebclient.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class HubSession;
class ImageViewerWindow;
struct ClinicalRecord;

namespace Dicom {
class StudyFetch;
}

/// Opens a study the hub holds (an ImagingStudy of the record) in the image viewer: a
/// DICOMweb client on the hub's /dicomweb/ with the session's token and TLS trust, and a
/// Dicom::StudyFetch whose progress, first image, result and failure (with Retry) the window
/// shows. Images stay in memory only. Leaving the viewer stops the fetch, and so does logout.
/// When the hub refuses the token mid-fetch (Failure::Unauthorized), the session is told
/// (HubSession::reportSessionExpired(): the main window's lock screen asks for the password);
/// after the next successful login the fetch continues with the new token and asks only for
/// the instances still missing.
class HubStudyOpener : public QObject
{
    Q_OBJECT

public:
    HubStudyOpener(HubSession *session, ImageViewerWindow *window, QObject *parent = nullptr);
    ~HubStudyOpener() override;

    /// Starts loading @p studyInstanceUid into the window (a load under way is dropped).
    void open(const QString &studyInstanceUid);
    Dicom::StudyFetch *fetch() const { return m_fetch; }
    /// The fetch stopped on a refused token and continues after the next login.
    bool isWaitingForLogin() const { return m_waitingForLogin; }
    /// Stops the fetch and drops the images (logout: nothing of the patient stays).
    void stop();

    /// The hub's DICOMweb service as @p session reaches the hub: base URL + "dicomweb/", its
    /// bearer token, the same CAs (system + the network's), TLS 1.2 or later.
    static Dicom::DicomWebSettings settingsFor(const HubSession &session);
    /// The Study Instance UID of an ImagingStudy record (identifier system urn:dicom:uid,
    /// value urn:oid:…); empty for other records.
    static QString studyInstanceUid(const ClinicalRecord &record);

private:
    void onFetchFailed();
    void onLoginSucceeded();
    void resume();

    QPointer<HubSession> m_session;
    QPointer<ImageViewerWindow> m_window;
    std::unique_ptr<Dicom::DicomWebClient> m_client;
    Dicom::StudyFetch *m_fetch = nullptr;
    /// The token the fetch's current round of requests was sent with: a 401 for an older
    /// token than the session's means a login already happened, not that the session expired.
    QByteArray m_roundToken;
    bool m_waitingForLogin = false;
};
