#!/usr/bin/env bash
# Installs what OperatorOne needs beyond the .NET SDK, and only what is missing.
#   run  — PostgreSQL (the embedded database), npm (to fetch the Web Chat bundle) and the offline speech engines
#          (pocketsphinx for speech-to-text, espeak-ng for text-to-speech: the voice stream's default)
#   test — also Chromium (browser tests), sox (tests convert audio with it), and Postfix and Dovecot (the email tests run
#          their own instances in a throwaway folder; the packages' system services are not used)
set -euo pipefail
mode="${1:-run}"
packages=()
have_pg() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; }
have_pg || packages+=(postgresql postgresql-contrib)
command -v npm >/dev/null 2>&1 || packages+=(npm)
command -v espeak-ng >/dev/null 2>&1 || packages+=(espeak-ng)
[ -e /usr/bin/pocketsphinx_continuous ] || packages+=(pocketsphinx)
[ -d /usr/share/pocketsphinx/model/en-us ] || packages+=(pocketsphinx-en-us)
if [ "$mode" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  command -v sox >/dev/null 2>&1 || packages+=(sox)
  [ -x /usr/sbin/postfix ] || packages+=(postfix)
  [ -x /usr/sbin/dovecot ] || packages+=(dovecot-core)
  [ -e /usr/lib/dovecot/imap ] || packages+=(dovecot-imapd)
  [ -e /usr/lib/dovecot/lmtp ] || packages+=(dovecot-lmtpd)
  # The deploy tests render the Kustomize overlays with kubectl. Debian's own kubernetes-client (1.20) embeds a
  # Kustomize too old for them, so kubectl comes only from a repository that offers it (pkgs.k8s.io).
  if ! command -v kubectl >/dev/null 2>&1; then
    if apt-cache policy kubectl 2>/dev/null | grep -q 'Candidate: [^(]'; then
      packages+=(kubectl)
    else
      echo "kubectl is missing and no apt repository offers it: the deploy tests will fail until it is installed (see deploy/README.md)." >&2
    fi
  fi
fi
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "OperatorOne needs these Debian packages: ${packages[*]}. Run as root or install them: sudo apt-get install ${packages[*]}" >&2
    exit 1
  fi
  echo "Installing: ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The tests configure their own Postfix; the machine's needs no mail setup of its own.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
dotnet tool restore >/dev/null
