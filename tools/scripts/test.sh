#!/usr/bin/env bash
# Runs every test in the solution. Installs what the integration tests need first (idempotent):
# a throwaway PostgreSQL server for the storage tests, stopped again however the run ends, and
# Debian's Chromium for the viewer's browser tests.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The viewer's browser tests drive Debian's Chromium (never a downloaded browser); a CJK font makes
# their screenshots readable; docker-compose validates the compose file. Installed only when missing.
if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q . || ! command -v docker-compose >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk docker-compose >/dev/null
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

eval "$(bash tools/scripts/postgres.sh start)"
trap 'bash tools/scripts/postgres.sh stop' EXIT

# The compose file must stay valid (Debian's docker-compose package; no Docker engine is needed).
docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml: valid"
# Every silo comes back by itself after a failed start (three silos, each with a restart policy).
[ "$(docker-compose -f docker-compose.yml config | grep -c 'restart: unless-stopped')" -eq 3 ] \
  || { echo "docker-compose.yml: every silo needs restart: unless-stopped" >&2; exit 1; }

log="$(mktemp)"
status=0
dotnet test GovOpenness.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# The fault suite's short form (issue 11): three silo processes of the Release server built above on
# this PostgreSQL, one prefecture (吕梁市), two SIGKILLs, one SIGTERM (the silo must drain and exit 0)
# and one PostgreSQL crash at seeded points.
# GOVOPENNESS_SKIP_FAULTS=1 skips it (e.g. when filtering tests).
if [ "${GOVOPENNESS_SKIP_FAULTS:-}" != "1" ]; then
  dotnet run -c Release --project tools/GovOpenness.FaultSuite -- \
    --runs 1 --silos 3 --root 1411 --kills 2 --stops 1 --pg-restarts 1 --steps 160 --fault-seconds 25 --converge-seconds 120 \
    ${GOVOPENNESS_FAULT_SEED:+--seed "$GOVOPENNESS_FAULT_SEED"} || status=$?
fi

# One closing line over all test projects, in the plain "N passed, N failed" form.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Passed:")  p += $(i + 1)
         if ($i == "Failed:")  f += $(i + 1)
         if ($i == "Skipped:") s += $(i + 1)
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
