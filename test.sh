#!/usr/bin/env bash
# Runs every test: unit, integration (a throwaway real PostgreSQL cluster) and browser (headless Chromium).
# Installs what a fresh Debian machine with the .NET SDK lacks.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
"$root/deploy/scripts/install-prerequisites.sh" test

dotnet build OperatorOne.sln -c Release -nologo -v quiet
dotnet test OperatorOne.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" | tee /tmp/operatorone-test.log
status=${PIPESTATUS[0]}
# One plain closing line that any CI reader understands.
passed=$(grep -Eo 'Passed: +[0-9]+' /tmp/operatorone-test.log | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' /tmp/operatorone-test.log | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' /tmp/operatorone-test.log | awk '{s+=$2} END {print s+0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
