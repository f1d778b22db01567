#!/usr/bin/env bash
# Installs what is missing, builds Briefing Desk and opens it on the default database in
# your data directory (~/.local/share/briefing-desk/briefing.sqlite). Pass `--db FILE` to
# open another database.
source "$(dirname "$0")/lib.sh"
ensure_packages "${BUILD_PACKAGES[@]}"
build_app
log "starting Briefing Desk"
exec "$ROOT/target/debug/briefing-desk" "$@"
