#!/bin/bash
# Decode + window of a 300-slice 512x512 CT series, side by side in one run:
#   Renkei (bench_dicom_decode: SeriesLoader + thread pool, as the viewer),
#   DCMTK's command-line tools (dcmj2pnm / dcml2pnm, one process per file, 2 in parallel),
#   pydicom + numpy (2 worker processes),
# for uncompressed, JPEG lossless, JPEG-LS and JPEG 2000 copies of the same series; then
# Renkei's DicomWebClient fetching the uncompressed series over WADO-RS from the Renkei hub
# and from a local Orthanc (bench/dicom_hub_compare.sh).
#
# Usage: bench/dicom_decode_compare.sh [BENCH_BINARY] [DATA_DIR] [RUNS]
#   BENCH_BINARY default build/dicomcore-rel/bench/bench_dicom_decode
#   DATA_DIR     default build/bench-data/dicom-ct300 (generated on first use, ~320 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=${1:-build/dicomcore-rel/bench/bench_dicom_decode}
DATA=${2:-build/bench-data/dicom-ct300}
RUNS=${3:-3}
PY=/usr/bin/python3
VARIANTS="uncompressed jpeg-lossless jpeg-ls j2k"

[ -x "$BENCH" ] || { echo "build $BENCH first (see bench/README.md)" >&2; exit 1; }
if [ ! -f "$DATA/j2k/ct0300.dcm" ]; then
    echo "== generating the series in $DATA"
    $PY bench/dicom_make_series.py "$DATA" 300
fi
echo "== machine: $(nproc) cores, $(uname -r), $(dcmj2pnm --version 2>/dev/null | head -1)"
du -sh "$DATA"/* | sed 's/^/   /'

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

for v in $VARIANTS; do
    dir="$DATA/$v"
    echo "== $v"
    echo "-- renkei"
    "$BENCH" "$dir" --runs "$RUNS" | sed 's/^/   /'
    echo "-- dcmtk (one process per file, xargs -P2)"
    case $v in
        jpeg-ls) tool=dcml2pnm ;;
        j2k) tool="" ;;
        *) tool=dcmj2pnm ;;
    esac
    if [ -z "$tool" ]; then
        echo "   unsupported: DCMTK 3.6.7 has no JPEG 2000 decoder"
    else
        files=("$dir"/*.dcm)
        first=${files[0]}
        for run in $(seq "$RUNS"); do
            t=$(date +%s%N); $tool +Wi 1 +op "$first" /dev/null; f=$(ms "$t")
            t=$(date +%s%N)
            printf '%s\n' "${files[@]}" | xargs -P2 -I{} $tool +Wi 1 +op {} /dev/null
            echo "   run=$run tool=$tool first_image_ms=$f full_series_ms=$(ms "$t")"
        done
    fi
    echo "-- pydicom + numpy (2 processes)"
    $PY bench/dicom_decode_pydicom.py "$dir" --runs "$RUNS" | sed 's/^/   /'
done

# DICOMweb: the uncompressed series from the Renkei hub and from Orthanc, same run.
bench/dicom_hub_compare.sh "$BENCH" "$DATA" "$RUNS"
