#!/usr/bin/env bash
# End-to-end ingest benchmark on this machine: sustained events/s from the ingest HTTP API until searchable in
# OpenSearch, with Kafka's raw producer throughput on the same broker as the ceiling.
#
#   bench/e2e.sh                       # 500000 events, 2 senders, 1000 lines per request
#   EVENTS=200000 SENDERS=4 bench/e2e.sh
#
# Starts the real platform with the launcher (./soc start: PostgreSQL, Kafka, OpenSearch, web, ingest, detect) on
# non-default loopback ports with its own data directory ($SOC_DATA_DIR, default /tmp/soc-bench-e2e, wiped before and,
# unless KEEP=1, after), runs soc.ingest.bench.EndToEnd from soc-ingest/target/benchmarks.jar (built with -Pbench if
# missing), prints the CPU seconds each process used during the run, then stops the platform (./soc stop).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/soc-ingest/target/benchmarks.jar"
export SOC_DATA_DIR="${SOC_DATA_DIR:-/tmp/soc-bench-e2e}"
export SOC_WEB_PORT="${SOC_WEB_PORT:-28080}" SOC_INGEST_PORT="${SOC_INGEST_PORT:-28081}"
export SOC_DETECT_PORT="${SOC_DETECT_PORT:-28082}" SOC_PG_PORT="${SOC_PG_PORT:-25432}"
export SOC_KAFKA_PORT="${SOC_KAFKA_PORT:-29092}" SOC_KAFKA_CONTROLLER_PORT="${SOC_KAFKA_CONTROLLER_PORT:-29093}"
export SOC_OPENSEARCH_PORT="${SOC_OPENSEARCH_PORT:-29200}"
export SOC_ADMIN_PASSWORD="${SOC_ADMIN_PASSWORD:-bench-admin-$RANDOM$RANDOM}"
EVENTS="${EVENTS:-500000}"
SENDERS="${SENDERS:-2}"
BATCH="${BATCH:-1000}"
CORPUS="${SOC_CORPUS_DIR:-$ROOT/../shared/corpus}"

say() { printf '[bench] %s\n' "$*" >&2; }
stop_platform() {
  "$ROOT/soc" stop >/dev/null 2>&1 || true
  [[ "${KEEP:-0}" == 1 ]] || rm -rf "$SOC_DATA_DIR"
}

# CPU seconds (user + system) per component, from /proc/<pid>/stat of the platform's processes.
cpu_snapshot() {
  local pid stat ticks label args hz
  hz=$(getconf CLK_TCK)
  for pid in $(pgrep -f "$SOC_DATA_DIR|soc-(web|ingest|detect)-exec.jar" || true); do
    [[ -r /proc/$pid/stat ]] || continue
    args=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || continue
    case $args in
      *"--server.port=$SOC_WEB_PORT"*) label=web ;;
      *"--server.port=$SOC_INGEST_PORT"*) label=ingest ;;
      *"--server.port=$SOC_DETECT_PORT"*) label=detect ;;
      *KafkaNodeMain*) label=kafka ;;
      *org.opensearch.bootstrap*) label=opensearch ;;
      *InfraMain*) label=infra-main ;;
      *postgres*) label=postgres ;;
      *) continue ;;
    esac
    stat=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    ticks=$(awk '{print $12 + $13}' <<< "$stat")
    echo "$label $ticks $hz"
  done | awk '{t[$1] += $2; hz = $3} END {for (k in t) printf "%s %.1f\n", k, t[k] / hz}' | sort
}

[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -B -q -Pbench -pl soc-ingest -am package -DskipTests)
for port in "$SOC_WEB_PORT" "$SOC_INGEST_PORT" "$SOC_DETECT_PORT" "$SOC_PG_PORT" "$SOC_KAFKA_PORT" \
            "$SOC_KAFKA_CONTROLLER_PORT" "$SOC_OPENSEARCH_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then say "port $port is in use"; exit 1; fi
done

rm -rf "$SOC_DATA_DIR"
trap stop_platform EXIT
say "starting the platform (data in $SOC_DATA_DIR), load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$ROOT/soc" start > "$SOC_DATA_DIR.start.log" 2>&1 || { cat "$SOC_DATA_DIR.start.log" >&2; exit 1; }
rm -f "$SOC_DATA_DIR.start.log"
sleep 10 # let start-up work (index templates, consumer group joins) settle

before=$(cpu_snapshot)
started=$(date +%s.%N)
say "running EndToEnd: $EVENTS events, $SENDERS senders, $BATCH lines per request, load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -Dsoc.corpus.dir="$CORPUS" -cp "$JAR" soc.ingest.bench.EndToEnd \
  --jdbc "jdbc:postgresql://localhost:$SOC_PG_PORT/soc" \
  --ingest "http://localhost:$SOC_INGEST_PORT" --opensearch "http://localhost:$SOC_OPENSEARCH_PORT" \
  --kafka "localhost:$SOC_KAFKA_PORT" --events "$EVENTS" --senders "$SENDERS" --batch "$BATCH" &
wait $!
after=$(cpu_snapshot)
elapsed=$(echo "$(date +%s.%N) - $started" | bc -l)

echo
printf 'CPU seconds used during the run (%.0f s wall, %d CPUs = %.0f CPU-s available), load now: %s\n' \
  "$elapsed" "$(nproc)" "$(echo "$elapsed * $(nproc)" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
join -a2 -e0 -o '0,1.2,2.2' <(printf '%s\n' "$before") <(printf '%s\n' "$after") \
  | awk '{printf "  %-15s %8.1f\n", $1, $3 - $2}'
echo "  (the load generator's own CPU time is printed by EndToEnd above)"
