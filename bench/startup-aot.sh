#!/usr/bin/env bash
# Spring AOT processing against the same jar without it, on its own and with CDS and the small JVM, in one run.
# Built in a temporary clone of HEAD: process-aot writes its generated classes into target/classes.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$(mktemp -d)
git clone -q . "$SRC/repo"
(cd "$SRC/repo" && mvn -B -q -DskipTests compile spring-boot:process-aot jar:jar spring-boot:repackage > /dev/null)
JAR=$(ls "$SRC"/repo/target/px-wizard-*.jar | head -1)
WORK="$SRC/work"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
APP="$WORK/app/$(basename "$JAR")"
ARGS=(--server.port=18083 --management.server.port=-1 --px-wizard.cluster.auto-connect=false
  "--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1" --logging.level.root=WARN)
measure() {  # label, java options...
  local label=$1; shift
  local best=999999 rss=0
  for run in 1 2 3; do
    local start=$(date +%s%N)
    java "$@" -jar "$APP" "${ARGS[@]}" > /dev/null 2>&1 &
    local pid=$!
    until curl -s -o /dev/null "http://127.0.0.1:18083/"; do sleep 0.02; done
    local ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [ $ms -lt $best ] && best=$ms
    sleep 8
    rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
    kill $pid; wait $pid 2>/dev/null || true
  done
  printf '%-28s first page %5d ms (best of 3)   idle RSS %4d MB\n' "$label" "$best" "$rss"
}
SMALL=(-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
measure "plain" -Xmx256m
measure "AOT" -Xmx256m -Dspring.aot.enabled=true
java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP" "${ARGS[@]}" > /dev/null 2>&1 || true
java -Dspring.aot.enabled=true -XX:ArchiveClassesAtExit="$WORK/aot.jsa" -Dspring.context.exit=onRefresh -jar "$APP" "${ARGS[@]}" > /dev/null 2>&1 || true
measure "CDS + small JVM" "${SMALL[@]}" -XX:SharedArchiveFile="$WORK/app.jsa"
measure "AOT + CDS + small JVM" "${SMALL[@]}" -Dspring.aot.enabled=true -XX:SharedArchiveFile="$WORK/aot.jsa"
rm -rf "$SRC"
