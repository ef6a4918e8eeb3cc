#!/usr/bin/env bash
# Prints the Slack app manifest with every request URL under the given base URL (https://bot.example.com).
set -euo pipefail
base="${1:?usage: render.sh https://bot.example.com}"
host="${base#https://}"
host="${host%/}"
sed "s#https://BASE_URL#https://${host}#g" "$(dirname "${BASH_SOURCE[0]}")/manifest.yaml"
