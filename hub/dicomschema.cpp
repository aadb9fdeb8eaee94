#include "dicomschema.h"

#include "store.h"

namespace {

const char *const kDicomSchema[] = {
    // One row per stored instance. The bytes live in DIR/dicom/ (content-addressed by
    // SHA-256); the row is written after the file, in one transaction per file, so a row never
    // names a file that is not complete.
    R"(CREATE TABLE IF NOT EXISTS dicom_instances (
        facility TEXT NOT NULL REFERENCES facilities(id),
        sop_uid TEXT NOT NULL,
        study_uid TEXT NOT NULL,
        series_uid TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size BIGINT NOT NULL,
        file TEXT NOT NULL,
        transfer_syntax TEXT NOT NULL,
        metadata TEXT NOT NULL,
        imported TEXT NOT NULL,
        PRIMARY KEY (facility, sop_uid)))",
    "CREATE INDEX IF NOT EXISTS dicom_instances_by_study ON dicom_instances (facility, study_uid, series_uid)",
    // Every study the hub can answer for, stored here or held by a facility's own DICOMweb
    // server: whose it is (the consent join), and its study-level QIDO attributes.
    R"(CREATE TABLE IF NOT EXISTS dicom_studies (
        facility TEXT NOT NULL REFERENCES facilities(id),
        study_uid TEXT NOT NULL,
        patient TEXT NOT NULL REFERENCES patients(id),
        origin TEXT NOT NULL CHECK (origin IN ('stored', 'remote')),
        resource TEXT NOT NULL,
        attributes TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (facility, study_uid)))",
    "CREATE INDEX IF NOT EXISTS dicom_studies_by_uid ON dicom_studies (study_uid)",
    // "Distributed" mode: a facility's own DICOMweb server (e.g. Orthanc) the hub proxies to.
    R"(CREATE TABLE IF NOT EXISTS dicomweb_endpoints (
        facility TEXT PRIMARY KEY REFERENCES facilities(id),
        url TEXT NOT NULL))",
};

} // namespace

Status ensureDicomSchema(Store &store)
{
    for (const char *statement : kDicomSchema) {
        const auto result = store.exec(QString::fromUtf8(statement));
        if (!result)
            return Failure{QStringLiteral("cannot create the image tables: %1").arg(result.error())};
    }
    return success();
}
