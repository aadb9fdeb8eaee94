#!/usr/bin/python3
"""The pydicom + numpy peer of bench_dicom_decode: read every file of a series with pydicom
(Debian's python3-pydicom 2.3; Pillow for JPEG 2000), apply the modality LUT and the file's
window with numpy to 8 bits, on a pool of 2 worker processes (like Renkei's 2 threads).
Prints first_image_ms (first file read + windowed in this process) and full_series_ms.

Usage: bench/dicom_decode_pydicom.py DIR [--runs N]
"""
import os
import resource
import sys
import time
import warnings
from multiprocessing import Pool

import numpy as np
import pydicom

warnings.simplefilter("ignore")  # Pillow's Bits Stored notice for the 16-bit J2K stream


def window(path):
    ds = pydicom.dcmread(path)
    values = ds.pixel_array.astype(np.float32) * float(ds.get("RescaleSlope", 1)) \
        + float(ds.get("RescaleIntercept", 0))
    center, width = float(ds.WindowCenter), float(ds.WindowWidth)
    low = center - 0.5 - (width - 1) / 2  # PS3.3 C.11.2.1.2.1
    image = np.clip((values - low) / (width - 1) * 255.0, 0, 255).astype(np.uint8)
    return image.shape


def main():
    directory = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    files = sorted(os.path.join(directory, f) for f in os.listdir(directory) if f.endswith(".dcm"))
    try:
        window(files[0])
    except Exception as error:  # no decoder for this transfer syntax
        print(f"unsupported: {type(error).__name__}: {str(error).splitlines()[0][:120]}")
        return
    for run in range(1, runs + 1):
        start = time.perf_counter()
        window(files[0])
        first = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        with Pool(2) as pool:
            shapes = pool.map(window, files, chunksize=8)
        full = (time.perf_counter() - start) * 1000
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"run={run} images={len(shapes)} first_image_ms={first:.1f} "
              f"full_series_ms={full:.1f} peak_rss_worker_mib={peak:.1f}", flush=True)


if __name__ == "__main__":
    main()
