#!/bin/sh
# Installs every Debian package clxgpio's build and tests need, only what is missing.
# Called by `make deps`; safe to run repeatedly. Needs root (or sudo) for apt.
set -eu

HOST_PKGS="make cmake g++ googletest libgtest-dev libbenchmark-dev valgrind \
gcc-aarch64-linux-gnu g++-aarch64-linux-gnu binutils-aarch64-linux-gnu \
libc6-dev-arm64-cross linux-libc-dev-arm64-cross \
bc flex bison libelf-dev libssl-dev cpio xz-utils kmod rsync python3 git dkms \
qemu-system-arm qemu-efi-aarch64 ipxe-qemu acpica-tools device-tree-compiler \
linux-source-6.12 linux-source-6.1 sparse dwarves clang libclang-rt-14-dev"
GUEST_PKGS="busybox-static:arm64 gpiod:arm64 libgpiod2:arm64 libc6:arm64"

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

missing=
for p in $HOST_PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done

if [ -n "$missing" ]; then
	echo "install-deps: installing:$missing"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# Guest user space is downloaded (not installed) as arm64 .debs for the initramfs.
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	$SUDO dpkg --add-architecture arm64
	$SUDO apt-get update -qq
fi
