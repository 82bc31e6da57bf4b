#!/usr/bin/env bash
# Start-up and footprint: time from `java -jar` to the first served page, and resident memory when idle, for each of
# the means Spring Boot documents on its own and together, in one run: a Class Data Sharing archive (Spring Boot's
# training run: -Dspring.context.exit=onRefresh), lazy initialisation, and a smaller JVM (SerialGC, C1, 128 MB heap).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
JAR=$(ls target/px-wizard-*.jar | head -1)
WORK=$(mktemp -d)
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
ARGS=(--server.port=18081 --management.server.port=-1 --px-wizard.cluster.auto-connect=false
  "--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1" --logging.level.root=WARN)
measure() {  # label, java options...
  local label=$1; shift
  local best=999999 rss=0
  for run in 1 2 3; do
    local start=$(date +%s%N)
    java "$@" -jar "$WORK/app/$(basename "$JAR")" "${ARGS[@]}" > /dev/null 2>&1 &
    local pid=$!
    until curl -s -o /dev/null "http://127.0.0.1:18081/"; do sleep 0.02; done
    local ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [ $ms -lt $best ] && best=$ms
    sleep 10
    rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
    kill $pid; wait $pid 2>/dev/null || true
  done
  printf '%-28s first page %5d ms (best of 3)   idle RSS %4d MB\n' "$label" "$best" "$rss"
}
LAZY=-Dspring.main.lazy-initialization=true
SMALL=(-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
measure "plain" -Xmx256m
measure "lazy init" -Xmx256m "$LAZY"
measure "SerialGC + C1 + small heap" "${SMALL[@]}"
java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$WORK/app/$(basename "$JAR")" "${ARGS[@]}" > /dev/null 2>&1 || true
measure "CDS archive" -Xmx256m -XX:SharedArchiveFile="$WORK/app.jsa"
measure "CDS + lazy init" -Xmx256m -XX:SharedArchiveFile="$WORK/app.jsa" "$LAZY"
measure "CDS + SerialGC" -Xmx256m -XX:+UseSerialGC -XX:SharedArchiveFile="$WORK/app.jsa"
measure "CDS + small JVM" "${SMALL[@]}" -XX:SharedArchiveFile="$WORK/app.jsa"
measure "CDS + small JVM + lazy init" "${SMALL[@]}" -XX:SharedArchiveFile="$WORK/app.jsa" "$LAZY"
rm -rf "$WORK"
