#!/usr/bin/env bash
# Agora's benchmark suite: builds the production jar, starts it on a fresh embedded PostgreSQL, seeds data,
# drives it over HTTP and JDBC from a separate process, and appends medians, p99s and ratios to a baseline
# measured in the same run to docs/performance.md.  Usage: bench/run.sh [seconds-per-scenario]
# Environment: BENCH_SCENARIOS=posts,polls (default: both groups); BENCH_POLL_MILLION=0 skips the tally read with
# 1,000,000 ballots (seeding it by SQL takes ~30-60 s on these machines).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"
SECONDS_PER_SCENARIO="${1:-10}"

./mvnw -B -q -Pproduction package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime
rm -rf target/bench-classes && mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$(cat target/bench.cp)" bench/src/org/agora/bench/*.java
JAR=$(ls target/agora-*.jar | grep -v original | head -1)
java -cp "target/bench-classes:$(cat target/bench.cp)" org.agora.bench.Bench "$JAR" docs/performance.md "$SECONDS_PER_SCENARIO"
