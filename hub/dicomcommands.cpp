// Image commands: import-dicom, import-dicomweb, facility dicomweb.
#include "dicomcommands.h"

#include "dicomimporter.h"
#include "dicomjson.h"
#include "dicomrepository.h"
#include "dicomwebproxy.h"
#include "facilities.h"
#include "imagingstudy.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QUrl>

namespace {

int importDicom(Invocation &in)
{
    auto store = in.openStoreForImport();
    if (!store)
        return 1;
    DicomImporter importer(*store, in.dir, in.parser.value(QStringLiteral("facility")));
    const auto report = importer.importPaths(in.parser.positionalArguments());
    if (!report)
        return in.fail(report.error());
    if (in.json) {
        in.out << QString::fromUtf8(QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented));
        in.out.flush();
        return 0;
    }
    for (const DicomImportReport::Problem &problem : report->problems)
        in.out << QStringLiteral("%1: %2: %3\n").arg(problem.failed ? QStringLiteral("failed") : QStringLiteral("warning"),
                                                     problem.path, problem.reason);
    in.out << report->summaryLine() << QLatin1Char('\n');
    in.out.flush();
    return 0;
}

int facilityDicomweb(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const QString id = in.parser.value(QStringLiteral("id"));
    const auto facility = FacilityRepository(*store).find(id);
    if (!facility)
        return in.fail(facility.error());
    if (!facility->has_value())
        return in.fail(QStringLiteral("unknown facility '%1'").arg(id));
    DicomRepository repository(*store);
    const int chosen = int(in.parser.isSet(QStringLiteral("url"))) + int(in.parser.isSet(QStringLiteral("show")))
        + int(in.parser.isSet(QStringLiteral("clear")));
    if (chosen != 1)
        return in.fail(QStringLiteral("give exactly one of --url URL, --show, --clear"));
    if (in.parser.isSet(QStringLiteral("show"))) {
        const auto url = repository.endpoint(id);
        if (!url)
            return in.fail(url.error());
        in.out << (url->has_value() ? **url : QStringLiteral("(none: images are stored by the hub)")) << QLatin1Char('\n');
        return 0;
    }
    if (in.parser.isSet(QStringLiteral("clear"))) {
        if (const Status cleared = repository.clearEndpoint(id); !cleared)
            return in.fail(cleared.error());
        in.out << QStringLiteral("facility %1 has no DICOMweb server now\n").arg(id);
        return 0;
    }
    const QString url = in.parser.value(QStringLiteral("url"));
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))
        || parsed.host().isEmpty() || parsed.hasQuery() || parsed.hasFragment() || !parsed.userInfo().isEmpty())
        return in.fail(QStringLiteral("'%1' is not an http(s) base URL such as http://127.0.0.1:8042/dicom-web").arg(url));
    QString base = url;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (const Status set = repository.setEndpoint(id, base); !set)
        return in.fail(set.error());
    in.out << QStringLiteral("facility %1 serves its images from %2\n").arg(id, base);
    return 0;
}

