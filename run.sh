#!/usr/bin/env bash
# Runs OperatorOne on http://localhost:3978 (Development: embedded PostgreSQL, demo organization, demo sign-in).
# Installs what a fresh Debian machine with the .NET SDK lacks. Pass ConnectionStrings__OperatorOne to use your own server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
"$root/deploy/scripts/install-prerequisites.sh" run

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__DataDirectory="${Database__DataDirectory:-$root/.data/postgres}"
urls="${ASPNETCORE_URLS:-http://localhost:3978}"

dotnet build bot/OperatorOne.Bot -c Release -nologo -v quiet
exec dotnet run --no-build -c Release --project bot/OperatorOne.Bot --no-launch-profile -- --urls "$urls" "$@"
