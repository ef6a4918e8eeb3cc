#!/usr/bin/env python3
"""Builds the Teams app package: fills {{APP_ID}} and {{DOMAIN}} in manifest.json and zips it with the icons at the
zip root (Teams rejects a package whose files sit in a folder).

Values come from the bot's own configuration: the Teams:AppId and Teams:Domain settings, as environment variables
(Teams__AppId, Teams__Domain) or in bot/OperatorOne.Bot/appsettings*.json; command-line options override both.

    manifests/teams/package.py --domain bot.example.com [--app-id GUID] [--version 1.0.1] [--out operatorone-teams.zip]
"""
import argparse
import json
import os
import re
import sys
import uuid
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETTINGS = HERE.parent.parent / "bot" / "OperatorOne.Bot"


def configured(key):
    """Teams:<key> the way .NET configuration layers it: environment first, then appsettings.{env}.json, appsettings.json."""
    value = os.environ.get(f"Teams__{key}")
    if value:
        return value
    environment = os.environ.get("ASPNETCORE_ENVIRONMENT") or os.environ.get("DOTNET_ENVIRONMENT") or "Production"
    for name in (f"appsettings.{environment}.json", "appsettings.json"):
        path = SETTINGS / name
        if path.exists():
            value = json.loads(path.read_text()).get("Teams", {}).get(key)
            if value:
                return value
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app-id", default=configured("AppId"))
    parser.add_argument("--domain", default=configured("Domain"))
    parser.add_argument("--version", default=None, help="semver; bump it on every upload")
    parser.add_argument("--out", default=str(HERE / "operatorone-teams.zip"))
    args = parser.parse_args()

    try:
        app_id = str(uuid.UUID(args.app_id or ""))
    except ValueError:
        sys.exit("Teams:AppId (or --app-id) must be the bot's Microsoft App ID, a GUID.")
    domain = (args.domain or "").strip().lower()
    if not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+", domain):
        sys.exit("Teams:Domain (or --domain) must be the bot's public host name without scheme or path, e.g. bot.example.com.")

    text = (HERE / "manifest.json").read_text().replace("{{APP_ID}}", app_id).replace("{{DOMAIN}}", domain)
    manifest = json.loads(text)
    if args.version:
        if not re.fullmatch(r"\d+\.\d+\.\d+", args.version):
            sys.exit("--version must be semver MAJOR.MINOR.PATCH.")
        manifest["version"] = args.version
    left = re.findall(r"\{\{[A-Z_]+\}\}", json.dumps(manifest))
    if left:
        sys.exit(f"Unfilled placeholders: {', '.join(sorted(set(left)))}")

    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2) + "\n")
        for icon in (manifest["icons"]["color"], manifest["icons"]["outline"]):
            package.write(HERE / icon, icon)
    print(args.out)


if __name__ == "__main__":
    main()
