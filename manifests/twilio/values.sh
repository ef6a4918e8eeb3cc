#!/usr/bin/env bash
# Prints the exact values to enter for a Twilio phone number (Console → Phone Numbers → the number → Voice Configuration)
# and the bot settings that go with them, for the given public base URL (https://bot.example.com).
set -euo pipefail
base="${1:?usage: values.sh https://bot.example.com [+E164-number]}"
number="${2:-+15550100100}"
case "$base" in
  https://*) ;;
  *) echo "The base URL must start with https:// (Twilio signs and calls the public HTTPS URL)." >&2; exit 2 ;;
esac
base="${base%/}"
cat <<VALUES
# Twilio Console, number ${number}, "Voice Configuration"
Configure with:            Webhook
A call comes in:           ${base}/api/voice/twilio/incoming
  HTTP method:             HTTP POST
Primary handler fails:     (leave empty)
Call status changes:       ${base}/api/voice/twilio/status
  HTTP method:             HTTP POST

# Bot settings (environment variables)
Twilio__AuthToken=<Account Info → Auth Token>
Twilio__AccountSid=<Account Info → Account SID, AC…>
Twilio__PublicBaseUrl=${base}
Twilio__HandoverNumber=<E.164 number callers are put through to, optional>

# The number belongs to one organization: a channel installation with channel "voice" and ExternalId ${number};
# members are recognized by a channel identity with channel "voice" and their own E.164 number as ExternalId.
VALUES
