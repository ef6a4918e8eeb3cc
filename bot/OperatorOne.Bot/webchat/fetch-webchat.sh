#!/usr/bin/env bash
# Fetches the official Web Chat bundle into wwwroot/lib/webchat.js, checked against the integrity pinned here.
# Run by the build when the file is missing; the bundle is never committed.
set -euo pipefail

version="4.18.1"
# npm view botframework-webchat@4.18.1 dist.integrity
integrity="sha512-7jpEUJ7olT62Xm+8eh7BhhIcXVfU2xD4pZDaeBt8K4XcNy6K/83UGIxE9BFkXmHMZ4hDEVOzs5cre07GWuaXzg=="

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${1:-$here/../wwwroot/lib/webchat.js}"

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-webchat: npm is required to fetch botframework-webchat@$version (or place the bundle at $target)." >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "botframework-webchat@$version" >/dev/null)
tarball="$(ls "$work"/botframework-webchat-"$version".tgz)"

actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual" != "$integrity" ]]; then
  echo "fetch-webchat: integrity mismatch for botframework-webchat@$version: expected $integrity, got $actual." >&2
  exit 1
fi

tar -xzf "$tarball" -C "$work" package/dist/webchat.js
mkdir -p "$(dirname "$target")"
# Write beside the target and rename, so an interrupted fetch never leaves a half bundle that skips the next fetch.
cp "$work/package/dist/webchat.js" "$target.partial"
mv "$target.partial" "$target"
echo "fetch-webchat: botframework-webchat@$version -> $target"
