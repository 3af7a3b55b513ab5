#!/usr/bin/env bash
# Side by side, on the same lines and the same single CPU: Debian's syslog-ng parsing syslog and CEF lines to JSON
# versus our normaliser (soc.ingest.parse.Normaliser) doing the same and writing the events as JSON lines.
#
#   bench/syslog-ng-compare.sh            # N=1000000 lines per set, 3 runs each, pinned to CPU 0
#   N=200000 RUNS=1 CPU=1 bench/syslog-ng-compare.sh
#
# Steps: installs syslog-ng-core if missing (apt-get), builds soc-ingest/target/benchmarks.jar if missing
# (./mvnw -Pbench), generates two input files from the corpus (../shared/corpus, or SOC_CORPUS_DIR) by repeating its
# lines in order up to N (syslog: RFC 5424 + RFC 3164; cef: RFC 3164 header + CEF), then for each set and run:
#   syslog-ng: file source flags(no-parse) -> syslog-parser() (RFC 5424 via flags(syslog-protocol), falling back to
#              RFC 3164) -> for CEF: csv-parser() on the 7 '|' header fields + kv-parser() on the extension (Debian
#              bookworm's syslog-ng 3.38 ships no cef-parser(): this is the same csv + kv construction) -> file
#              destination with $(format-json --scope rfc5424 --scope nv-pairs --key .cef.*), flow-control on.
#              Wall time from start until the destination's "processed" counter reaches N (syslog-ng-ctl stats).
#   ours:      java -cp benchmarks.jar soc.ingest.bench.NormaliseFile: one thread reads the file, normalises each line,
#              writes each SocEvent as one JSON line. Wall time of the whole process (JVM start and JIT warm-up
#              included), plus the in-process time it reports.
# Both run under `taskset -c $CPU` (one core; the JVM then sees one CPU and uses the serial GC).
# Work files go to $WORK (default /tmp/soc-bench-syslog-ng) and are deleted at the end unless KEEP=1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${N:-1000000}"
RUNS="${RUNS:-3}"
CPU="${CPU:-0}"
WORK="${WORK:-/tmp/soc-bench-syslog-ng}"
CORPUS="${SOC_CORPUS_DIR:-$ROOT/../shared/corpus}"
JAR="$ROOT/soc-ingest/target/benchmarks.jar"
SNG_PID=

