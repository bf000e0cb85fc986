#!/bin/sh
# Builds the engine and controllers the way the arm64 kernel builds module code
# and fails if the result needs anything a kernel module cannot give it:
# undefined symbols beyond mem* and the shim, static constructors, unwind or
# exception tables, thread-local storage. The compat core (compat/core: the ACPI
# GPIO descriptor codec, linked into the module and into user space) is built and
# checked the same way as a second object, allowed mem* only, and its C header
# (compat/include/clx_acpi.h) is compiled as kernel C, alone and with clxgpio_abi.h
# in either order.
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
fail=0

# build_object NAME SOURCES... [-- extra flags]: compiles each source and links
# $out/NAME.o; sets objs to the object list.
build_object() {
	name=$1; shift
	objs=
	for src in "$@"; do
		obj="$out/$(basename "$src" .cpp).o"
		# shellcheck disable=SC2086
		$cxx $flags $extra -c "$src" -o "$obj"
		objs="$objs $obj"
	done
	# shellcheck disable=SC2086
	$ld -r -o "$out/$name.o" $objs
}

# check_object NAME ALLOWED-SYMBOLS-REGEX WHAT: the symbol, section and floating-point
# checks on $out/NAME.o (WHAT names it in messages); sets undef and nundef.
check_object() {
	undef=$($nm -u "$out/$1.o" | awk '{print $2}' | sort -u)
	for sym in $undef; do
		if ! echo "$sym" | grep -Eq "$2"; then
			echo "engine-abi-check: undefined symbol not allowed: $sym"
			fail=1
		fi
	done

	forbidden='\.init_array|\.ctors|\.eh_frame|\.gcc_except_table|\.tbss|\.tdata|\.preinit_array'
	sections=$($objdump -h "$out/$1.o" | awk 'NR>5 && $2 ~ /^\./ {print $2}')
	for sec in $sections; do
		if echo "$sec" | grep -Eq "^($forbidden)"; then
			echo "engine-abi-check: forbidden section: $sec"
			fail=1
		fi
	done

	# No floating-point or SIMD register use (-mgeneral-regs-only makes the compiler
	# refuse; this also catches inline assembly).
	if $objdump -d "$out/$1.o" | grep -Eq '\s(fmov|fadd|fmul|fdiv|scvtf|ucvtf|fcvt[a-z]*)\s|\s[sdq][0-9]+,'; then
		echo "engine-abi-check: floating-point instructions in the $3"
		fail=1
	fi
	nundef=$(echo "$undef" | grep -c . || true)
}

text_of() { printf "%d" "0x$($objdump -h "$out/$1.o" | awk '$2==".text"{print $3}')"; }

extra="$*"
build_object engine "$top"/kernel/engine/*.cpp "$top"/kernel/controllers/*.cpp
check_object engine '^(memset|memcpy|memmove|memcmp|clx_shim_[A-Za-z0-9_]+)$' engine
text=$(text_of engine)
if [ "$fail" -ne 0 ]; then
	echo "engine-abi-check: FAIL"
	exit 1
fi
echo "engine-abi-check: PASS ($(echo $objs | wc -w) objects, $nundef undefined symbols: $(echo $undef | tr '\n' ' '), .text ${text:-?} bytes)"

# The compat core: no shim, only the compiler's mem* calls.
extra="-I$top/compat/include $*"
build_object compat "$top"/compat/core/*.cpp
check_object compat '^(memset|memcpy|memmove|memcmp)$' 'compat core'

# Its C header as the kernel's C compiler sees it (gnu11, no libc), with the engine
# ABI header before and after it (they share the clx_u* typedefs).
cc=${CROSS_COMPILE:-aarch64-linux-gnu-}gcc
for order in "clx_acpi.h" "clx_acpi.h clxgpio_abi.h" "clxgpio_abi.h clx_acpi.h"; do
	: >"$out/header.c"
	for h in $order; do echo "#include \"$h\"" >>"$out/header.c"; done
	echo "int clx_header_check(const struct clx_acpi_gpio *g) { return clx_acpi_gpio_pin(g, 0); }" >>"$out/header.c"
	if ! $cc -std=gnu11 -O2 -ffreestanding -nostdinc -Wall -Wextra -Werror -Wstrict-prototypes \
		-I"$top/compat/include" -I"$top/kernel/engine" -c "$out/header.c" -o "$out/header.o"; then
		echo "engine-abi-check: compat/include/clx_acpi.h does not compile as C ($order)"
		fail=1
	fi
done

text=$(text_of compat)
if [ "$fail" -ne 0 ]; then
	echo "engine-abi-check: compat core FAIL"
	exit 1
fi
echo "engine-abi-check: compat core PASS ($(echo $objs | wc -w) objects, $nundef undefined symbols: $(echo $undef | tr '\n' ' '), .text ${text:-?} bytes; clx_acpi.h compiles as C)"
