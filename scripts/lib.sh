# Shared by scripts/*.sh: install what is missing, idempotently, on Debian 12 / Ubuntu.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# System packages for building the Tauri app.
BUILD_PACKAGES=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libsoup-3.0-dev
  libjavascriptcoregtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev)
# For running it without a screen and driving it through WebDriver in the tests.
TEST_PACKAGES=(xvfb webkit2gtk-driver dbus dbus-x11 xauth imagemagick
  # Independent readers of exported briefs: LibreOffice (to PDF), pdftotext, python-docx,
  # pandoc, xmllint.
  libreoffice-writer-nogui poppler-utils python3-docx pandoc libxml2-utils unzip)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

# apt-get install only what dpkg says is missing.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# npm dependencies of the front end, from the lock file, when they are missing or stale.
ensure_ui_deps() {
  if [ ! -d "$ROOT/ui/node_modules" ] || [ "$ROOT/ui/package-lock.json" -nt "$ROOT/ui/node_modules/.package-lock.json" ]; then
    log "installing front-end dependencies (npm ci)"
    (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_ui() {
  ensure_ui_deps
  log "building the front end"
  (cd "$ROOT/ui" && npm run --silent build)
}

# The desktop app with the front end built into it.
build_app() {
  build_ui
  log "building the desktop app"
  (cd "$ROOT" && cargo build -p briefing-desk --features custom-protocol)
}

ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null || ! tauri-driver --help >/dev/null 2>&1; then
    log "installing tauri-driver 2.1.0"
    cargo install tauri-driver --version 2.1.0 --locked --quiet
  fi
}
