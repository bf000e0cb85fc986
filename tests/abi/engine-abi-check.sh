#!/bin/sh
# Builds the engine and controllers the way the arm64 kernel builds module code
# and fails if the result needs anything a kernel module cannot give it:
# undefined symbols beyond mem* and the shim, static constructors, unwind or
# exception tables, thread-local storage.
#
# Usage: engine-abi-check.sh [extra compiler flags...]
#   When KBUILD_FLAGS_FILE names a file, the flags in it (taken from a kernel
#   build) are used instead of the fixed arm64 list below.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
out=${ABI_OUT:-$top/build/abi}
cxx=${CROSS_COMPILE:-aarch64-linux-gnu-}g++
ld=${CROSS_COMPILE:-aarch64-linux-gnu-}ld
nm=${CROSS_COMPILE:-aarch64-linux-gnu-}nm
objdump=${CROSS_COMPILE:-aarch64-linux-gnu-}objdump

# The arm64 kernel's code-generation ABI (arch/arm64/Makefile, Makefile), plus what
# C++ needs to stay freestanding (-mno-outline-atomics, as Kbuild adds it: __atomic
# builtins inline instead of calling libgcc's __aarch64_* helpers).
flags="-std=gnu++17 -O2 -ffreestanding -nostdinc -nostdinc++ -fno-exceptions -fno-rtti
 -fno-threadsafe-statics -fno-use-cxa-atexit -mgeneral-regs-only -mabi=lp64 -mno-outline-atomics
 -fno-asynchronous-unwind-tables -fno-unwind-tables -fno-common -fno-strict-aliasing
 -fno-PIE -fno-stack-protector -mbranch-protection=none -fno-delete-null-pointer-checks
 -Wall -Wextra -Werror"
if [ -n "${KBUILD_FLAGS_FILE:-}" ] && [ -s "$KBUILD_FLAGS_FILE" ]; then
	flags="$flags $(cat "$KBUILD_FLAGS_FILE")"
fi

rm -rf "$out"; mkdir -p "$out"
objs=
for src in "$top"/kernel/engine/*.cpp "$top"/kernel/controllers/*.cpp; do
	obj="$out/$(basename "$src" .cpp).o"
	# shellcheck disable=SC2086
	$cxx $flags "$@" -c "$src" -o "$obj"
	objs="$objs $obj"
done
# shellcheck disable=SC2086
$ld -r -o "$out/engine.o" $objs

fail=0
allowed='^(memset|memcpy|memmove|memcmp|clx_shim_[A-Za-z0-9_]+)$'
undef=$($nm -u "$out/engine.o" | awk '{print $2}' | sort -u)
for sym in $undef; do
	if ! echo "$sym" | grep -Eq "$allowed"; then
		echo "engine-abi-check: undefined symbol not allowed: $sym"
		fail=1
	fi
done

forbidden='\.init_array|\.ctors|\.eh_frame|\.gcc_except_table|\.tbss|\.tdata|\.preinit_array'
sections=$($objdump -h "$out/engine.o" | awk 'NR>5 && $2 ~ /^\./ {print $2}')
for sec in $sections; do
	if echo "$sec" | grep -Eq "^($forbidden)"; then
		echo "engine-abi-check: forbidden section: $sec"
		fail=1
	fi
done

# No floating-point or SIMD register use (-mgeneral-regs-only makes the compiler
# refuse; this also catches inline assembly).
if $objdump -d "$out/engine.o" | grep -Eq '\s(fmov|fadd|fmul|fdiv|scvtf|ucvtf|fcvt[a-z]*)\s|\s[sdq][0-9]+,'; then
	echo "engine-abi-check: floating-point instructions in the engine"
	fail=1
fi

nundef=$(echo "$undef" | grep -c . || true)
text=$(printf "%d" "0x$($objdump -h "$out/engine.o" | awk '$2==".text"{print $3}')")
if [ "$fail" -ne 0 ]; then
	echo "engine-abi-check: FAIL"
	exit 1
fi
echo "engine-abi-check: PASS ($(echo $objs | wc -w) objects, $nundef undefined symbols: $(echo $undef | tr '\n' ' '), .text ${text:-?} bytes)"
