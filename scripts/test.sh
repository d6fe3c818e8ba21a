#!/usr/bin/env bash
# Install the test dependencies on Debian/Ubuntu and run Plotline's whole test suite:
# lints, Rust unit/integration/IPC tests, UI tests, and end-to-end tests of the real
# window (tauri-driver + WebKitWebDriver under Xvfb).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

TAURI_DRIVER_VERSION=2.1.0

apt_install "${BUILD_PACKAGES[@]}" xvfb xauth webkit2gtk-driver gnome-keyring dbus dbus-x11
check_toolchains
for comp in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$comp" || rustup component add "$comp" 2>/dev/null \
    || command -v "cargo-${comp/rustfmt/fmt}" >/dev/null || die "cargo $comp is missing: rustup component add $comp"
done
if ! command -v tauri-driver >/dev/null || ! tauri-driver --version 2>/dev/null | grep -q "$TAURI_DRIVER_VERSION"; then
  say "Installing tauri-driver $TAURI_DRIVER_VERSION"
  cargo install --quiet --locked tauri-driver --version "$TAURI_DRIVER_VERSION"
fi
export PATH="$HOME/.cargo/bin:$PATH"
npm_install

started=$(date +%s)
build_ui

say "Lints: rustfmt, clippy, eslint"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
(cd ui && npm run --silent lint)

say "Rust tests (core, CLI, shell IPC, bindings drift, crash test)"
cargo test --workspace --quiet

say "UI tests (vitest)"
(cd ui && npm test --silent)

say "End-to-end tests of the real window"
cargo build --quiet --bin plotline
node --test --test-concurrency=1 tests/e2e/

say "All tests passed in $(( $(date +%s) - started ))s (after set-up)"
