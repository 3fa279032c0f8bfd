#!/usr/bin/env bash
# Runs a single-node Apache Kafka broker (KRaft, combined broker+controller) on 127.0.0.1 without Docker.
#   kafka.sh start   resolve the jars (Maven Central, cached), format storage once, start, wait until it answers
#   kafka.sh stop    stop the broker this script started
#   kafka.sh status  exit 0 when a broker answers on the port
#   kafka.sh logs    the last lines of the broker's logs, and how many files it holds open (for a failed run)
# Idempotent: `start` with a broker already answering returns at once. With KAFKA_BROKERS set, nothing is
# started: that cluster is used. State (jars, data, logs) lives outside git in $GIFTFLOW_KAFKA_HOME; the nodes' data
# and logs (node-<port>/) alone may be put under another folder with GIFTFLOW_KAFKA_STATE (CI gives each run a new
# one, see .ci/run).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/pom.xml")"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
HOME_DIR="${GIFTFLOW_KAFKA_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/giftflow/kafka-$KAFKA_VERSION}"
LIB="$HOME_DIR/lib"
STATE="${GIFTFLOW_KAFKA_STATE:-$HOME_DIR}/node-$PORT"   # one directory per port: tests run second brokers
PID_FILE="$STATE/broker.pid"
CLUSTER_ID="Z2lmdGZsb3ctbG9jYWwx"   # fixed, so the same data directory always starts
WAIT_SECONDS="${KAFKA_WAIT_SECONDS:-120}"

log() { echo "[kafka] $*" >&2; }

answers() { node "$HERE/wait-for-broker.js" "127.0.0.1:$PORT" "${1:-3}" >/dev/null 2>&1; }

resolve_jars() {
  if [[ -f "$LIB/.complete" ]]; then return; fi
  log "resolving Apache Kafka $KAFKA_VERSION jars from Maven Central into $LIB"
  mkdir -p "$LIB"
  mvn -B -q -f "$HERE/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$LIB"
  touch "$LIB/.complete"
}

format_storage() {
  mkdir -p "$STATE"
  sed -e "s#@DATA_DIR@#$STATE#g" -e "s#@PORT@#$PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" \
    "$HERE/server.properties.template" > "$STATE/server.properties"
  if [[ ! -f "$STATE/data/meta.properties" ]]; then
    log "formatting KRaft storage in $STATE/data"
    java -Dkafka.logs.dir="$STATE/logs" -Dlog4j.configuration="file:$HERE/log4j.properties" -cp "$LIB/*" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$STATE/server.properties" --ignore-formatted >/dev/null
  fi
}

start() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then log "KAFKA_BROKERS=$KAFKA_BROKERS is set: using that cluster"; return; fi
  # The readiness probe is a kafkajs admin call, so the project's packages must be installed first.
  if [[ ! -d "$ROOT/node_modules/kafkajs" ]]; then log "node_modules/kafkajs is missing: run \`npm ci\` first"; exit 1; fi
  if answers 3; then log "broker already answering on 127.0.0.1:$PORT"; return; fi
  resolve_jars
  format_storage
  log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$PORT (logs: $STATE/logs)"
  mkdir -p "$STATE/logs"
  # setsid: the broker outlives the shell that started it and gets no Ctrl-C meant for npm.
  setsid java -Xms256m -Xmx1g -XX:+UseSerialGC -XX:ErrorFile="$STATE/logs/hs_err_pid%p.log" -Djava.awt.headless=true \
    -Dkafka.logs.dir="$STATE/logs" -Dlog4j.configuration="file:$HERE/log4j.properties" \
    -cp "$LIB/*" kafka.Kafka "$STATE/server.properties" >"$STATE/logs/stdout.log" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  if node "$HERE/wait-for-broker.js" "127.0.0.1:$PORT" "$WAIT_SECONDS"; then
    log "broker ready on 127.0.0.1:$PORT"
  else
    log "broker did not answer within ${WAIT_SECONDS}s; last log lines:"; tail -n 30 "$STATE/logs/stdout.log" "$STATE/logs/broker.log" >&2 || true
    exit 1
  fi
}

stop() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then log "KAFKA_BROKERS is set: not stopping an external cluster"; return; fi
  if [[ ! -f "$PID_FILE" ]] || ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then log "no broker started by this script is running"; rm -f "$PID_FILE"; return; fi
  local pid; pid="$(cat "$PID_FILE")"
  log "stopping broker (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; log "stopped"; return; }; sleep 1; done
  log "broker did not stop in 60s; killing"; kill -9 "$pid" || true; rm -f "$PID_FILE"
}

# Every partition costs the broker open files (its active segment) and memory maps (its indexes). The process may
# hold at most `ulimit -n` files (20,000 here, a hard limit); at that ceiling Kafka takes its log directory offline
# and, with only one, shuts down. Test topics add up over many runs, hence this report.
logs() {
  local pid=""; if [[ -f "$PID_FILE" ]]; then pid="$(cat "$PID_FILE")"; fi
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    log "broker pid $pid: $(ls "/proc/$pid/fd" 2>/dev/null | wc -l) open files (limit $(ulimit -n)), $(wc -l < "/proc/$pid/maps") memory maps"
  else
    log "no broker started by this script is running (pid file: ${pid:-none})"
  fi
  log "partitions on disk: $(find "$STATE/data" -mindepth 1 -maxdepth 1 -type d -name '*-[0-9]*' 2>/dev/null | wc -l)"
  local f; for f in "$STATE/logs/stdout.log" "$STATE/logs/server.log" "$STATE/logs/broker.log"; do
    if [[ -f "$f" ]]; then log "last lines of $f:"; grep -E 'ERROR|FATAL|WARN|Shutting down|shut down' "$f" | tail -n 25 >&2 || true; fi
  done
  ls "$STATE"/logs/hs_err_pid*.log 2>/dev/null | while read -r f; do log "JVM crash report $f:"; head -n 20 "$f" >&2; done
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  logs) logs ;;
  status) if answers 3; then log "answering on 127.0.0.1:$PORT"; else log "not answering on 127.0.0.1:$PORT"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status|logs" >&2; exit 2 ;;
esac
