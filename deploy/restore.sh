#!/usr/bin/env bash
# Restores an archive made by deploy/backup.sh into an empty database, all or nothing. See docs/deploy.md,
# "Backup and restore".
#
#   deploy/restore.sh -d DBNAME|URL [-h HOST] [-p PORT] [-U USER] [--no-privileges] [--force] [--bin-dir DIR] ARCHIVE
#
# The target database must exist (createdb -O agora agora_restored) and is named explicitly with -d (a name, a
# postgresql:// URL, or a jdbc:postgresql:// URL without query parameters); host, port, user and password may
# come from the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass).
# - A target that already holds tables, sequences, views or functions is refused, unless --force: then the
#   archive's objects are dropped first and recreated (pg_restore --clean --if-exists); objects that are not in
#   the archive stay.
# - The restore runs in one transaction and stops at the first error, so a failed restore leaves the target as
#   it was.
# - Objects are owned by the user who restores (--no-owner): restore as the role the app's migrations run as.
#   Privileges (GRANTs, e.g. a restricted role's insert-only right on moderation_audit) are restored and need
#   their roles to exist on the target server; --no-privileges skips them.
# Exit status: 0 restored, 1 failed (target unchanged), 2 wrong usage, 3 target not empty (nothing done).
set -euo pipefail

say() { echo "restore: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }
usage() { sed -n '5p' "$0" | sed 's/^# \{0,3\}//' >&2; exit 2; }

target=""
archive=""
force=false
privileges=()
bin=${PG_BIN:-}
while [ $# -gt 0 ]; do
  case "$1" in
    -d|--dbname) target=${2:?}; shift 2 ;;
    -h|--host) export PGHOST=${2:?}; shift 2 ;;
    -p|--port) export PGPORT=${2:?}; shift 2 ;;
    -U|--username) export PGUSER=${2:?}; shift 2 ;;
    --force) force=true; shift ;;
    --no-privileges) privileges=(--no-privileges); shift ;;
    --bin-dir) bin=${2:?}; shift 2 ;;
    --help) usage ;;
    -*) say "unknown option: $1"; usage ;;
    *) [ -z "$archive" ] || { say "one archive only"; usage; }; archive=$1; shift ;;
  esac
done
[ -n "$target" ] || { say "name the target database with -d (never a default)"; usage; }
[ -n "$archive" ] || { say "which archive?"; usage; }
[ -f "$archive" ] || die "no such archive: $archive"
case "$target" in jdbc:*) target=${target#jdbc:}; target=${target%%\?*} ;; esac

if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$bin" ] || bin=$(dirname "$(command -v pg_restore || echo /nonexistent/pg_restore)")
fi
[ -x "$bin/pg_restore" ] && [ -x "$bin/psql" ] || die "no pg_restore/psql in $bin (install postgresql-client, or set PG_BIN)"

"$bin/pg_restore" --list "$archive" >/dev/null || die "$archive is not an archive pg_restore can read"

psql() { "$bin/psql" --no-psqlrc --no-password -v ON_ERROR_STOP=1 -qtAX --dbname="$target" "$@"; }

# What the target holds already: relations and functions outside PostgreSQL's own schemas
existing=$(psql -c "
  select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_toast%'
             and n.nspname not like 'pg\_temp%')
       + (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname not in ('pg_catalog', 'information_schema'))") \
  || die "cannot connect to the target database"
clean=()
if [ "$existing" -gt 0 ]; then
  if ! $force; then
    say "REFUSED: the target database is not empty ($existing tables, sequences, indexes, views or functions);"
    say "restore into a new database (createdb), or pass --force to replace the archive's objects in it"
    exit 3
  fi
  say "--force: the target holds $existing objects; the archive's objects are dropped and recreated"
  clean=(--clean --if-exists)
fi

say "restoring $archive with $("$bin/pg_restore" --version)"
if ! "$bin/pg_restore" --dbname="$target" --no-password --no-owner "${privileges[@]}" "${clean[@]}" \
    --single-transaction --exit-on-error "$archive"; then
  die "pg_restore stopped at the error above; the target database is unchanged"
fi
psql -c "analyze" || say "warning: analyze failed; run it by hand for good query plans"
tables=$(psql -c "select count(*) from pg_tables where schemaname = 'public'")
say "restored $archive ($tables tables in public)"
