#!/usr/bin/env bash
# The desktop app's performance (cold start, memory, keystroke latency) on a 100,000-article
# database, measured on the release build under Xvfb; writes the "## The desktop app" section
# of docs/PERFORMANCE.md. Run the core benchmark first if you want both fresh:
#   cargo run --release -p briefing-core --example bench -- --out docs/PERFORMANCE.md
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_ui_deps
ensure_tauri_driver
build_ui
log "building the release app, CLI and benchmark"
cargo build --release -p briefing-desk --features custom-protocol
cargo build --release -p briefing-cli
cargo build --release -p briefing-core --example bench
db="$ROOT/target/bench/briefing-100k.sqlite"
if [ ! -f "$db" ]; then
  log "filling $db with 100,000 generated articles through the import path (a few minutes)"
  mkdir -p "$(dirname "$db")"
  target/release/examples/bench --only search --search-db "$db" >/dev/null
fi
log "measuring the app"
export NO_AT_BRIDGE=1 BRIEFING_BENCH_DB="$db"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node tests/perf/app-bench.mjs
