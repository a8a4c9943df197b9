#!/usr/bin/env bash
# Agora's benchmark suite: builds the production jar, starts it on a fresh embedded PostgreSQL, seeds data,
# drives it over HTTP and JDBC from a separate process, and appends medians, p99s and ratios to a baseline
# measured in the same run to docs/performance.md.  Usage: bench/run.sh [seconds-per-scenario]
# Environment: BENCH_SCENARIOS=posts,polls,service,sessions,cluster,embed,vitals (default: all seven groups; embed =
# readers' anonymous ballots and 1,000 SSE streams, BENCH_SSE_STREAMS to change that number; vitals = first-load JS/CSS
# bytes, the widget's size and Core Web Vitals of / and /threads/1 in Debian's headless Chromium (/usr/bin/chromium,
# never a downloaded browser) through Playwright, CPU slowed x4: BENCH_VITALS_RUNS (7) rounds, BENCH_VITALS_WARM_RUNS (3)
# of them warm too, BENCH_VITALS_NETWORK_RUNS (3) with slow 4G, as many as fit in BENCH_VITALS_BUDGET_SECONDS (130));
# BENCH_POLL_MILLION=0 skips the tally
# read with 1,000,000 ballots (seeding it by SQL takes ~30-60 s on these machines). The `service` group
# (ServiceVotes) starts the app in-process from the production jar (extracted: its classes and exactly its
# libraries) on a database of its own, and times PollService.vote against a raw JDBC baseline in the same JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"
SECONDS_PER_SCENARIO="${1:-8}"
export BENCH_SCENARIOS="${BENCH_SCENARIOS:-posts,polls,service,sessions,cluster,embed,vitals}"
wants() { [[ ",${BENCH_SCENARIOS// /}," == *",$1,"* ]]; }

./mvnw -B -q -Pproduction package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime
rm -rf target/bench-classes && mkdir -p target/bench-classes
# Vitals.java needs Playwright (test scope) and is compiled on its own below, only when the vitals group runs
javac -d target/bench-classes -cp "target/classes:$(cat target/bench.cp)" $(ls bench/src/org/agora/bench/*.java | grep -v '/Vitals\.java$')
JAR=$(ls target/agora-*.jar | grep -v original | head -1)

if wants posts || wants polls || wants embed; then  # (Bench ignores the groups it does not run itself)
  java -cp "target/bench-classes:$(cat target/bench.cp)" org.agora.bench.Bench "$JAR" docs/performance.md "$SECONDS_PER_SCENARIO"
fi

if wants sessions; then
  # live heap per idle Vaadin session (anonymous readers and signed-in members), in an app process of its own
  java -cp "target/bench-classes:$(cat target/bench.cp)" org.agora.bench.Sessions "$JAR" docs/performance.md
fi

if wants cluster; then
  # cross-node live-update latency: the local cluster (deploy/local-cluster.sh) in a directory of its own
  export AGORA_CLUSTER_DIR=target/bench-cluster AGORA_CLUSTER_HTTP=28080 AGORA_CLUSTER_NODE_A=28081 AGORA_CLUSTER_NODE_B=28082 AGORA_CLUSTER_PG=56432
  export AGORA_CLUSTER_ARGS="--agora.posting.posts-per-10-minutes=100000000 --agora.api.writes-per-client-per-second=0"
  rm -rf target/bench-cluster
  deploy/local-cluster.sh start
  trap 'deploy/local-cluster.sh stop' EXIT
  java -cp "target/bench-classes:$(cat target/bench.cp)" org.agora.bench.CrossNode docs/performance.md "$SECONDS_PER_SCENARIO" 28080 28091 28092 56432
  deploy/local-cluster.sh stop
  trap - EXIT
fi

if wants service; then
  # The production jar itself, extracted the way Spring Boot documents (application jar + lib/, exactly the libraries
  # the jar ships, no vaadin-dev/copilot): not target/classes, which after the production build lacks
  # META-INF/VAADIN/config/flow-build-info.json (the jar has it), so Vaadin would not start in production mode.
  rm -rf target/bench-service-app
  java -Djarmode=tools -jar "$JAR" extract --destination target/bench-service-app > /dev/null
  APP_JAR="target/bench-service-app/$(basename "$JAR")"
  if ! unzip -p "$APP_JAR" META-INF/VAADIN/config/flow-build-info.json | grep -qE '"productionMode"[[:space:]]*:[[:space:]]*true'; then
    echo "$JAR is not a production build (flow-build-info.json without productionMode: true)" >&2
    exit 1
  fi
  # the application jar's manifest puts lib/*.jar on the classpath
  java -Xmx2g -cp "target/bench-classes:$APP_JAR" org.agora.bench.ServiceVotes docs/performance.md "$SECONDS_PER_SCENARIO"
fi

if wants vitals; then
  # first-load bytes and Core Web Vitals: the production jar on its own, Debian's Chromium driven by Playwright, whose
  # jar is a test-scope dependency: a classpath of its own (test scope), so the other groups keep the runtime one
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-test.cp -Dmdep.includeScope=test
  javac -d target/bench-classes -cp "target/bench-classes:$(cat target/bench-test.cp)" bench/src/org/agora/bench/Vitals.java
  java -cp "target/bench-classes:$(cat target/bench-test.cp)" org.agora.bench.Vitals "$JAR" docs/performance.md
fi
