#!/usr/bin/env bash
# Pages under load: wrk (Debian package) at 64 connections on loopback against the finish page and a wizard page,
# and against the same finish-page bytes served as a static file by the same server (the stack's limit).
# JAVA_OPTS sets the JVM options (default -Xmx512m), to compare JVM settings under the same load.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "apt-get install wrk first"; exit 1; }
JAR=$(ls target/px-wizard-*.jar 2>/dev/null | head -1)
[ -n "$JAR" ] || { mvn -B -q package -DskipTests; JAR=$(ls target/px-wizard-*.jar | head -1); }
PORT=18080
WWW=$(mktemp -d)
SEED='operator=true&mc=false&kbver=&oem=esse&user=152f6083-a52f-11ea-97e6-f6e09c7a4e5e&b=true&f=true&j=auto&c=px-cluster-5580daf5-57f3-4aeb-90ca-85559026e817&stork=true&csi=true&lh=true&mon=true&st=k8s&promop=true'
java ${JAVA_OPTS:--Xmx512m} -jar "$JAR" --server.port=$PORT --management.server.port=-1 --px-wizard.cluster.auto-connect=false \
  --spring.datasource.url="jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" --logging.level.root=WARN \
  --spring.web.resources.static-locations="classpath:/static/,file:$WWW/" > /tmp/px-wizard-bench.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$WWW"' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.2; done
curl -s -H 'Accept: text/html' "http://127.0.0.1:$PORT/spec/2.8?$SEED" > "$WWW/finish.html"
echo "finish page: $(wc -c < "$WWW/finish.html") bytes"
run() {  # name path
  # Warm up, then measure.
  wrk -t2 -c64 -d${WARMUP:-20}s -H 'Accept: text/html' "http://127.0.0.1:$PORT$2" > /dev/null
  wrk -t2 -c64 -d15s --latency -H 'Accept: text/html' "http://127.0.0.1:$PORT$2" > /tmp/wrk-$1.txt
  RPS=$(awk '/Requests\/sec/ {print $2}' /tmp/wrk-$1.txt)
  P50=$(awk '$1=="50%" {print $2}' /tmp/wrk-$1.txt)
  P99=$(awk '$1=="99%" {print $2}' /tmp/wrk-$1.txt)
  ERR=$(grep -E "Non-2xx|Socket errors" /tmp/wrk-$1.txt || true)
  printf '%-16s %10s req/s   p50 %8s   p99 %8s   %s\n' "$1" "$RPS" "$P50" "$P99" "$ERR"
}
run static "/assets/finish.html"
run finish "/spec/2.8?$SEED"
run wizard-basic "/wizard/2.8/basic?$SEED"
