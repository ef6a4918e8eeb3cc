#!/usr/bin/env bash
# Runs OperatorOne as a business runs it on one VPS: Production settings, a durable embedded PostgreSQL under .data/
# (back up .data/ — it holds the database and the master key), and on first start a one-time setup link in the log.
#   ./run.sh          the product (http://localhost:3978 unless ASPNETCORE_URLS says otherwise)
#   ./run.sh --demo   the demo organization with its demo sign-ins (Development, loopback only, in .data/demo)
# Installs what a fresh Debian machine with the .NET SDK lacks. Pass ConnectionStrings__OperatorOne to use your own server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
"$root/deploy/scripts/install-prerequisites.sh" run

args=()
demo=false
for arg in "$@"; do
  if [ "$arg" = "--demo" ]; then demo=true; else args+=("$arg"); fi
done

if [ "$demo" = true ]; then
  # Development conveniences (demo sign-in, unsigned local Teams clients) stay on loopback and in their own folder.
  export ASPNETCORE_ENVIRONMENT=Development
  export Database__SeedDemo=true
  export Database__DataDirectory="${Database__DataDirectory:-$root/.data/demo/postgres}"
  urls="http://127.0.0.1:3978"
else
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
  export Database__DataDirectory="${Database__DataDirectory:-$root/.data/postgres}"
  urls="${ASPNETCORE_URLS:-http://localhost:3978}"
fi

dotnet build bot/OperatorOne.Bot -c Release -nologo -v quiet
exec dotnet run --no-build -c Release --project bot/OperatorOne.Bot --no-launch-profile -- --urls "$urls" ${args[@]+"${args[@]}"}
