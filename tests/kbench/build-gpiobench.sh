#!/bin/bash
# build-gpiobench.sh OUT: cross-compiles tests/kbench/gpiobench.c for the arm64 guest
# against Debian's libgpiod 1.6 (libgpiod-dev + libgpiod2, arm64, downloaded once as .debs
# into the cache); the guest runs it with the initramfs's own libgpiod2 and libc6.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${CLXGPIO_CACHE:-$HOME/.cache/clxgpio}
PKGS="libgpiod-dev:arm64 libgpiod2:arm64"
out=${1:?usage: build-gpiobench.sh OUT}

die() { echo "build-gpiobench: error: $*" >&2; exit 1; }
command -v aarch64-linux-gnu-gcc >/dev/null || die "aarch64-linux-gnu-gcc missing (make deps)"

sysroot=$CACHE/libgpiod-dev-arm64
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock-libgpiod-dev"
flock 9
if [ ! -f "$sysroot/clx-done" ]; then
	dpkg --print-foreign-architectures | grep -qx arm64 ||
		die "the arm64 dpkg architecture is missing (make deps adds it)"
	tmp=$CACHE/.libgpiod-dev-tmp-$$
	rm -rf "$tmp"
	mkdir -p "$tmp/debs"
	# shellcheck disable=SC2086
	(cd "$tmp/debs" && apt-get download -q -o APT::Sandbox::User=root $PKGS >&2) ||
		die "apt-get download $PKGS failed (apt-get update with arm64 added?)"
	for deb in "$tmp"/debs/*.deb; do dpkg-deb -x "$deb" "$tmp"; done
	[ -f "$tmp/usr/include/gpiod.h" ] || die "gpiod.h missing from libgpiod-dev:arm64"
	ls "$tmp"/debs >"$tmp/clx-done"
	rm -rf "$sysroot"
	mv "$tmp" "$sysroot"
fi
flock -u 9

mkdir -p "$(dirname "$out")"
aarch64-linux-gnu-gcc -std=gnu11 -O2 -Wall -Wextra -Werror \
	-I"$sysroot/usr/include" -o "$out" "$here/gpiobench.c" \
	-L"$sysroot/usr/lib/aarch64-linux-gnu" -lgpiod
