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
PORT=18083
ARGS=(--server.port=$PORT --management.server.port=-1 --px-wizard.cluster.auto-connect=false
  "--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1" --logging.level.root=WARN)
source bench/measure-startup.sh
SMALL=(-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
measure "plain" -Xmx256m
measure "AOT" -Xmx256m -Dspring.aot.enabled=true
java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP" "${ARGS[@]}" > /dev/null 2>&1 || true
java -Dspring.aot.enabled=true -XX:ArchiveClassesAtExit="$WORK/aot.jsa" -Dspring.context.exit=onRefresh -jar "$APP" "${ARGS[@]}" > /dev/null 2>&1 || true
measure "CDS + small JVM" "${SMALL[@]}" -XX:SharedArchiveFile="$WORK/app.jsa"
measure "AOT + CDS + small JVM" "${SMALL[@]}" -Dspring.aot.enabled=true -XX:SharedArchiveFile="$WORK/aot.jsa"
rm -rf "$SRC"
