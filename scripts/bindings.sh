#!/usr/bin/env bash
# The front end's TypeScript types for what crosses the IPC boundary, generated from the Rust
# types with ts-rs (briefing-core's `ts` feature) into ui/src/lib/bindings/, one file a type.
#   scripts/bindings.sh           regenerate them (commit the result)
#   scripts/bindings.sh --check   fail if the committed files differ from what the Rust types
#                                 generate now (the test command runs this)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

committed="$ROOT/ui/src/lib/bindings"
if [ "${1:-}" = "--check" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
else
  out="$committed"
  mkdir -p "$out"
  rm -f "$out"/*.ts
fi

log "generating TypeScript types from the Rust types (ts-rs)"
# ts-rs writes each type (and what it uses) from a generated test named export_bindings_*.
TS_RS_EXPORT_DIR="$out" cargo test -q -p briefing-core --features ts --lib export_bindings >/dev/null
# ts-rs types i64 as bigint; serde sends every id and count as a JSON number, which is what
# the page receives (all stay far below 2^53).
sed -i 's/\bbigint\b/number/g' "$out"/*.ts

if [ "$out" != "$committed" ]; then
  if ! diff -r "$committed" "$out" >&2; then
    log "ui/src/lib/bindings is out of date with the Rust types: run scripts/bindings.sh and commit the result"
    exit 1
  fi
  log "ui/src/lib/bindings matches the Rust types"
fi
