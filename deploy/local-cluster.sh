#!/usr/bin/env bash
# A local Agora cluster on this machine: one PostgreSQL (own data directory, own port), two app nodes (the
# production jar with the prod profile, routes "a" and "b") and nginx in front of them, plain HTTP.
#   deploy/local-cluster.sh start    # then open http://127.0.0.1:18080/
#   deploy/local-cluster.sh stop     # stops nginx, both nodes and PostgreSQL by the PIDs it recorded
#   deploy/local-cluster.sh status
# Uses Debian's nginx and PostgreSQL server (installed with apt-get when missing and run as root).
# Ports: AGORA_CLUSTER_HTTP (18080), AGORA_CLUSTER_NODE_A/B (18081/18082, management 18091/18092),
# AGORA_CLUSTER_PG (55432). State lives in target/local-cluster (AGORA_CLUSTER_DIR). AGORA_CLUSTER_ARGS: more
# arguments for both nodes (e.g. --agora.posting.posts-per-10-minutes=100000 for a benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR=$(realpath -m "${AGORA_CLUSTER_DIR:-target/local-cluster}")
HTTP_PORT=${AGORA_CLUSTER_HTTP:-18080}
NODE_A=${AGORA_CLUSTER_NODE_A:-18081}
NODE_B=${AGORA_CLUSTER_NODE_B:-18082}
PG_PORT=${AGORA_CLUSTER_PG:-55432}
PIDS="$DIR/pids"

say() { echo "local-cluster: $*"; }

as_postgres() {
  # PostgreSQL refuses to run as root: as root, run its tools as the postgres user (made by Debian's package)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

need_packages() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then say "please install: ${missing[*]} (apt-get install -y ${missing[*]})"; exit 1; fi
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian starts its own cluster and nginx on install; this script uses neither
    if command -v systemctl >/dev/null 2>&1; then systemctl stop nginx postgresql >/dev/null 2>&1 || true; fi
  fi
}

java_bin() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
       && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      echo "$candidate/bin/java"; return
    fi
  done
  say "no JDK 21+ found (set JAVA_HOME)"; exit 1
}

alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

wait_http() { # url seconds name
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then say "$3 did not answer at $1 within $2 s; see $DIR/*.log"; exit 1; fi
    sleep 1
  done
}

start_postgres() {
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$DIR/pg-socket"
  if [ ! -f "$DIR/pg/PG_VERSION" ]; then
    mkdir -p "$DIR/pg"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR/pg" "$DIR/pg-socket"
    as_postgres "$bin/initdb" -D "$DIR/pg" -U agora --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR/pg-socket" && touch "$DIR/postgres.log" && chown postgres "$DIR/postgres.log"
  as_postgres "$bin/pg_ctl" -D "$DIR/pg" -l "$DIR/postgres.log" -w -t 60 start \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $DIR/pg-socket -c max_connections=100" >/dev/null
  head -1 "$DIR/pg/postmaster.pid" > "$PIDS/postgres.pid"
  "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U agora -d postgres -qtAc "select 1 from pg_database where datname = 'agora'" \
    | grep -q 1 || "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U agora agora
  say "PostgreSQL on 127.0.0.1:$PG_PORT (pid $(cat "$PIDS/postgres.pid"))"
}

