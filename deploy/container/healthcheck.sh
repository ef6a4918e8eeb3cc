#!/usr/bin/env bash
# The container HEALTHCHECK without curl: one HTTP/1.1 GET of /health/live over bash's /dev/tcp; healthy on a 200.
set -euo pipefail
port="${HEALTHCHECK_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 5 status <&3
[[ "$status" =~ ^HTTP/1\.[01]\ 200 ]]