say() { printf '[bench] %s\n' "$*" >&2; }
cleanup() {
  if [[ -n "$SNG_PID" ]] && kill -0 "$SNG_PID" 2>/dev/null; then kill "$SNG_PID" 2>/dev/null || true; fi
  [[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v syslog-ng >/dev/null 2>&1; then
  say "installing syslog-ng-core (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends syslog-ng-core >/dev/null
fi
command -v taskset >/dev/null || { say "taskset (util-linux) is needed"; exit 1; }
if [[ ! -f "$JAR" ]]; then
  say "building $JAR"
  (cd "$ROOT" && ./mvnw -B -q -Pbench -pl soc-ingest -am package -DskipTests)
fi

mkdir -p "$WORK"
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

SNG_VERSION=$(syslog-ng --version | sed -n 's/^Installer-Version: //p')
say "syslog-ng $SNG_VERSION, $(java -version 2>&1 | head -1), N=$N, runs=$RUNS, CPU $CPU, $(nproc) CPUs, load: $(cut -d' ' -f1-3 /proc/loadavg)"

# syslog-ng configuration for one set ($1: syslog | cef)
write_conf() {
  local set=$1 conf="$WORK/$1.conf" cef=""
  if [[ $set == cef ]]; then
    cef='
  if (message("^CEF:")) {
    parser { csv-parser(columns(".cef.version", ".cef.device_vendor", ".cef.device_product", ".cef.device_version",
                                ".cef.device_event_class_id", ".cef.name", ".cef.agent_severity", ".cef.extensions")
                        delimiters(chars("|")) quote-pairs("") flags(greedy, escape-backslash)); };
    parser { kv-parser(prefix(".cef.") template("${.cef.extensions}")); };
    rewrite { unset(value(".cef.extensions")); };
  };'
  fi
  cat > "$conf" <<EOF
@version: 3.38
options { stats-level(1); stats-freq(0); log-fifo-size(100000); };
source s_in { file("$WORK/$set.log" flags(no-parse) follow-freq(1) log-fetch-limit(1000) log-iw-size(100000)
                   log-msg-size(262144)); };
destination d_out { file("$WORK/$set.sng.json" flush-lines(1000)
                         template("\$(format-json --scope rfc5424 --scope nv-pairs --key .cef.*)\n")); };
log {
  source(s_in);
  junction {
    channel { parser { syslog-parser(flags(syslog-protocol)); }; flags(final); };
    channel { parser { syslog-parser(); }; flags(final); };
  };$cef
  destination(d_out);
  flags(flow-control);
};
EOF
  syslog-ng -s -f "$conf" || { say "syslog-ng rejected $conf"; exit 1; }
}

# Runs syslog-ng once on $1's input; prints "wall_seconds cpu_seconds".
run_syslog_ng() {
  local set=$1 processed=0 started ended deadline
  rm -f "$WORK/persist" "$WORK/$set.sng.json" "$WORK/ctl"
  started=$(now)
  taskset -c "$CPU" syslog-ng -F --no-caps -f "$WORK/$set.conf" -R "$WORK/persist" -p "$WORK/sng.pid" \
    -c "$WORK/ctl" > "$WORK/sng.out" 2>&1 &
  SNG_PID=$!
  deadline=$(( $(date +%s) + 1800 ))
  while (( processed < N )); do
    sleep 0.05
    kill -0 "$SNG_PID" 2>/dev/null || { say "syslog-ng stopped: $(cat "$WORK/sng.out")"; exit 1; }
    (( $(date +%s) < deadline )) || { say "syslog-ng not done after 30 min"; exit 1; }
    processed=$(syslog-ng-ctl stats -c "$WORK/ctl" 2>/dev/null \
      | awk -F';' '$1 == "dst.file" && $5 == "processed" {print $6}' | head -1)
    processed=${processed:-0}
  done
  ended=$(now)
  # CPU seconds (user + system, all threads) of syslog-ng until now
  local cpu; cpu=$(sed 's/^.*) //' "/proc/$SNG_PID/stat" | awk -v hz="$(getconf CLK_TCK)" '{print ($12 + $13) / hz}')
  kill "$SNG_PID"; wait "$SNG_PID" 2>/dev/null || true; SNG_PID=
  local lines; lines=$(wc -l < "$WORK/$set.sng.json")
  (( lines == N )) || { say "syslog-ng wrote $lines lines, expected $N"; exit 1; }
  echo "$(echo "$ended - $started" | bc -l) $cpu"
}

# Runs our normaliser once on $1's input; prints "wall_seconds inprocess_seconds cpu_seconds".
run_ours() {
  local set=$1 started ended out
  started=$(now)
  out=$(taskset -c "$CPU" java -Xms512m -Xmx512m -Dsoc.corpus.dir="$CORPUS" -cp "$JAR" soc.ingest.bench.NormaliseFile \
    --format "$set" --in "$WORK/$set.log" --out "$WORK/$set.ours.json")
  ended=$(now)
  [[ $out == *"accepted=$N "* ]] || { say "our normaliser did not accept all lines: $out"; exit 1; }
  echo "$(echo "$ended - $started" | bc -l) $(sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' <<< "$out") $(sed -n 's/.*process_cpu_s=\([0-9.]*\).*/\1/p' <<< "$out")"
}

declare -A RESULT
for set in syslog cef; do
  java -Dsoc.corpus.dir="$CORPUS" -cp "$JAR" soc.ingest.bench.NormaliseFile --corpus "$set" --repeat-to "$N" \
    --write "$WORK/$set.log" >&2
  write_conf "$set"
  sng_walls=() sng_cpus=() our_walls=() our_inner=() our_cpus=()
  for run in $(seq 1 "$RUNS"); do
    read -r wall cpu <<< "$(run_syslog_ng "$set")"; sng_walls+=("$wall"); sng_cpus+=("$cpu")
    read -r owall inner ocpu <<< "$(run_ours "$set")"; our_walls+=("$owall"); our_inner+=("$inner"); our_cpus+=("$ocpu")
    say "$set run $run: syslog-ng ${wall}s wall ${cpu}s CPU; ours ${owall}s wall (${inner}s in-process) ${ocpu}s CPU;" \
        "load $(cut -d' ' -f1 /proc/loadavg)"
  done
  RESULT[$set.sng]=$(printf '%s\n' "${sng_walls[@]}" | median)
  RESULT[$set.sngcpu]=$(printf '%s\n' "${sng_cpus[@]}" | median)
  RESULT[$set.ours]=$(printf '%s\n' "${our_walls[@]}" | median)
  RESULT[$set.inner]=$(printf '%s\n' "${our_inner[@]}" | median)
  RESULT[$set.ourcpu]=$(printf '%s\n' "${our_cpus[@]}" | median)
  RESULT[$set.bytes]=$(stat -c %s "$WORK/$set.log")
  rm -f "$WORK/$set.sng.json" "$WORK/$set.ours.json"
done

echo
echo "syslog-ng $SNG_VERSION vs soc normaliser, $N lines per set, one CPU (taskset -c $CPU), median of $RUNS runs;"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). l/s = lines per second; per CPU-s = lines per"
echo "second of the process's own CPU time (user + system, all threads), which other load on the core does not change."
printf '| %-6s | %6s | %10s | %10s | %13s | %10s | %10s | %13s | %10s | %11s |\n' set "bytes" "sng wall s" "sng l/s" \
  "sng per CPU-s" "ours wall s" "ours l/s" "ours per CPU-s" "ratio wall" "ratio CPU"
printf '|%s|\n' "--------|--------|------------|------------|---------------|-------------|------------|----------------|------------|-------------"
for set in syslog cef; do
  sng=${RESULT[$set.sng]} ours=${RESULT[$set.ours]} sc=${RESULT[$set.sngcpu]} oc=${RESULT[$set.ourcpu]}
  printf '| %-6s | %6.0f | %10.2f | %10.0f | %13.0f | %11.2f | %10.0f | %14.0f | %10.2f | %11.2f |\n' "$set" \
    "$(echo "${RESULT[$set.bytes]} / $N" | bc -l)" "$sng" "$(echo "$N / $sng" | bc -l)" "$(echo "$N / $sc" | bc -l)" \
    "$ours" "$(echo "$N / $ours" | bc -l)" "$(echo "$N / $oc" | bc -l)" "$(echo "$sng / $ours" | bc -l)" \
    "$(echo "$sc / $oc" | bc -l)"
  echo "  $set: ours in-JVM (after start-up, JIT warm-up included): $(printf '%.0f' "$(echo "$N / ${RESULT[$set.inner]}" | bc -l)") l/s" >&2
done
echo "(bytes = average input line; ratio = ours / syslog-ng, > 1 means ours is faster; wall times include process start-up)"
