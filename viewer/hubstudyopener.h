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
/// shows. Images stay in memory only. Leaving the viewer stops the fetch.
class HubStudyOpener : public QObject
{
    Q_OBJECT

public:
    HubStudyOpener(HubSession *session, ImageViewerWindow *window, QObject *parent = nullptr);
    ~HubStudyOpener() override;

    /// Starts loading @p studyInstanceUid into the window (a load under way is dropped).
    void open(const QString &studyInstanceUid);
    Dicom::StudyFetch *fetch() const { return m_fetch; }

    /// The hub's DICOMweb service as @p session reaches the hub: base URL + "dicomweb/", its
    /// bearer token, the same CAs (system + the network's), TLS 1.2 or later.
    static Dicom::DicomWebSettings settingsFor(const HubSession &session);
    /// The Study Instance UID of an ImagingStudy record (identifier system urn:dicom:uid,
    /// value urn:oid:…); empty for other records.
    static QString studyInstanceUid(const ClinicalRecord &record);

private:
    QPointer<HubSession> m_session;
    QPointer<ImageViewerWindow> m_window;
    std::unique_ptr<Dicom::DicomWebClient> m_client;
    Dicom::StudyFetch *m_fetch = nullptr;
};
