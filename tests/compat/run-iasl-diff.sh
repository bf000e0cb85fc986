#!/bin/sh
# The ACPI GPIO codec against iasl (Debian's acpica-tools): compiles
# tests/compat/asl/gpio-cases.asl, builds tests/compat/iasl_diff.cpp with the codec
# (compat/core/acpi_*.cpp, compiled freestanding as for the kernel), and checks every
# GpioInt and GpioIo iasl wrote against the expectation written beside it in the ASL,
# and that encoding it gives back iasl's bytes. Leaves the templates and descriptors in
# build/compat/seeds for the fuzzer (tests/fuzz).
#
# Usage: run-iasl-diff.sh [--record]
#   --record  records the PASS/FAIL counts as result compat-iasl (tests/lib/results.sh);
#             a build or iasl failure counts as one failure
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/compat
out=$top/build/compat
results=$top/tests/lib/results.sh
record=false
[ "${1:-}" = --record ] && record=true

broken() { # broken MESSAGE: the stage could not run
	echo "FAIL compat-iasl: $1"
	if $record; then "$results" record compat-iasl 0 1; fi
	exit 1
}

command -v iasl >/dev/null || broken "iasl not found (apt-get install acpica-tools)"
rm -rf "$out"
mkdir -p "$out/obj" "$out/seeds"

echo "== iasl: $(iasl -v 2>/dev/null | grep -m1 -i 'compiler' | sed 's/^ *//')"
iasl -p "$out/gpio-cases" "$here/asl/gpio-cases.asl" >"$out/iasl.log" 2>&1 ||
	{ cat "$out/iasl.log"; broken "iasl could not compile asl/gpio-cases.asl"; }
[ -s "$out/gpio-cases.aml" ] || broken "iasl wrote no AML"

cxx=${CXX:-g++}
objs=
for src in "$top"/compat/core/acpi_*.cpp; do
	obj=$out/obj/$(basename "$src" .cpp).o
	$cxx -std=c++17 -O2 -ffreestanding -fno-exceptions -fno-rtti -nostdinc++ -Wall -Wextra -Werror \
		-I"$top/compat/include" -c "$src" -o "$obj" || broken "cannot build $src"
	objs="$objs $obj"
done
# shellcheck disable=SC2086
$cxx -std=c++17 -O2 -Wall -Wextra -Werror -I"$top/compat/include" "$here/iasl_diff.cpp" $objs \
	-o "$out/iasl_diff" || broken "cannot build iasl_diff"

"$out/iasl_diff" "$here/asl/gpio-cases.asl" "$out/gpio-cases.aml" --seeds "$out/seeds" >"$out/iasl-diff.log" 2>&1
rc=$?
echo "seeds: $(find "$out/seeds" -type f | wc -l) files in ${out#"$top"/}/seeds"
if [ "$rc" -gt 1 ]; then
	# Died or refused its input before its last check: fewer lines must not pass.
	cat "$out/iasl-diff.log"
	broken "iasl_diff exit $rc"
elif $record; then
	"$results" lines compat-iasl "$out/iasl-diff.log" || rc=1
else
	cat "$out/iasl-diff.log"
	p=$(grep -c '^PASS ' "$out/iasl-diff.log"); f=$(grep -c '^FAIL ' "$out/iasl-diff.log")
	echo "compat-iasl: $p passed, $f failed"
fi
exit $rc
