#!/bin/bash
# bad-trees.sh: `make check-build`. tools/build-module.sh (make module KDIR=...) must stop
# early, with one line naming the cause and the fix and without building anything, on:
# a missing tree, a tree without Module.symvers, a non-arm64 kernel, a kernel without
# GPIOLIB, KUnit asked for on a kernel without it, another ARCH, and a missing C++
# compiler (the last against the real 6.12 test kernel, with a compiler directory that
# has the kernel's gcc but no g++). Records result build-checks (tests/lib/results.sh).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/clx-badtree-XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

# expect NAME PATTERN ENV... : build-module.sh fails, its stderr has exactly one line
# matching "build-module: ..." (or PATTERN for make's own $(error) line), the line matches
# PATTERN, and no .ko appeared in the module directory.
expect() {
	local name=$1 pattern=$2; shift 2
	local moddir=$work/mod-$name err=$work/err-$name rc=0
	env "$@" MODULE_DIR="$moddir" "$top/tools/build-module.sh" >"$work/out-$name" 2>"$err" || rc=$?
	local lines; lines=$(grep -cE "$pattern" "$err")
	if [ "$rc" -ne 0 ] && [ "$lines" -eq 1 ] && ! find "$moddir" -name '*.ko' | grep -q .; then
		echo "PASS $name: $(grep -E "$pattern" "$err")"
		pass=$((pass + 1))
	else
		echo "FAIL $name: exit $rc, $lines line(s) matching '$pattern'; stderr:"
		sed 's/^/    /' "$err" | tail -n 8
		fail=$((fail + 1))
	fi
}

# fake_tree DIR CONFIG-LINES...: a directory that looks like a kernel build tree.
fake_tree() {
	local d=$1; shift
	mkdir -p "$d"
	echo 'all:' >"$d/Makefile"
	printf '%s\n' "$@" >"$d/.config"
	: >"$d/Module.symvers"
}

fake_tree "$work/nosymvers" CONFIG_ARM64=y CONFIG_GPIOLIB=y CONFIG_GPIOLIB_IRQCHIP=y
rm "$work/nosymvers/Module.symvers"
fake_tree "$work/x86" CONFIG_X86_64=y CONFIG_GPIOLIB=y CONFIG_GPIOLIB_IRQCHIP=y
fake_tree "$work/nogpiolib" CONFIG_ARM64=y
fake_tree "$work/nokunit" CONFIG_ARM64=y CONFIG_GPIOLIB=y CONFIG_GPIOLIB_IRQCHIP=y
mkdir -p "$work/notatree"

expect missing-tree 'build-module: .*does not exist: install' KDIR="$work/absent"
expect not-a-tree 'build-module: .*not a kernel build tree' KDIR="$work/notatree"
expect no-module-symvers 'build-module: .*has no Module.symvers: build the kernel' \
	KDIR="$work/nosymvers"
expect other-arch 'build-module: .*non-arm64|build-module: .*X86_64 kernel: clxgpio builds for arm64 only' \
	KDIR="$work/x86"
expect no-gpiolib 'build-module: .*has no CONFIG_GPIOLIB:' KDIR="$work/nogpiolib"
expect kunit-without-kunit 'build-module: .*has no KUnit' KDIR="$work/nokunit" \
	CLX_TEST_MODULES=kunit
expect arch-not-arm64 'build-module: ARCH=x86: clxgpio builds for arm64 only' \
	KDIR="$work/nokunit" ARCH=x86

# A missing C++ compiler: the real test kernel, built with aarch64-linux-gnu-gcc; the
# compiler prefix points at a directory holding that gcc and binutils, but no g++.
kdir=$("$top/tools/qemu/build-kernel.sh") || kdir=
if [ -n "$kdir" ]; then
	bin=$work/bin
	mkdir -p "$bin"
	for t in gcc ld as ar nm objcopy objdump strip readelf; do
		ln -s "$(command -v aarch64-linux-gnu-$t)" "$bin/aarch64-linux-gnu-$t"
	done
	expect no-cxx-compiler 'clxgpio: C\+\+ compiler .*aarch64-linux-gnu-g\+\+ not found .*install g\+\+ of the same version, Debian package g\+\+-aarch64-linux-gnu\.  Stop\.$' \
		KDIR="$kdir" CROSS_COMPILE="$bin/aarch64-linux-gnu-"
else
	echo "FAIL no-cxx-compiler: the 6.12 test kernel could not be built"
	fail=$((fail + 1))
fi

"$top/tests/lib/results.sh" record build-checks "$pass" "$fail"
