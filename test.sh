#!/usr/bin/env bash
# Runs every test: unit, integration (a throwaway real PostgreSQL cluster) and browser (headless Chromium).
# Installs what a fresh Debian machine with the .NET SDK lacks.
#   ./test.sh                                  everything
#   ./test.sh --filter 'FullyQualifiedName~X'  a subset, in dotnet test's filter syntax
#   ./test.sh -class OperatorOne.Tests.X.Y     any other option of the xunit v3 runner (-? lists them)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
"$root/deploy/scripts/install-prerequisites.sh" test

dotnet build OperatorOne.sln -c Release -nologo -v quiet
# The test assembly runs itself (xunit v3's in-process runner): finding the tests takes a second, where dotnet test's
# VSTest host took minutes on a 2-core machine. dotnet test --filter still works for a subset (README, Tests).
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) args+=(-filterVSTest "$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
log="$(mktemp)"
set +e
(cd "$root/tests/OperatorOne.Tests/bin/Release/net10.0" && \
  dotnet OperatorOne.Tests.dll -noLogo -noColor -noAutoReporters -reporter verbose ${args[@]+"${args[@]}"}) | tee "$log"
status=${PIPESTATUS[0]}
# The runner's own summary: "OperatorOne.Tests  Total: 9, Errors: 0, Failed: 1, Skipped: 0, Not Run: 0, Time: 1.2s".
field() { grep -E "^ +OperatorOne\.Tests +Total:" "$log" | tail -1 | grep -oE "$1: [0-9]+" | grep -oE "[0-9]+" || echo 0; }
total=$(field Total); failed=$(field Failed); skipped=$(field Skipped); notrun=$(field "Not Run"); errors=$(field Errors)
echo "Slowest ten tests (seconds):"
grep -E "\[FINISHED\] Time: [0-9.]+s" "$log" | sed -E 's/^ +(.*) \[FINISHED\] Time: ([0-9.]+)s.*/\2 \1/' \
  | sort -rn | head -10 | awk '{ t = $1; $1 = ""; printf "%7.1f %s\n", t, substr($0, 2, 200) }'
# CI shows only the tail of a long log, so the failures are repeated last: each failed test with its message.
if [ "$failed" -gt 0 ] || [ "$errors" -gt 0 ]; then
  echo "Failed tests:"
  awk '/\[FAIL\]$/ { print; n = 4; next } /^ +Stack Trace:/ { n = 0 } n > 0 { print; n-- }' "$log" | cut -c1-400 | head -60
  [ "$errors" -gt 0 ] && echo "$errors errors outside any test (a fixture or a cleanup failed): see above."
fi
[ "$notrun" -gt 0 ] && echo "$notrun tests not run."
echo "$((total - failed - skipped - notrun)) passed, $failed failed, $skipped skipped"
rm -f "$log"
exit "$status"
