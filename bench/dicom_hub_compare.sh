#!/bin/bash
# The uncompressed 300-slice CT series over DICOMweb (WADO-RS), fetched by Renkei's
# DicomWebClient and decoded + rendered as it arrives (bench_dicom_decode --dicomweb), from
#   1. the Renkei hub's own /dicomweb/ (HTTPS on loopback, bearer token; a demo network in a
#      temporary folder, the series imported with `renkei-hub import-dicom` and its patient
#      consented to the demo clinic), and
#   2. a local Orthanc + DICOMweb plugin (plain HTTP on loopback, no login),
# one after the other in the same run.
#
# Usage: bench/dicom_hub_compare.sh [BENCH_BINARY] [DATA_DIR] [RUNS] [HUB_BINARY]
#   BENCH_BINARY default build/dicomcore-rel/bench/bench_dicom_decode
#   DATA_DIR     default build/bench-data/dicom-ct300 (made by bench/dicom_make_series.py)
#   HUB_BINARY   default: renkei-hub next to the bench's build (…/hub/renkei-hub)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=${1:-build/dicomcore-rel/bench/bench_dicom_decode}
DATA=${2:-build/bench-data/dicom-ct300}
RUNS=${3:-3}
HUB=${4:-$(dirname "$(dirname "$BENCH")")/hub/renkei-hub}
PY=/usr/bin/python3
SERIES_DIR="$DATA/uncompressed"

[ -x "$BENCH" ] || { echo "build $BENCH first (see bench/README.md)" >&2; exit 1; }
[ -x "$HUB" ] || { echo "build $HUB first (target renkei-hub)" >&2; exit 1; }
[ -f "$SERIES_DIR/ct0300.dcm" ] || { echo "no series in $SERIES_DIR: run bench/dicom_make_series.py" >&2; exit 1; }

tmp=$(mktemp -d)
hub_pid=""
orthanc_pid=""
cleanup() {
    [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null || true
    [ -n "$orthanc_pid" ] && kill "$orthanc_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

read -r study series patient_local < <($PY -c '
import pydicom, sys
d = pydicom.dcmread(sys.argv[1], stop_before_pixels=True)
print(d.StudyInstanceUID, d.SeriesInstanceUID, d.PatientID)' "$SERIES_DIR/ct0001.dcm")

echo "== DICOMweb 1: the Renkei hub (HTTPS on loopback, bearer token)"
$HUB demo --dir "$tmp/hub" > "$tmp/demo.log"
$HUB import-dicom --dir "$tmp/hub" --facility hosp-shinshu "$SERIES_DIR" | tail -1 | sed 's/^/   import: /'
# import-dicom made (or found) the patient by (hosp-shinshu, Patient ID); consent them to the
# demo clinic so that demo-doctor may see the study.
network_id=$($HUB patient list --dir "$tmp/hub" --json | $PY -c '
import json, sys
for p in json.load(sys.stdin):
    if any(i["facility"] == "hosp-shinshu" and i["value"] == sys.argv[1] for i in p["identifiers"]):
        print(p["id"]); break' "$patient_local")
[ -n "$network_id" ] || { echo "import-dicom made no patient for $patient_local" >&2; exit 1; }
$HUB consent grant --dir "$tmp/hub" --patient "$network_id" --facility clinic-azumino > /dev/null
$HUB serve --dir "$tmp/hub" --listen 127.0.0.1:0 > "$tmp/hub.log" 2>&1 &
hub_pid=$!
hub_url=""
for _ in $(seq 150); do
    hub_url=$(sed -n 's/^renkei-hub: listening on \(https:[^ ]*\)$/\1/p' "$tmp/hub.log")
    [ -n "$hub_url" ] && break
    sleep 0.2
done
[ -n "$hub_url" ] || { echo "the hub did not start:" >&2; cat "$tmp/hub.log" >&2; exit 1; }
token=$(curl -sf --cacert "$tmp/hub/ca.pem" -H 'Content-Type: application/json' \
    -d '{"id":"demo-doctor","password":"renkei-demo-2026"}' "${hub_url}auth/login" \
    | $PY -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
count=$(curl -sf --cacert "$tmp/hub/ca.pem" -H "Authorization: Bearer $token" \
    "${hub_url}dicomweb/studies/$study/series/$series/instances" \
    | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))')
# Peer: curl fetching the same WADO-RS response to /dev/null (no parsing, no decoding).
for run in $(seq "$RUNS"); do
    curl -sf --cacert "$tmp/hub/ca.pem" -H "Authorization: Bearer $token" -H 'Accept: multipart/related; type="application/dicom"' \
        -o /dev/null -w "   curl run=$run first_byte_s=%{time_starttransfer} total_s=%{time_total} bytes=%{size_download}\n" \
        "${hub_url}dicomweb/studies/$study/series/$series"
done
echo "-- renkei DicomWebClient → renkei-hub $hub_url (patient $network_id, $count instances listed)"
"$BENCH" --dicomweb "${hub_url}dicomweb/" "$study" "$series" --runs "$RUNS" \
    --token "$token" --ca "$tmp/hub/ca.pem" | sed 's/^/   /'
kill "$hub_pid"; wait "$hub_pid" 2>/dev/null || true; hub_pid=""

echo "== DICOMweb 2: Orthanc (plain HTTP on loopback, no login)"
port=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dport=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$tmp/orthanc.json" <<JSON
{"Name":"bench","StorageDirectory":"$tmp/s","IndexDirectory":"$tmp/s","HttpPort":$port,
 "DicomPort":$dport,"RemoteAccessAllowed":false,"AuthenticationEnabled":false,
 "StorageCompression":false,"SaveJobs":false,
 "Plugins":["/usr/share/orthanc/plugins/libOrthancDicomWeb.so"],
 "DicomWeb":{"Enable":true,"Root":"/dicom-web/"}}
JSON
/usr/sbin/Orthanc "$tmp/orthanc.json" > "$tmp/orthanc.log" 2>&1 &
orthanc_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/system" >/dev/null && break; sleep 0.2; done
printf '%s\n' "$SERIES_DIR"/*.dcm | xargs -P2 -I{} curl -sf -o /dev/null -X POST \
    --data-binary @{} "http://127.0.0.1:$port/instances"
for run in $(seq "$RUNS"); do
    curl -sf -H 'Accept: multipart/related; type="application/dicom"' \
        -o /dev/null -w "   curl run=$run first_byte_s=%{time_starttransfer} total_s=%{time_total} bytes=%{size_download}\n" \
        "http://127.0.0.1:$port/dicom-web/studies/$study/series/$series"
done
echo "-- renkei DicomWebClient → Orthanc $(/usr/sbin/Orthanc --version | head -1 | awk '{print $2}')"
"$BENCH" --dicomweb "http://127.0.0.1:$port/dicom-web/" "$study" "$series" --runs "$RUNS" | sed 's/^/   /'
