# Shared set-up for scripts/run.sh and scripts/test.sh. Sourced, not run.
# Installs what is missing (Debian/Ubuntu), checks the toolchains, installs npm packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

say() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Install Debian/Ubuntu packages that are not installed yet.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null || die "apt-get not found: install these packages yourself: ${missing[*]}"
    say "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Fonts the window needs to show Japanese (without them, 日本語 renders as empty boxes).
FONT_PACKAGES=(fonts-noto-cjk)

# What building the Tauri app needs on Linux.
# cmake + nasm: libjpeg-turbo (the media fast path) is built from source by turbojpeg-sys.
BUILD_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev libdbus-1-dev file cmake nasm)

check_toolchains() {
  command -v cargo >/dev/null || die "Rust is not installed. Install it from https://rustup.rs (rustup), then run this again."
  command -v node >/dev/null || die "Node.js is not installed. Install Node.js 20.19 or newer (with npm), then run this again."
  local node_major node_minor
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  node_minor="$(node -p 'process.versions.node.split(".")[1]')"
  if [ "$node_major" -lt 20 ] || { [ "$node_major" = 20 ] && [ "$node_minor" -lt 19 ]; }; then
    die "Node.js $(node --version) is too old: Plotline's UI build needs 20.19 or newer."
  fi
}

npm_install() {
  # Reinstall only when package-lock.json changed since the last install.
  local stamp="$ROOT/ui/node_modules/.plotline-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/ui/package-lock.json" "$stamp"; then
    say "Installing UI packages (from package-lock.json)"
    # `npm install` rather than `npm ci`: this registry has no macOS/Windows builds of the
    # Tauri CLI, so the lock cannot list those optional packages and `npm ci` refuses it.
    # With a lock in place `npm install` installs exactly the locked versions.
    (cd "$ROOT/ui" && npm install --no-audit --no-fund --loglevel=error)
    cp "$ROOT/ui/package-lock.json" "$stamp"
  fi
}

build_ui() {
  say "Building the UI"
  (cd "$ROOT/ui" && npm run --silent build)
}
