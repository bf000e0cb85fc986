#!/bin/sh
# install-module.sh KDIR MODULE_DIR: `make install`. Installs the clxgpio.ko built in
# MODULE_DIR against KDIR with the kernel's own modules_install (into
# /lib/modules/<release>/updates, signed and compressed as that kernel does it), then runs
# depmod for that release. INSTALL_MOD_PATH=dir installs into a staging root instead.
set -eu

kdir=$1 moddir=$2
fail() { echo "install-module: $*" >&2; exit 2; }
[ -f "$moddir/clxgpio.ko" ] || fail "$moddir/clxgpio.ko is missing: run make module KDIR=$kdir first"
release=$(make -s -C "$kdir" kernelrelease 2>/dev/null) ||
	fail "cannot read the kernel release of KDIR=$kdir"
root=${INSTALL_MOD_PATH:-}
[ -n "$root" ] || [ -w /lib/modules ] || fail "/lib/modules is not writable: run as root (sudo make install)"

if [ "$(uname -m)" = aarch64 ]; then cross=${CROSS_COMPILE:-}; else cross=${CROSS_COMPILE:-aarch64-linux-gnu-}; fi
make -C "$kdir" ARCH=arm64 CROSS_COMPILE="$cross" M="$moddir" INSTALL_MOD_DIR=updates \
	${root:+INSTALL_MOD_PATH="$root"} DEPMOD=true modules_install
depmod ${root:+-b "$root"} "$release"
echo "install-module: clxgpio installed for $release${root:+ under $root}"
