#!/usr/bin/env bash
# Measures cold start to first 200 on /healthz (fresh and re-opened data dir) and memory after start.
# Usage: bash scripts/measure-start.sh   (uses a temporary DATA_DIR and port 3999)
set -euo pipefail
dir=$(mktemp -d); port=${PORT:-3999}
run() {
  local t0; t0=$(date +%s%N)
  DATA_DIR=$dir PORT=$port LOG_LEVEL=warn node --import tsx server/cli.ts start >/dev/null 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$port/healthz" >/dev/null; do sleep 0.05; done
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  local rss; rss=$(ps -o rss= -p "$pid")
  echo "$1: first 200 after ${ms} ms, RSS $(( rss / 1024 )) MiB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
run "fresh data dir   "
run "re-opened data dir"
rm -rf "$dir"
