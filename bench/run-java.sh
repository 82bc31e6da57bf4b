#!/usr/bin/env bash
# Compiles and runs one Java benchmark of bench/java against px-wizard's classes and test classes (the simulated
# cluster). Usage: bench/run-java.sh StatusLatencyBench [args]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$CP" $(find bench/java -name '*.java')
exec java -Xmx${BENCH_HEAP:-512m} -cp "target/bench-classes:$CP" "io.pxwizard.bench.$1" "${@:2}"
