#!/usr/bin/env bash
# Runs the test suite N times in a row, each time from a fresh clone of the current commit (no bin/,
# obj/, node_modules or data left over from a previous run), and reports each run's counts; exits 1
# if any run failed. The issue's proof of a stable suite: five runs of the whole suite, ten of the
# viewer's browser tests:
#
#   bash tools/scripts/repeat-tests.sh 5
#   bash tools/scripts/repeat-tests.sh 10 'FullyQualifiedName~GovOpenness.Viewer.Tests'
#
# Arguments: N (runs), then an optional dotnet test filter. Uses tools/scripts/test.sh of the clone,
# so each run starts and stops its own throwaway PostgreSQL (GOVOPENNESS_PG_PORT / _DIR are honoured).
# Uncommitted changes are not tested: commit first. Clones go under $REPEAT_TESTS_DIR (default: a temp folder).
set -euo pipefail

runs="${1:?usage: repeat-tests.sh N [filter]}"
filter="${2:-}"
case "$runs" in ''|*[!0-9]*) echo "repeat-tests.sh: N must be a positive number, got '$runs'" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] || { echo "repeat-tests.sh: N must be at least 1" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/../.." && git rev-parse --show-toplevel)"
commit="$(git -C "$repo" rev-parse HEAD)"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "repeat-tests.sh: note: uncommitted changes are not tested (testing $commit)" >&2
fi
base="${REPEAT_TESTS_DIR:-$(mktemp -d -t govopenness-repeat-XXXXXX)}"
mkdir -p "$base"

args=()
[ -n "$filter" ] && args+=(--filter "$filter")

summary=()
failed_runs=0
for i in $(seq 1 "$runs"); do
  clone="$base/run-$i"
  rm -rf "$clone"
  git clone --quiet --no-local "$repo" "$clone"
  git -C "$clone" checkout --quiet --detach "$commit"
  log="$base/run-$i.log"
  start=$(date +%s)
  status=0
  (cd "$clone" && bash tools/scripts/test.sh "${args[@]}") >"$log" 2>&1 || status=$?
  seconds=$(( $(date +%s) - start ))
  counts="$(grep -E '^Tests: ' "$log" | tail -1 || true)"
  [ -n "$counts" ] || counts="Tests: no counts (build failed?)"
  [ "$status" -eq 0 ] || failed_runs=$((failed_runs + 1))
  line="run $i/$runs: $counts, exit $status, ${seconds}s (log: $log)"
  echo "$line"
  summary+=("$line")
  # Failed tests by name, so a flaky one shows which.
  grep -E '^\s+Failed [A-Za-z]' "$log" | sed 's/^/    /' || true
  # Keep the log, drop the clone's build output (a few hundred MB per run).
  rm -rf "$clone"
done

echo "commit $commit${filter:+, filter $filter}: $((runs - failed_runs)) of $runs runs passed"
for line in "${summary[@]}"; do echo "  $line"; done
[ "$failed_runs" -eq 0 ]
