#!/usr/bin/python3
"""Generates the golden references for tests/dicom from the fixtures, INDEPENDENTLY of
Renkei's code: pydicom 2.3 + numpy (Debian's python3-pydicom, python3-numpy) read the files.

Where pydicom 2.3 has no decoder, the pixel data is first decompressed by a third party:
  - JPEG (baseline/extended/lossless): DCMTK's `dcmdjpeg` (default options, which convert
    lossy YBR_FULL to RGB, as the DCMTK library does);
  - JPEG-LS: DCMTK's `dcmdjpls`;
  - JPEG 2000: pydicom's Pillow handler (Pillow built with OpenJPEG);
  - RLE and deflate: pydicom's own handlers.

Per frame: min, max and mean of the stored values (masked to Bits Stored, sign-extended when
Pixel Representation is 1), min/max after pydicom's apply_modality_lut, and SHA-256 of the
samples as little-endian integers Bits Allocated wide, colour interleaved.

Usage: tests/dicom/golden/make_references.py [FIXTURES_DIR]   (default ../shared/fixtures/dicom)
Writes <fixture name>.json next to this script, and charsets.json.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pydicom
from pydicom.charset import convert_encodings, decode_bytes
from pydicom.pixel_data_handlers.util import apply_modality_lut
from pydicom.valuerep import PersonName

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

JPEG = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
        "1.2.840.10008.1.2.4.70"}
JPEG_LS = {"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"}


def text(ds, keyword):
    value = ds.get(keyword, "")
    if value is None:
        return ""
    if isinstance(value, pydicom.multival.MultiValue):
        return "\\".join(str(v) for v in value)
    return str(value)


def decompressed(path, tmp):
    """Returns (dataset to take pixels from, which tool decompressed it)."""
    ds = pydicom.dcmread(path)
    uid = str(ds.file_meta.TransferSyntaxUID)
    tool = None
    if uid in JPEG:
        tool = "dcmdjpeg"
    elif uid in JPEG_LS:
        tool = "dcmdjpls"
    if tool is None:
        return ds, "pydicom"
    out = os.path.join(tmp, os.path.basename(path))
    subprocess.run([tool, path, out], check=True)
    return pydicom.dcmread(out), tool


def stored_values(ds, arr):
    bits_allocated = int(ds.BitsAllocated)
    bits_stored = int(ds.get("BitsStored", bits_allocated))
    signed = int(ds.get("PixelRepresentation", 0)) == 1
    v = arr.astype(np.int64) & ((1 << bits_stored) - 1)
    if signed:
        v = np.where(v & (1 << (bits_stored - 1)), v - (1 << bits_stored), v)
    dtype = {8: "i1", 16: "i2", 32: "i4"}[bits_allocated] if signed else \
        {8: "u1", 16: "u2", 32: "u4"}[bits_allocated]
    return v, np.ascontiguousarray(v.astype("<" + dtype))


def reference(path, tmp):
    ds = pydicom.dcmread(path)
    has_pixels = "PixelData" in ds
    info = {
        "patientName": text(ds, "PatientName"),
        "patientId": text(ds, "PatientID"),
        "studyInstanceUid": text(ds, "StudyInstanceUID"),
        "seriesInstanceUid": text(ds, "SeriesInstanceUID"),
        "sopInstanceUid": text(ds, "SOPInstanceUID"),
        "modality": text(ds, "Modality"),
        "transferSyntaxUid": str(ds.file_meta.TransferSyntaxUID),
        "rows": int(ds.get("Rows", 0)) if has_pixels else 0,
        "columns": int(ds.get("Columns", 0)) if has_pixels else 0,
        "numberOfFrames": int(ds.get("NumberOfFrames", 1) or 1) if has_pixels else 0,
        "photometricInterpretation": text(ds, "PhotometricInterpretation") if has_pixels else "",
        "bitsAllocated": int(ds.get("BitsAllocated", 0)) if has_pixels else 0,
    }
    result = {"file": os.path.basename(path), "info": info, "hasPixelData": has_pixels,
              "hasWaveform": "WaveformSequence" in ds}
    if not has_pixels:
        return result
    try:
        pix_ds, tool = decompressed(path, tmp)
        arr = pix_ds.pixel_array
    except Exception as e:  # noqa: BLE001 - any failure means "must fail cleanly"
        result["decodeFails"] = True
        result["pydicomError"] = str(e).splitlines()[0]
        return result
    result["decodedWith"] = tool
    result["decodedPhotometricInterpretation"] = str(pix_ds.PhotometricInterpretation)
    frames = info["numberOfFrames"]
    if frames == 1:
        arr = arr[np.newaxis, ...]
    out = []
    for f in range(frames):
        values, raw = stored_values(pix_ds, arr[f])
        modality = apply_modality_lut(values, pix_ds)
        out.append({
            "min": int(values.min()), "max": int(values.max()),
            "mean": float(values.mean()),
            "modalityMin": float(np.min(modality)), "modalityMax": float(np.max(modality)),
            "sha256": hashlib.sha256(raw.tobytes()).hexdigest(),
        })
    result["frames"] = out
    return result


def charset_cases():
    """Raw values for Specific Character Sets, decoded by pydicom (Python's codecs)."""
    cases = []

    def add(name, raw, charset, kind="PN", expected=None):
        encodings = convert_encodings([c.strip() for c in charset.split("\\")])
        if expected is not None:
            pass
        elif kind == "PN":
            expected = str(PersonName(raw, encodings))
        else:
            expected = decode_bytes(raw, encodings, set())
        cases.append({"name": name, "rawHex": raw.hex(), "specificCharacterSet": charset,
                      "kind": kind, "expected": expected})

    jis = lambda s: s.encode("iso2022_jp")  # noqa: E731
    kana = lambda s: s.encode("shift_jis")  # JIS X 0201 katakana bytes 0xA1-0xDF  # noqa: E731
    # PS3.5 H.3.1 and H.3.2: the Yamada examples.
    add("jp_ir87", b"Yamada^Tarou=" + jis("山田") + b"^" + jis("太郎") + b"=" + jis("やまだ")
        + b"^" + jis("たろう"), "\\ISO 2022 IR 87")
    add("jp_ir13_ir87", kana("ﾔﾏﾀﾞ") + b"^" + kana("ﾀﾛｳ") + b"=" + jis("山田") + b"^"
        + jis("太郎") + b"=" + jis("やまだ") + b"^" + jis("たろう"),
        "ISO 2022 IR 13\\ISO 2022 IR 87")
    # The six JIS X 0208 characters where ICU (Qt) maps as Windows CP932 does: Python's codecs
    # follow the JIS table (〜 U+301C, not U+FF5E; − U+2212, not U+FF0D; ...).
    add("jp_ir87_jis_table", jis("薬〜‖−¢£¬"), "\\ISO 2022 IR 87", "LO")
    add("jp_ir13_only", kana("ｱｲｳｴｵ"), "ISO_IR 13", "LO")
    add("jp_ir159", "丂乚".encode("iso2022_jp_1") + b"^" + jis("太郎"),
        "\\ISO 2022 IR 87\\ISO 2022 IR 159")
    add("ko_ir149", b"Hong^Gildong=" + b"\x1b$)C" + "洪".encode("euc_kr") + b"^\x1b$)C"
        + "吉洞".encode("euc_kr") + b"=\x1b$)C" + "홍".encode("euc_kr") + b"^\x1b$)C"
        + "길동".encode("euc_kr"), "\\ISO 2022 IR 149")
    add("zh_gb18030", "Wang^XiaoDong=王^小東".encode("gb18030"), "GB18030")
    add("zh_gbk", "Wang^XiaoDong=王^小东".encode("gbk"), "GBK")
    add("zh_ir58", b"Zhang^XiaoDong=\x1b$)A" + "张".encode("gb2312") + b"^\x1b$)A"
        + "小东".encode("gb2312"), "\\ISO 2022 IR 58",
        # pydicom 2.3 leaves the ESC $ ) A sequences in the text; PS3.5 J.1 gives this value.
        expected="Zhang^XiaoDong=张^小东")
    add("utf8", "Wang^XiaoDong=王^小東".encode("utf-8"), "ISO_IR 192")
    add("latin1", "Buc^Jérôme".encode("latin-1"), "ISO_IR 100")
    add("cyrillic", "Люкceмбypг".encode("iso8859_5"), "ISO_IR 144")
    add("greek", "Διονυσιος".encode("iso8859_7"), "ISO_IR 126")
    add("hebrew", "שרון^דבורה".encode("iso8859_8"), "ISO_IR 138")
    add("thai", "ประเทศไทย".encode("tis_620"), "ISO_IR 166", "LO")
    add("ascii_default", b"Smith^John", "")
    return cases


def main():
    fixtures = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared",
                                                                  "fixtures", "dicom")
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(fixtures)):
            if not name.endswith(".dcm"):
                continue
            path = os.path.join(fixtures, name)
            try:
                ref = reference(path, tmp)
            except Exception as e:  # noqa: BLE001 - unreadable even for pydicom
                ref = {"file": name, "readFails": True, "pydicomError": str(e).splitlines()[0]}
            with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
                json.dump(ref, f, ensure_ascii=False, indent=1, sort_keys=True)
                f.write("\n")
    with open(os.path.join(HERE, "charsets.json"), "w", encoding="utf-8") as f:
        json.dump(charset_cases(), f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
