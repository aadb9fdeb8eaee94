#!/usr/bin/python3
"""Generates the benchmark CT series for bench_dicom_decode / dicom_decode_compare.sh:
300 axial slices, 512x512, 16-bit (12 bits stored, unsigned, Rescale Intercept -1024), a
synthetic but CT-like phantom (body ellipse of soft tissue, lungs, spine, vessels that move
from slice to slice) plus Gaussian noise (sigma 12 HU), deterministic (fixed seed).

Writes OUT/uncompressed/ (explicit VR little endian, pydicom), then converts it with
  DCMTK dcmcjpeg  (JPEG lossless, process 14 SV1)   -> OUT/jpeg-lossless/
  DCMTK dcmcjpls  (JPEG-LS lossless)                 -> OUT/jpeg-ls/
  Pillow/OpenJPEG (JPEG 2000 reversible 5/3) + pydicom encapsulation -> OUT/j2k/
and checks one slice of each decodes back to the same pixels (pydicom; dcmdjpeg/dcmdjpls
for the JPEG family, which pydicom 2.3 cannot decode without extra plugins).

Usage: bench/dicom_make_series.py OUT [SLICES]
"""
import io
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pydicom
from PIL import Image
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

SIZE = 512
ROOT = "1.2.826.0.1.3680043.8.498.99"


def phantom(z, slices, rng):
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    cx, cy = SIZE / 2, SIZE / 2
    t = z / max(slices - 1, 1)
    hu = np.full((SIZE, SIZE), -1000.0, np.float32)  # air
    body = ((x - cx) / 220) ** 2 + ((y - cy) / (170 + 10 * np.sin(3 * t))) ** 2 <= 1
    hu[body] = 40  # soft tissue
    fat = body & ((((x - cx) / 205) ** 2 + ((y - cy) / 155) ** 2) > 1)
    hu[fat] = -90
    for side in (-1, 1):  # lungs, shrinking towards the ends of the series
        r = 70 * (0.6 + 0.4 * np.sin(np.pi * t))
        lung = ((x - cx - side * 95) / r) ** 2 + ((y - cy + 10) / (1.6 * r)) ** 2 <= 1
        hu[lung] = -850
    spine = ((x - cx) / 28) ** 2 + ((y - cy - 120) / 24) ** 2 <= 1
    hu[spine] = 700
    aorta = ((x - cx - 20 - 10 * t) / 16) ** 2 + ((y - cy - 70) / 16) ** 2 <= 1
    hu[aorta] = 180
    hu += rng.normal(0, 12, hu.shape).astype(np.float32)
    return np.clip(np.rint(hu + 1024), 0, 4095).astype(np.uint16)


def write_slice(args):
    out, z, slices, study, series, frame_of_reference = args
    rng = np.random.default_rng(1000 + z)
    pixels = phantom(z, slices, rng)
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    ds.SOPInstanceUID = f"{ROOT}.3.{z + 1}"
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.FrameOfReferenceUID = frame_of_reference
    ds.Modality = "CT"
    ds.PatientName = "Bench^Phantom=ベンチ^ファントム"
    ds.PatientID = "BENCH-CT"
    ds.StudyDate = "20240115"
    ds.SeriesNumber = 2
    ds.InstanceNumber = z + 1
    ds.ImagePositionPatient = [-250.0, -250.0, -z * 1.25]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [0.9765625, 0.9765625]
    ds.SliceThickness = 1.25
    ds.Rows = SIZE
    ds.Columns = SIZE
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.RescaleIntercept = -1024
    ds.RescaleSlope = 1
    ds.WindowCenter = 40
    ds.WindowWidth = 400
    ds.PixelData = pixels.tobytes()
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    name = f"ct{z + 1:04d}.dcm"
    ds.save_as(os.path.join(out, "uncompressed", name), write_like_original=False)

    # JPEG 2000 lossless: OpenJPEG through Pillow, a raw codestream encapsulated by pydicom.
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="JPEG2000", irreversible=False, no_jp2=True)
    ds.PixelData = encapsulate([buffer.getvalue()])
    ds["PixelData"].is_undefined_length = True
    ds["PixelData"].VR = "OB"
    ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.90"
    ds.is_implicit_VR = False
    ds.save_as(os.path.join(out, "j2k", name), write_like_original=False)
    return name


def main():
    out = os.path.abspath(sys.argv[1])
    slices = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    for sub in ("uncompressed", "jpeg-lossless", "jpeg-ls", "j2k"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    study, series, frame_of_reference = f"{ROOT}.1", f"{ROOT}.2", f"{ROOT}.4"
    with ProcessPoolExecutor(max_workers=2) as pool:
        names = list(pool.map(write_slice, [(out, z, slices, study, series, frame_of_reference)
                                            for z in range(slices)]))
    for tool, sub, options in (("dcmcjpeg", "jpeg-lossless", ["+e1"]),
                               ("dcmcjpls", "jpeg-ls", ["+el"])):
        procs = []
        for name in names:
            procs.append(subprocess.Popen([tool, *options, os.path.join(out, "uncompressed", name),
                                           os.path.join(out, sub, name)]))
            if len(procs) >= 2:
                if procs.pop(0).wait() != 0:
                    sys.exit(f"{tool} failed")
        for p in procs:
            if p.wait() != 0:
                sys.exit(f"{tool} failed")

    # Check: every variant of the middle slice holds the same pixels.
    mid = names[len(names) // 2]
    reference = pydicom.dcmread(os.path.join(out, "uncompressed", mid)).pixel_array
    assert np.array_equal(pydicom.dcmread(os.path.join(out, "j2k", mid)).pixel_array, reference)
    for tool, sub in (("dcmdjpeg", "jpeg-lossless"), ("dcmdjpls", "jpeg-ls")):
        tmp = os.path.join(out, f"check-{sub}.dcm")
        subprocess.run([tool, os.path.join(out, sub, mid), tmp], check=True)
        assert np.array_equal(pydicom.dcmread(tmp).pixel_array, reference), sub
        os.remove(tmp)
    for sub in ("uncompressed", "jpeg-lossless", "jpeg-ls", "j2k"):
        size = sum(os.path.getsize(os.path.join(out, sub, n)) for n in names)
        print(f"{sub}: {len(names)} files, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
