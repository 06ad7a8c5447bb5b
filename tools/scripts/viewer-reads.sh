#!/bin/bash
# How much a page of children summaries (GET /api/bodies/{id}/children/summaries) costs against its
# baseline, the same page of children without summaries (GET /api/bodies/{id}?take=50), on a running
# server: the first (cold, activating the children's progress grains) and the mean of 30 warm requests.
# Usage: tools/scripts/viewer-reads.sh [BASE_URL] BODY_ID...   (needs curl, bc, python3)
set -euo pipefail
base=http://127.0.0.1:5080
if [[ "${1:-}" == http* ]]; then base=$1; shift; fi
rounds=30
time_of() { curl -s -o /dev/null -w '%{time_total}' "$1"; }
for id in "$@"; do
  children=$(curl -s "$base/api/bodies/$id?take=50" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["children"]))')
  cold=$(time_of "$base/api/bodies/$id/children/summaries?year=2022&take=50")
  page=0; summaries=0
  for _ in $(seq $rounds); do
    page=$(echo "$page + $(time_of "$base/api/bodies/$id?take=50")" | bc -l)
    summaries=$(echo "$summaries + $(time_of "$base/api/bodies/$id/children/summaries?year=2022&take=50")" | bc -l)
  done
  printf "%s: %s children, cold %.1f ms; warm: body page %.2f ms, summaries page %.2f ms (%.1f× the body page)\n" \
    "$id" "$children" "$(echo "$cold*1000" | bc -l)" "$(echo "$page/$rounds*1000" | bc -l)" \
    "$(echo "$summaries/$rounds*1000" | bc -l)" "$(echo "$summaries/$page" | bc -l)"
done
