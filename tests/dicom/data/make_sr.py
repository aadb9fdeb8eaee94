#!/usr/bin/python3
"""Writes sr_report.dcm: a small Comprehensive SR (imaging report) in Japanese, Specific
Character Set "\\ISO 2022 IR 87", for tst_dicom_structuredreport and tst_dicom_cli.

Its content tree (what the tests expect, written here as the document's definition):

  Imaging Report                                  CONTAINER  (18748-4, LN)
    Language of Content Item and Descendants: Japanese    HAS CONCEPT MOD CODE
    Person Observer Name: 山田^太郎                        HAS OBS CONTEXT PNAME
    Findings                                      CONTAINS CONTAINER
      Finding: 右肺上葉に結節を認める。                    CONTAINS TEXT
      Diameter: 12.5 mm                           CONTAINS NUM (UCUM mm)
      Finding Site: Upper lobe of right lung      HAS CONCEPT MOD CODE
      Source Image: 1.2.826.0.1.3680043.8.498.2001 frame 3   CONTAINS IMAGE
      Study Date: 2024-01-15                      CONTAINS DATE
    Impressions                                   CONTAINS CONTAINER
      Impression: 肺癌の疑い。                             CONTAINS TEXT

Japanese text is encoded with Python's own iso2022_jp codec. As an independent check the
script runs DCMTK's `dsrdump` on the result, which must accept it as an SR document and show
the number and unit.

Usage: /usr/bin/python3 tests/dicom/data/make_sr.py
"""
import os
import subprocess

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

HERE = os.path.dirname(os.path.abspath(__file__))


def jis(text):
    return text.encode("iso2022_jp")


def code(value, scheme, meaning):
    ds = Dataset()
    ds.CodeValue = value
    ds.CodingSchemeDesignator = scheme
    ds.CodeMeaning = meaning
    return ds


def content(relationship, value_type, name, **values):
    ds = Dataset()
    ds.RelationshipType = relationship
    ds.ValueType = value_type
    ds.ConceptNameCodeSequence = Sequence([code(*name)])
    for keyword, value in values.items():
        setattr(ds, keyword, value)
    return ds


def main():
    ds = Dataset()
    ds.SpecificCharacterSet = ["", "ISO 2022 IR 87"]
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.88.33"  # Comprehensive SR
    ds.SOPInstanceUID = "1.2.826.0.1.3680043.8.498.2100"
    ds.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.2101"
    ds.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.2102"
    ds.Modality = "SR"
    ds.PatientID = "SR-1"
    ds.PatientName = jis("Yamada^Tarou=山田^太郎")
    ds.StudyDate = "20240115"
    ds.ContentDate = "20240116"
    ds.ContentTime = "093000"
    ds.InstanceNumber = 1
    ds.SeriesNumber = 1
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "UNVERIFIED"
    ds.ValueType = "CONTAINER"
    ds.ContinuityOfContent = "SEPARATE"
    ds.ConceptNameCodeSequence = Sequence([code("18748-4", "LN", "Imaging Report")])

    diameter = content("CONTAINS", "NUM", ("81827009", "SCT", "Diameter"))
    measured = Dataset()
    measured.NumericValue = "12.5"
    measured.MeasurementUnitsCodeSequence = Sequence([code("mm", "UCUM", "millimeter")])
    diameter.MeasuredValueSequence = Sequence([measured])
    image = content("CONTAINS", "IMAGE", ("121112", "DCM", "Source Image"))
    ref = Dataset()
    ref.ReferencedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ref.ReferencedSOPInstanceUID = "1.2.826.0.1.3680043.8.498.2001"
    ref.ReferencedFrameNumber = "3"
    image.ReferencedSOPSequence = Sequence([ref])

    findings = content("CONTAINS", "CONTAINER", ("121070", "DCM", "Findings"),
                       ContinuityOfContent="SEPARATE")
    findings.ContentSequence = Sequence([
        content("CONTAINS", "TEXT", ("121071", "DCM", "Finding"),
                TextValue=jis("右肺上葉に結節を認める。")),
        diameter,
        content("HAS CONCEPT MOD", "CODE", ("363698007", "SCT", "Finding Site"),
                ConceptCodeSequence=Sequence([code("45653009", "SCT",
                                                   "Upper lobe of right lung")])),
        image,
        content("CONTAINS", "DATE", ("111060", "DCM", "Study Date"), Date="20240115"),
    ])
    impressions = content("CONTAINS", "CONTAINER", ("121072", "DCM", "Impressions"),
                          ContinuityOfContent="SEPARATE")
    impressions.ContentSequence = Sequence([
        content("CONTAINS", "TEXT", ("121073", "DCM", "Impression"),
                TextValue=jis("肺癌の疑い。")),
    ])
    ds.ContentSequence = Sequence([
        content("HAS CONCEPT MOD", "CODE",
                ("121049", "DCM", "Language of Content Item and Descendants"),
                ConceptCodeSequence=Sequence([code("ja", "RFC5646", "Japanese")])),
        content("HAS OBS CONTEXT", "PNAME", ("121008", "DCM", "Person Observer Name"),
                PersonName=jis("山田^太郎")),
        findings,
        impressions,
    ])

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    out = os.path.join(HERE, "sr_report.dcm")
    ds.save_as(out, write_like_original=False)

    dump = subprocess.run(["dsrdump", out], check=True, capture_output=True).stdout
    assert b'"12.5" (mm,UCUM' in dump and b"Upper lobe of right lung" in dump, dump
    print("wrote", out, "- dsrdump reads it")


if __name__ == "__main__":
    main()
