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
APP="$WORK/app/$(basename "$JAR")"
PORT=18081
ARGS=(--server.port=$PORT --management.server.port=-1 --px-wizard.cluster.auto-connect=false
  "--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1" --logging.level.root=WARN)
source bench/measure-startup.sh
LAZY=-Dspring.main.lazy-initialization=true
SMALL=(-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
measure "plain" -Xmx256m
measure "lazy init" -Xmx256m "$LAZY"
measure "SerialGC + C1 + small heap" "${SMALL[@]}"
java -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP" "${ARGS[@]}" > /dev/null 2>&1 || true
measure "CDS archive" -Xmx256m -XX:SharedArchiveFile="$WORK/app.jsa"
measure "CDS + lazy init" -Xmx256m -XX:SharedArchiveFile="$WORK/app.jsa" "$LAZY"
measure "CDS + SerialGC" -Xmx256m -XX:+UseSerialGC -XX:SharedArchiveFile="$WORK/app.jsa"
measure "CDS + small JVM" "${SMALL[@]}" -XX:SharedArchiveFile="$WORK/app.jsa"
measure "CDS + small JVM + lazy init" "${SMALL[@]}" -XX:SharedArchiveFile="$WORK/app.jsa" "$LAZY"
rm -rf "$WORK"