/// Indexes the studies of a facility's DICOMweb server (QIDO-RS) so the hub knows whose they
/// are: one ImagingStudy per study (its series with counts) and a `remote` study row.
int importDicomweb(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return 1;
    const QString facility = in.parser.value(QStringLiteral("facility"));
    const auto endpoint = DicomRepository(*store).endpoint(facility);
    if (!endpoint)
        return in.fail(endpoint.error());
    if (!endpoint->has_value())
        return in.fail(QStringLiteral("facility '%1' has no DICOMweb server (set one with `renkei-hub facility dicomweb --url`)").arg(facility));
    const QString base = **endpoint;

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    int studies = 0, series = 0, failed = 0;
    constexpr int kPage = 100;
    for (int offset = 0;; offset += kPage) {
        QString error;
        const QByteArray body = DicomWebProxy::fetchJson(
            network, base + QStringLiteral("/studies?limit=%1&offset=%2&includefield=00081030&includefield=00080061").arg(kPage).arg(offset), &error);
        if (!error.isEmpty())
            return in.fail(error);
        const QJsonArray page = QJsonDocument::fromJson(body).array();
        for (const QJsonValue &value : page) {
            QJsonObject study = value.toObject();
            study.remove(QStringLiteral("00081190")); // the hub gives its own RetrieveURL
            const QString studyUid = DicomJson::string(study, "0020000D");
            const QString patientId = DicomJson::string(study, "00100020");
            if (studyUid.isEmpty() || patientId.isEmpty()) {
                ++failed;
                in.out << QStringLiteral("failed: study %1: no Study Instance UID or Patient ID\n").arg(studyUid);
                continue;
            }
            const QByteArray seriesBody = DicomWebProxy::fetchJson(network, base + QStringLiteral("/studies/%1/series").arg(studyUid), &error);
            if (!error.isEmpty())
                return in.fail(error);
            ImagingStudyInput input{facility, {}, studyUid, study, {}};
            for (const QJsonValue &s : QJsonDocument::fromJson(seriesBody).array())
                input.series << ImagingSeries{s.toObject(), {}};

            if (const Status begun = store->beginTransaction(); !begun)
                return in.fail(begun.error());
            const auto patient = findOrCreateImagingPatient(*store, facility, patientId, study);
            const auto written = patient ? writeImagingStudy(*store, [&] { input.patient = *patient; return input; }())
                                         : Result<ImagingStudyWritten>(Failure{patient.error()});
            Status stored = written ? DicomRepository(*store).putStudy({facility, studyUid, written->patient, QStringLiteral("remote"),
                                                                       written->id, study})
                                    : Status(Failure{written.error()});
            if (stored)
                stored = store->commit();
            else
                store->rollback();
            if (!stored)
                return in.fail(stored.error());
            for (const QString &note : written->notes)
                in.out << QStringLiteral("warning: study %1: %2\n").arg(studyUid, note);
            ++studies;
            series += int(input.series.size());
        }
        if (page.size() < kPage)
            break;
    }
    in.out << QStringLiteral("indexed %1 studies (%2 series) from %3, failed %4\n").arg(studies).arg(series).arg(base).arg(failed);
    in.out.flush();
    return 0;
}

} // namespace

QList<Command> dicomCommands()
{
    const QCommandLineOption facility(QStringLiteral("facility"), QStringLiteral("The disclosing facility."), QStringLiteral("F"));
    return {
        Command{{QStringLiteral("import-dicom")},
                QStringLiteral("--facility F"),
                QStringLiteral("Store DICOM files (files or folders, recursively) as facility F's images."),
                {facility},
                {QStringLiteral("facility")},
                {QStringLiteral("PATH...")},
                true,
                importDicom},
        Command{{QStringLiteral("import-dicomweb")},
                QStringLiteral("--facility F"),
                QStringLiteral("Index the studies on facility F's own DICOMweb server (see `facility dicomweb`)."),
                {facility},
                {QStringLiteral("facility")},
                {},
                false,
                importDicomweb},
        Command{{QStringLiteral("facility"), QStringLiteral("dicomweb")},
                QStringLiteral("--id F (--url URL | --show | --clear)"),
                QStringLiteral("Sets, shows or clears the facility's own DICOMweb base URL (distributed images)."),
                {QCommandLineOption(QStringLiteral("id"), QStringLiteral("Facility ID."), QStringLiteral("F")),
                 QCommandLineOption(QStringLiteral("url"), QStringLiteral("DICOMweb base URL, e.g. http://127.0.0.1:8042/dicom-web."), QStringLiteral("URL")),
                 QCommandLineOption(QStringLiteral("show"), QStringLiteral("Print the URL.")),
                 QCommandLineOption(QStringLiteral("clear"), QStringLiteral("Remove the URL."))},
                {QStringLiteral("id")},
                {},
                false,
                facilityDicomweb},
    };
}
