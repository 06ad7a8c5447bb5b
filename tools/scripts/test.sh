#!/usr/bin/env bash
# Runs every test in the solution. Installs what the integration tests need first (idempotent).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet test GovOpenness.sln -c Release "$@"
