#!/usr/bin/env bash
# Agora's benchmark suite: builds the production jar, starts it on a fresh embedded PostgreSQL, seeds data,
# drives it over HTTP and JDBC from a separate process, and appends medians, p99s and ratios to a baseline
# measured in the same run to docs/performance.md.  Usage: bench/run.sh [seconds-per-scenario]
# Environment: BENCH_SCENARIOS=posts,polls,service,embed (default: all four groups; embed = readers' anonymous
# ballots and 1,000 SSE streams, BENCH_SSE_STREAMS to change that number); BENCH_POLL_MILLION=0 skips the tally
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
SECONDS_PER_SCENARIO="${1:-10}"
export BENCH_SCENARIOS="${BENCH_SCENARIOS:-posts,polls,service,embed}"
wants() { [[ ",${BENCH_SCENARIOS// /}," == *",$1,"* ]]; }

./mvnw -B -q -Pproduction package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime
rm -rf target/bench-classes && mkdir -p target/bench-classes
javac -d target/bench-classes -cp "target/classes:$(cat target/bench.cp)" bench/src/org/agora/bench/*.java
JAR=$(ls target/agora-*.jar | grep -v original | head -1)

if wants posts || wants polls || wants embed; then
  java -cp "target/bench-classes:$(cat target/bench.cp)" org.agora.bench.Bench "$JAR" docs/performance.md "$SECONDS_PER_SCENARIO"
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
