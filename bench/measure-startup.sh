# Sourced by bench/startup.sh and bench/startup-aot.sh: measure LABEL JAVA_OPTIONS... starts "$APP" with "${ARGS[@]}"
# three times, and prints the best time to the first served page on $PORT and the resident memory after 10 s idle.
measure() {
  local label=$1; shift
  local best=999999 rss=0
  for run in 1 2 3; do
    local start=$(date +%s%N)
    java "$@" -jar "$APP" "${ARGS[@]}" > /dev/null 2>&1 &
    local pid=$!
    until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do sleep 0.02; done
    local ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [ $ms -lt $best ] && best=$ms
    sleep 10
    rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
    kill $pid; wait $pid 2>/dev/null || true
  done
  printf '%-28s first page %5d ms (best of 3)   idle RSS %4d MB\n' "$label" "$best" "$rss"
}
