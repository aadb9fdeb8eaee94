#!/usr/bin/python3
"""Writes charset_sequences.dcm: person names and codes inside sequence items, some items
carrying their own Specific Character Set (0008,0005), for tst_dicom_characterset.

The raw bytes are the encoded examples of DICOM PS3.5 Annex H (Japanese, H.3.1 ISO 2022 IR 87
and H.3.2 ISO 2022 IR 13 + IR 87), Annex I (Korean, I.2 ISO 2022 IR 149) and Annex J
(Chinese, J.3 GB18030), typed in from the standard's byte tables. The expected Unicode strings
are the standard's own renderings of those examples. As an independent check, this script
reads the written file back with pydicom (Debian's python3-pydicom 2.3), which applies the
item-level character sets itself, and fails unless pydicom decodes every value to the
expected string.

Usage: /usr/bin/python3 tests/dicom/data/make_charset_sequences.py
"""
import os

import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

HERE = os.path.dirname(os.path.abspath(__file__))

ESC = b"\x1b"
# PS3.5 H.3.1 (ISO 2022 IR 87)
IR87 = (b"Yamada^Tarou=" + ESC + b"$B;3ED" + ESC + b"(B^" + ESC + b"$BB@O:" + ESC + b"(B="
        + ESC + b"$B$d$^$@" + ESC + b"(B^" + ESC + b"$B$?$m$&" + ESC + b"(B")
IR87_TEXT = "Yamada^Tarou=山田^太郎=やまだ^たろう"
# PS3.5 H.3.2 (ISO 2022 IR 13 \ ISO 2022 IR 87): G0 returns to JIS X 0201 Romaji, ESC ( J
IR13 = (b"\xd4\xcf\xc0\xde^\xc0\xdb\xb3=" + ESC + b"$B;3ED" + ESC + b"(J^" + ESC + b"$BB@O:"
        + ESC + b"(J=" + ESC + b"$B$d$^$@" + ESC + b"(J^" + ESC + b"$B$?$m$&" + ESC + b"(J")
IR13_TEXT = "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"
# PS3.5 I.2 (ISO 2022 IR 149)
IR149 = (b"Hong^Gildong=" + ESC + b"$)C\xfb\xf3^" + ESC + b"$)C\xd1\xce\xd4\xd7="
         + ESC + b"$)C\xc8\xab^" + ESC + b"$)C\xb1\xe6\xb5\xbf")
IR149_TEXT = "Hong^Gildong=洪^吉洞=홍^길동"
# PS3.5 J.3 (GB18030); the trailing empty phonetic group is dropped on decoding
GB18030 = b"Wang^XiaoDong=\xcd\xf5^\xd0\xa1\x96\x7c="
GB18030_TEXT = "Wang^XiaoDong=王^小東"
# Code meanings: short texts in the same sets ("胸部CT" in JIS X 0208 + ASCII, "胸部" in GB18030)
LO87 = ESC + b"$B6;It" + ESC + b"(BCT"
LO87_TEXT = "胸部CT"
LOGB = "胸部".encode("gb18030")
LOGB_TEXT = "胸部"


def item(**elements):
    ds = Dataset()
    for keyword, value in elements.items():
        setattr(ds, keyword, value)
    return ds


def main():
    ds = Dataset()
    ds.SpecificCharacterSet = "\\ISO 2022 IR 87".split("\\")
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    ds.SOPInstanceUID = "1.2.826.0.1.3680043.8.498.1001"
    ds.StudyInstanceUID = "1.2.826.0.1.3680043.8.498.1002"
    ds.SeriesInstanceUID = "1.2.826.0.1.3680043.8.498.1003"
    ds.Modality = "OT"
    ds.PatientID = "CS-SEQ-1"
    ds.PatientName = IR87
    # Procedure Code Sequence: inherits the dataset's IR 87
    ds.ProcedureCodeSequence = Sequence([item(CodeValue="CT-CHEST", CodingSchemeDesignator="99RK",
                                              CodeMeaning=LO87)])
    # Verifying Observer Sequence: item 0 inherits, item 1 declares IR 13 + IR 87
    observer1 = item(VerifyingObserverName=IR13)
    observer1.SpecificCharacterSet = ["ISO 2022 IR 13", "ISO 2022 IR 87"]
    ds.VerifyingObserverSequence = Sequence([item(VerifyingObserverName=IR87), observer1])
    # Request Attributes Sequence: item 0 Korean, item 1 GB18030 with a nested code sequence
    # that inherits GB18030 from item 1 (not IR 87 from the dataset)
    korean = item(RequestedProcedureID="RQ1")
    korean.SpecificCharacterSet = ["", "ISO 2022 IR 149"]
    korean.add_new(0x00321032, "PN", IR149)  # Requesting Physician
    chinese = item(RequestedProcedureID="RQ2")
    chinese.SpecificCharacterSet = "GB18030"
    chinese.add_new(0x00321032, "PN", GB18030)
    chinese.ScheduledProtocolCodeSequence = Sequence([
        item(CodeValue="P1", CodingSchemeDesignator="99RK", CodeMeaning=LOGB)])
    ds.RequestAttributesSequence = Sequence([korean, chinese])

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    out = os.path.join(HERE, "charset_sequences.dcm")
    ds.save_as(out, write_like_original=False)

    # Independent check: pydicom's own decoding of what was written.
    back = pydicom.dcmread(out)
    back.decode()
    checks = [
        (str(back.PatientName), IR87_TEXT),
        (str(back.ProcedureCodeSequence[0].CodeMeaning), LO87_TEXT),
        (str(back.VerifyingObserverSequence[0].VerifyingObserverName), IR87_TEXT),
        (str(back.VerifyingObserverSequence[1].VerifyingObserverName), IR13_TEXT),
        (str(back.RequestAttributesSequence[0][0x00321032].value), IR149_TEXT),
        (str(back.RequestAttributesSequence[1][0x00321032].value).rstrip("="), GB18030_TEXT),
        (str(back.RequestAttributesSequence[1].ScheduledProtocolCodeSequence[0].CodeMeaning),
         LOGB_TEXT),
    ]
    for got, want in checks:
        assert got == want, (got, want)
    print("wrote", out, "- pydicom agrees on", len(checks), "values")


if __name__ == "__main__":
    main()
