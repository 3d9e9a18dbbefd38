# Shared set-up for scripts/run and scripts/test: installs what Gaoku needs on Debian/Ubuntu.
# Idempotent: packages already present are not installed again.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

# Debian packages for building Tauri 2 (WebKitGTK 4.1), running it headless, its E2E tests (with
# a real pinyin input method: fcitx5, xdotool, a D-Bus session), and checking exports (pandoc,
# LibreOffice, poppler).
APT_PACKAGES=(
  build-essential pkg-config curl file libssl-dev libwebkit2gtk-4.1-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver fonts-noto-cjk
  pandoc libreoffice-writer-nogui poppler-utils
  fcitx5 fcitx5-chinese-addons fcitx5-frontend-gtk3 xdotool dbus-x11 sqlite3
)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

ensure_apt() {
  local missing
  missing=$(missing_packages "$@")
  if [ -n "$missing" ]; then
    echo "==> installing Debian packages: $missing"
    as_root apt-get update -qq
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "==> installing Rust (rustup from Debian, then the stable toolchain)"
    ensure_apt rustup
    rustup default stable
  fi
}

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    echo "==> installing Node.js and npm from Debian"
    ensure_apt nodejs npm
  fi
}

# True when ui/dist is missing or older than a source of it (anything under ui/ but the npm
# packages and dist itself).
ui_stale() {
  local built="$REPO/ui/dist/index.html"
  [ -f "$built" ] || return 0
  [ -n "$(find "$REPO/ui" \( -path "$REPO/ui/node_modules" -o -path "$REPO/ui/dist" \) -prune \
    -o -type f -newer "$built" -print -quit)" ]
}

# Installs the UI's npm packages (exactly as locked) and builds ui/dist, which the app embeds —
# only when a source changed: a rebuilt dist makes cargo embed and link the app again.
build_ui() {
  (cd "$REPO/ui" && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; })
  if ui_stale; then
    echo "==> building the UI (ui/dist)"
    (cd "$REPO/ui" && npm run build --silent)
  else
    echo "==> the UI is up to date (ui/dist)"
  fi
}

setup_all() {
  ensure_apt "${APT_PACKAGES[@]}"
  ensure_rust
  ensure_node
  build_ui
}
