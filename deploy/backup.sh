#!/usr/bin/env bash
# Backs up Agora's PostgreSQL database into one pg_dump archive (custom format: compressed, restorable table by
# table with pg_restore), then checks that pg_restore can read the archive back. See docs/deploy.md, "Backup and
# restore".
#
#   deploy/backup.sh [-d DBNAME|URL] [-h HOST] [-p PORT] [-U USER] [-o FILE | --dir DIR] [--bin-dir DIR]
#
# The database comes from -d (a name or a postgresql:// URL; a jdbc:postgresql:// URL such as
# SPRING_DATASOURCE_URL works too, without its query parameters) or from the standard libpq variables PGHOST,
# PGPORT, PGUSER, PGDATABASE, PGPASSWORD (or ~/.pgpass). The archive goes to FILE, or to
# DIR/agora-YYYYMMDDTHHMMSSZ.dump (DIR: --dir, AGORA_BACKUP_DIR, else the current directory). An existing file is
# never overwritten. The archive is written under a temporary name and only renamed when pg_dump succeeded and
# pg_restore --list read it, so a file named agora-*.dump is always a complete archive.
# The client tools: --bin-dir, PG_BIN, else the newest /usr/lib/postgresql/*/bin, else PATH. They must be of the
# server's major version (or newer): pg_dump refuses a newer server.
# Exit status: 0 done, 1 failed (nothing left behind), 2 wrong usage.
set -euo pipefail
umask 077 # the archive holds password hashes, token hashes and sealed TOTP secrets

say() { echo "backup: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }
usage() { sed -n '6p' "$0" | sed 's/^# \{0,3\}//' >&2; exit 2; }

dbname=${PGDATABASE:-}
output=""
dir=${AGORA_BACKUP_DIR:-.}
bin=${PG_BIN:-}
while [ $# -gt 0 ]; do
  case "$1" in
    -d|--dbname) dbname=${2:?}; shift 2 ;;
    -h|--host) export PGHOST=${2:?}; shift 2 ;;
    -p|--port) export PGPORT=${2:?}; shift 2 ;;
    -U|--username) export PGUSER=${2:?}; shift 2 ;;
    -o|--output) output=${2:?}; shift 2 ;;
    --dir) dir=${2:?}; shift 2 ;;
    --bin-dir) bin=${2:?}; shift 2 ;;
    --help) usage ;;
    *) say "unknown argument: $1"; usage ;;
  esac
done
case "$dbname" in jdbc:*) dbname=${dbname#jdbc:}; dbname=${dbname%%\?*} ;; esac

if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$bin" ] || bin=$(dirname "$(command -v pg_dump || echo /nonexistent/pg_dump)")
fi
[ -x "$bin/pg_dump" ] && [ -x "$bin/pg_restore" ] || die "no pg_dump/pg_restore in $bin (install postgresql-client, or set PG_BIN)"

if [ -z "$output" ]; then
  mkdir -p "$dir"
  output="$dir/agora-$(date -u +%Y%m%dT%H%M%SZ).dump"
fi
[ -e "$output" ] && die "$output exists already; not overwriting it"
partial="$output.partial"
trap 'rm -f "$partial"' EXIT

say "dumping ${dbname:-the PGDATABASE/PGUSER default} with $("$bin/pg_dump" --version)"
dump_args=(--format=custom --compress=6 --no-password --file="$partial")
[ -n "$dbname" ] && dump_args+=(--dbname="$dbname")
if ! "$bin/pg_dump" "${dump_args[@]}"; then
  die "pg_dump failed (a server newer than these client tools is refused: use tools of the server's major version)"
fi

# The archive must be readable, and hold the schema and the data of the tables
listing=$("$bin/pg_restore" --list "$partial") || die "pg_restore cannot read the archive pg_dump wrote"
tables=$(grep -c ' TABLE DATA ' <<<"$listing" || true)
[ "$tables" -gt 0 ] || die "the archive holds no table data"
grep -q ' TABLE public flyway_schema_history ' <<<"$listing" \
  || say "warning: no flyway_schema_history in the archive: is this Agora's database?"

mv "$partial" "$output"
trap - EXIT
say "wrote $output ($(du -h "$output" | cut -f1), $tables tables with data)"
echo "$output"
