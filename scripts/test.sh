#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting and lints, the Rust unit and
# integration tests, the front end's type check and component tests, and the end-to-end
# suite that drives the built app through tauri-driver under Xvfb.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_ui_deps
ensure_tauri_driver

# One feature set for every cargo step, so the shell crate compiles once for check and once
# for build rather than once per step.
FEATURES=(--features briefing-desk/custom-protocol)

log "cargo fmt --check"
cargo fmt --all --check

# The shell embeds ui/dist, so the front end is built before anything compiles the shell.
build_ui

log "cargo clippy"
cargo clippy --workspace --all-targets "${FEATURES[@]}" -- -D warnings

log "Rust tests"
# The exported-brief tests read every DOCX back with LibreOffice, pdftotext, python-docx,
# pandoc and xmllint (installed above); here a missing reader is a failure, not a skip.
BRIEFING_REQUIRE_READERS=1 cargo test --workspace "${FEATURES[@]}"

log "TypeScript types generated from the Rust types are current"
"$ROOT/scripts/bindings.sh" --check

log "front end: type check and component tests"
(cd ui && npm run --silent check && npm test --silent)

log "building the app for the end-to-end suite"
cargo build --workspace "${FEATURES[@]}"

log "building the .deb with the Tauri bundler and installing it"
(cd "$ROOT" && TAURI_APP_PATH=src-tauri ui/node_modules/.bin/tauri build --debug --bundles deb >/dev/null)
BRIEFING_DEB="$(ls "$ROOT"/target/debug/bundle/deb/*.deb | head -n 1)"
as_root dpkg -i "$BRIEFING_DEB" >/dev/null
export BRIEFING_DEB BRIEFING_INSTALLED_APP=/usr/bin/briefing-desk

log "end-to-end tests (tauri-driver, WebKitWebDriver, Xvfb)"
export NO_AT_BRIDGE=1
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node --test --test-concurrency=1 tests/e2e/
