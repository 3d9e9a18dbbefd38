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

# The oldest toolchains the build takes: Cargo.toml's rust-version, and Vite 7's Node.
RUST_MIN=1.89
NODE_MIN=20.19
export PATH="$HOME/.local/share/gaoku-node/bin:$PATH"

# True when version $1 (a.b[.c]) is at least $2.
version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

# The version apt would install for package $1 (empty when none), without its epoch/suffix.
apt_candidate() {
  apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }' | sed -e 's/^[0-9]*://' -e 's/[-+~].*//' -e 's/(none)//'
}

# Rust: Debian's rustup where the distribution has it (Debian 13, Ubuntu 24.04), else the official
# rustup installer (Debian 12 and Ubuntu 22.04 have no rustup package, and their rustc is too old).
ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    if [ -n "$(apt_candidate rustup)" ]; then
      echo "==> installing Rust (rustup from the distribution, then the stable toolchain)"
      ensure_apt rustup
    else
      echo "==> installing Rust (the official rustup installer from rustup.rs: the distribution has no rustup)"
      ensure_apt curl ca-certificates
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain none
    fi
    rustup default stable
  fi
  local have
  have=$(rustc --version | awk '{ print $2 }')
  if ! version_at_least "$have" "$RUST_MIN"; then
    if command -v rustup >/dev/null 2>&1; then
      echo "==> Rust $have is older than $RUST_MIN: updating the stable toolchain"
      rustup update stable && rustup default stable
    else
      echo "Rust $have is older than $RUST_MIN, and not managed by rustup: install rustup (https://rustup.rs)" >&2
      exit 1
    fi
  fi
}

# Node.js: the distribution's when it is new enough, else the official build from nodejs.org in
# ~/.local/share/gaoku-node (Debian 12 ships Node 18, older than Vite 7 takes).
ensure_node() {
  if command -v node >/dev/null 2>&1 && version_at_least "$(node -p process.versions.node)" "$NODE_MIN"; then
    return
  fi
  local apt_node
  apt_node=$(apt_candidate nodejs)
  if [ -n "$apt_node" ] && version_at_least "$apt_node" "$NODE_MIN"; then
    echo "==> installing Node.js $apt_node and npm from the distribution"
    ensure_apt nodejs
    command -v npm >/dev/null 2>&1 || ensure_apt npm
  else
    local v=22.21.1 arch
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64) arch=arm64 ;;
      *) echo "no Node.js >= $NODE_MIN for $(uname -m): install one and run again" >&2; exit 1 ;;
    esac
    echo "==> installing Node.js $v from nodejs.org into ~/.local/share/gaoku-node (the distribution has ${apt_node:-none}, older than $NODE_MIN)"
    ensure_apt curl ca-certificates xz-utils
    mkdir -p "$HOME/.local/share/gaoku-node"
    curl -fsSL "https://nodejs.org/dist/v$v/node-v$v-linux-$arch.tar.xz" |
      tar -xJ -C "$HOME/.local/share/gaoku-node" --strip-components=1
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
