#!/usr/bin/env bash
# Regenerates the one initial migration from the model. Until the first release the schema has no history: change the
# entities (and data/OperatorOne.Data/Schema/Schema.sql for policies and functions), then run this. Databases made by an
# earlier schema are thrown away (rm -rf .data/postgres); tests always start from an empty one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
migrations=data/OperatorOne.Data/Migrations
dotnet tool restore >/dev/null
dotnet restore data/OperatorOne.Data -v q >/dev/null
rm -f "$migrations"/*.cs
dotnet ef migrations add InitialCreate --project data/OperatorOne.Data -o Migrations >/dev/null
file=$(ls "$migrations"/*_InitialCreate.cs)
# Schema.sql's first part runs before the tables, the rest after them (see SchemaSql).
python3 - "$file" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8-sig").read()
up = "        protected override void Up(MigrationBuilder migrationBuilder)\n        {\n"
assert up in text, "no Up method"
text = text.replace(up, up + "            OperatorOne.Data.Schema.SchemaSql.BeforeTables(migrationBuilder);\n\n", 1)
down = "        /// <inheritdoc />\n        protected override void Down"
head, tail = text.split(down, 1)
close = head.rstrip().rfind("}")
head = head[:close] + "    OperatorOne.Data.Schema.SchemaSql.AfterTables(migrationBuilder);\n        }\n\n"
open(path, "w", encoding="utf-8").write(head + down + tail)
PY
dotnet build data/OperatorOne.Data -nologo -v q >/dev/null
dotnet ef migrations has-pending-model-changes --project data/OperatorOne.Data --no-build
