#!/usr/bin/env bash
# Install the test dependencies on Debian/Ubuntu and run Plotline's whole test suite:
# lints, Rust unit/integration/IPC tests, UI tests, and end-to-end tests of the real
# window (tauri-driver + WebKitWebDriver under Xvfb).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

TAURI_DRIVER_VERSION=2.1.0

apt_install "${BUILD_PACKAGES[@]}" "${FONT_PACKAGES[@]}" xvfb xauth webkit2gtk-driver gnome-keyring dbus dbus-x11 \
  libvips42 python3 python3-pip
# pyvips: the media quality check compares Plotline's variants with libvips' (SSIM).
PYVIPS_VERSION=3.2.0
if ! python3 -c "import pyvips" >/dev/null 2>&1; then
  say "Installing pyvips $PYVIPS_VERSION (media quality check)"
  PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check "pyvips==$PYVIPS_VERSION"
fi
check_toolchains
cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
if ! cargo install --list | grep -q "^tauri-driver v$TAURI_DRIVER_VERSION:"; then
  say "Installing tauri-driver $TAURI_DRIVER_VERSION"
  cargo install --quiet --locked tauri-driver --version "$TAURI_DRIVER_VERSION"
fi
export PATH="$HOME/.cargo/bin:$PATH"
npm_install
# Real servers and parsers the Rust tests talk to: a CalDAV server (Radicale) and an independent
# iCalendar parser that checks Plotline's ICS output (issue 8).
say "Installing Python test packages (radicale, icalendar)"
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore radicale==3.9.0 icalendar==7.3.0

started=$(date +%s)
build_ui

say "Lints: rustfmt, clippy, eslint"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
(cd ui && npm run --silent lint)
node scripts/third-party.mjs --check

say "Rust tests (core, CLI, shell IPC, bindings drift, crash test)"
cargo test --workspace --quiet

say "Media quality check against libvips (SSIM)"
python3 benches/media_vs_vips.py --check --bin target/debug/plotline-cli

say "UI tests (vitest)"
(cd ui && npm test --silent)

say "End-to-end tests of the real window"
cargo build --quiet --bin plotline
node --test --test-concurrency=1 tests/e2e/

say "All tests passed in $(( $(date +%s) - started ))s (after set-up)"
