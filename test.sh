#!/usr/bin/env bash
# Runs every test: unit, integration (a throwaway real PostgreSQL cluster) and browser (headless Chromium).
# Installs what a fresh Debian machine with the .NET SDK lacks.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
"$root/deploy/scripts/install-prerequisites.sh" test

dotnet build OperatorOne.sln -c Release -nologo -v quiet
log="$(mktemp)"
set +e
dotnet test OperatorOne.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" | tee "$log"
status=${PIPESTATUS[0]}
# One plain closing line that any CI reader understands, from the runner's own summary.
count() { grep -E "^ +$1: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}'; }
# CI shows only the tail of a long log, so the failures are repeated last: each failed test with its message.
if [ "$(count Failed)" -gt 0 ]; then
  echo "Failed tests:"
  grep -E -A3 "^  Failed OperatorOne\." "$log" | grep -v -E "^ +(Stack Trace|Error Message):" | cut -c1-400 | head -60
fi
echo "$(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
rm -f "$log"
exit "$status"
