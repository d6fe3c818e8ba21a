#!/usr/bin/env bash
# Install everything Plotline needs on Debian/Ubuntu, build it, and launch it.
# Data lives in the OS app-data folder (~/.local/share/com.plotline.app), or in
# $PLOTLINE_DATA_DIR when set. The first run offers to set up your business or to
# explore with a sample bakery.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

apt_install "${BUILD_PACKAGES[@]}" "${FONT_PACKAGES[@]}"
check_toolchains
npm_install
build_ui
say "Building and starting Plotline"
exec cargo run --quiet --bin plotline -- "$@"
