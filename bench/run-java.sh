#!/usr/bin/env bash
# Runs one Java benchmark of bench/java (compiled with the tests by mvn test-compile) against px-wizard's classes and
# test classes (the simulated cluster). Usage: bench/run-java.sh StatusLatencyBench [args]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:target/test-classes:target/bench-classes:$(cat target/bench-classpath.txt)"
exec java -Xmx${BENCH_HEAP:-512m} -cp "$CP" "io.pxwizard.bench.$1" "${@:2}"