start_node() { # route port management-port
  local jar java
  jar=$(ls target/agora-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ]; then say "building the production jar"; ./mvnw -B -q -Pproduction package -DskipTests; jar=$(ls target/agora-*.jar | grep -v original | head -1); fi
  java=$(java_bin)
  [ -f "$DIR/totp.key" ] || head -c 32 /dev/urandom | base64 > "$DIR/totp.key"
  [ -f "$DIR/embed.key" ] || head -c 32 /dev/urandom | base64 > "$DIR/embed.key"
  # the prod profile, with what a laptop lacks: no TLS (so no Secure cookie), no SMTP server (mail fails, logged)
  SPRING_PROFILES_ACTIVE=prod \
  SPRING_CONFIG_ADDITIONAL_LOCATION="optional:file:$ROOT/deploy/" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/agora" \
  SPRING_DATASOURCE_USERNAME=agora SPRING_DATASOURCE_PASSWORD="" \
  AGORA_SECURITY_TOTP_KEY="$(cat "$DIR/totp.key")" AGORA_EMBED_TOKEN_SECRET="$(cat "$DIR/embed.key")" \
  AGORA_NODE_ROUTE="$1" AGORA_BASE_URL="http://127.0.0.1:$HTTP_PORT" AGORA_SECURE_COOKIES=false \
  SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=2525 SPRING_MAIL_STARTTLS_REQUIRED=false AGORA_MAIL_FROM="Agora <no-reply@localhost>" \
  PORT="$2" MANAGEMENT_PORT="$3" MANAGEMENT_ADDRESS=127.0.0.1 AGORA_DB_POOL_SIZE=10 \
    setsid "$java" -Xmx768m -XX:+UseG1GC -jar "$jar" ${AGORA_CLUSTER_ARGS:-} > "$DIR/node-$1.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/node-$1.pid"
  say "node $1 starting on 127.0.0.1:$2 (management $3, pid $!, log $DIR/node-$1.log)"
}

start_nginx() {
  mkdir -p "$DIR/nginx/tmp"
  sed -e "s#@PREFIX@#$DIR/nginx#g" -e "s#@PORT@#$HTTP_PORT#g" -e "s#@NODE_A@#$NODE_A#g" -e "s#@NODE_B@#$NODE_B#g" \
      -e "s#@LOCATIONS@#$ROOT/deploy/nginx/agora-locations.conf#g" deploy/local/nginx.conf.template > "$DIR/nginx/nginx.conf"
  local nginx; nginx=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx" -t -q -p "$DIR/nginx" -e "$DIR/nginx/error.log" -c "$DIR/nginx/nginx.conf"
  setsid "$nginx" -p "$DIR/nginx" -e "$DIR/nginx/error.log" -c "$DIR/nginx/nginx.conf" > "$DIR/nginx.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/nginx.pid"
  say "nginx on http://127.0.0.1:$HTTP_PORT/ (pid $!)"
}

stop_one() { # name
  [ -f "$PIDS/$1.pid" ] || return 0
  local pid; pid=$(cat "$PIDS/$1.pid")
  if kill -0 "$pid" 2>/dev/null; then
    # PostgreSQL: SIGINT is its "fast" shutdown; the nodes and nginx stop gracefully on SIGTERM / SIGQUIT
    case "$1" in postgres) kill -INT "$pid" ;; nginx) kill -QUIT "$pid" ;; *) kill -TERM "$pid" ;; esac
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then say "$1 (pid $pid) did not stop in 30 s: killing it"; kill -KILL "$pid"; fi
    say "$1 (pid $pid) stopped"
  fi
  rm -f "$PIDS/$1.pid"
}

case "${1:-}" in
  start)
    need_packages
    mkdir -p "$PIDS"
    for p in postgres node-a node-b nginx; do if alive $p; then say "$p is already running (pid $(cat "$PIDS/$p.pid")); stop first"; exit 1; fi; done
    start_postgres
    start_node a "$NODE_A" $((NODE_A + 10))
    # the first node migrates the schema (Flyway takes a lock, so starting both at once would also be safe)
    wait_http "http://127.0.0.1:$((NODE_A + 10))/actuator/health/readiness" 180 "node a"
    start_node b "$NODE_B" $((NODE_B + 10))
    wait_http "http://127.0.0.1:$((NODE_B + 10))/actuator/health/readiness" 180 "node b"
    start_nginx
    wait_http "http://127.0.0.1:$HTTP_PORT/" 30 nginx
    say "up: http://127.0.0.1:$HTTP_PORT/ (health: http://127.0.0.1:$((NODE_A + 10))/actuator/health)"
    ;;
  stop)
    for p in nginx node-a node-b postgres; do stop_one $p; done
    ;;
  status)
    for p in postgres node-a node-b nginx; do
      if alive $p; then echo "$p: running (pid $(cat "$PIDS/$p.pid"))"; else echo "$p: stopped"; fi
    done
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
