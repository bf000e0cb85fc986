#!/bin/bash
# build-module.sh: build clxgpio.ko (and, when asked, its test modules) out of tree against
# one kernel build tree, after checking that the tree can build it. Called by `make module`.
#
# Environment:
#   KDIR=dir        kernel build tree (/lib/modules/<release>/build, a linux-headers
#                   package, an O= build). Empty: the QEMU test kernel for KERNEL, built
#                   or found in the cache by tools/qemu/build-kernel.sh at this moment
#                   (so packages installed earlier in the same make run are seen).
#   KERNEL=6.12|6.1 the test kernel when KDIR is empty (default 6.12)
#   MODULE_DIR=dir  where the sources are copied and the modules built (required)
#   CLX_TEST_MODULES='kunit kbench'  also build clxgpio_kunit.ko (needs CONFIG_KUNIT) and/or
#                   clxgpio_kbench.ko
#   ARCH, CROSS_COMPILE  default: native on an arm64 host; arm64 + aarch64-linux-gnu-
#                   elsewhere
#   CLX_MAKE_ARGS='C=2 CHECK=sparse'  more arguments for the Kbuild make, split on
#                   blanks (make lint runs sparse this way)
# Every failed check is one line "build-module: <cause>: <fix>" and exit status 2.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
name=build-module

fail() { echo "$name: $*" >&2; exit 2; }

: "${MODULE_DIR:?MODULE_DIR must be set}"
mkdir -p "$MODULE_DIR" && MODULE_DIR=$(cd "$MODULE_DIR" && pwd)	# M= must be absolute
kdir=${KDIR:-}
if [ -z "$kdir" ]; then
	kdir=$(KERNEL=${KERNEL:-6.12} "$here/qemu/build-kernel.sh")
fi

[ -d "$kdir" ] || fail "KDIR=$kdir does not exist: install the kernel's headers" \
	"(linux-headers-\$(uname -r)) or leave KDIR unset for the QEMU test kernel"
[ -f "$kdir/Makefile" ] && [ -f "$kdir/.config" ] ||
	fail "KDIR=$kdir is not a kernel build tree (no Makefile or .config):" \
	"point KDIR at /lib/modules/<release>/build or a configured kernel tree"
[ -f "$kdir/Module.symvers" ] ||
	fail "KDIR=$kdir has no Module.symvers: build the kernel there first" \
	"(make modules, or make modules_prepare + a full build) or use its linux-headers package"

config_arch=$(sed -n 's/^CONFIG_\(ARM64\|X86_64\|X86_32\|ARM\|RISCV\|PPC64\|S390\|LOONGARCH\|MIPS\)=y$/\1/p' \
	"$kdir/.config" | head -n1)
[ "$config_arch" = ARM64 ] ||
	fail "KDIR=$kdir is a ${config_arch:-non-arm64} kernel: clxgpio builds for arm64 only" \
	"(its engine uses the arm64 kernel ABI); use an arm64 kernel tree"
for opt in CONFIG_GPIOLIB CONFIG_GPIOLIB_IRQCHIP; do
	grep -q "^$opt=y" "$kdir/.config" ||
		fail "KDIR=$kdir has no $opt: clxgpio registers gpio_chips with an irqchip;" \
		"use a kernel built with $opt=y"
done
case " ${CLX_TEST_MODULES:-} " in
*" kunit "*)
	grep -q '^CONFIG_KUNIT=[ym]' "$kdir/.config" ||
		fail "KDIR=$kdir has no KUnit (CONFIG_KUNIT): clxgpio_kunit.ko cannot be built" \
		"there; build only clxgpio.ko (make module) or use the QEMU test kernel"
	;;
esac
# Kernels with BTF for modules (Debian's 6.12) run pahole on every module when the tree
# ships a vmlinux.
if grep -q '^CONFIG_DEBUG_INFO_BTF_MODULES=y' "$kdir/.config" && [ -f "$kdir/vmlinux" ] &&
	! command -v pahole >/dev/null; then
	fail "KDIR=$kdir generates BTF for modules, which needs pahole: install dwarves" \
		"(make deps)"
fi

if [ "$(uname -m)" = aarch64 ]; then
	arch=${ARCH:-arm64} cross=${CROSS_COMPILE:-}
else
	arch=${ARCH:-arm64} cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
fi
[ "$arch" = arm64 ] || fail "ARCH=$arch: clxgpio builds for arm64 only; unset ARCH"

# The sources go to MODULE_DIR, so several kernels can be built side by side and the
# source tree stays clean. rsync keeps time stamps, so Kbuild rebuilds only what changed;
# --delete drops sources that are gone (the Kbuild globs *.cpp) but not build products,
# which the filter excludes.
mkdir -p "$MODULE_DIR"
(cd "$top" && rsync -a --delete --relative \
	--include='*/' --include='*.c' --include='*.h' --include='*.cpp' --include='*.hpp' \
	--include='Kbuild' --include='Kbuild.inc' --exclude='*' \
	Kbuild kernel compat/core compat/include compat/kernel tests/kunit tests/kbench "$MODULE_DIR/") ||
	fail "copying the sources to $MODULE_DIR failed"

read -r -a make_args <<<"${CLX_MAKE_ARGS:-}"
exec make -C "$kdir" ARCH="$arch" CROSS_COMPILE="$cross" M="$MODULE_DIR" \
	CLX_TEST_MODULES="${CLX_TEST_MODULES:-}" "${make_args[@]}" modules
