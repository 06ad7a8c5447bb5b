#!/usr/bin/env bash
# Runs every test in the solution. Installs what the integration tests need first (idempotent):
# a throwaway PostgreSQL server for the storage tests, stopped again however the run ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
eval "$(bash tools/scripts/postgres.sh start)"
trap 'bash tools/scripts/postgres.sh stop' EXIT
dotnet test GovOpenness.sln -c Release "$@"
