#!/bin/sh
# Fuzzes the ACPI GPIO descriptor codec (compat/core) with libFuzzer, ASan and UBSan
# (Debian's clang; libFuzzer and the sanitizer runtimes come from libclang-rt-<N>-dev).
#
# Usage: run-fuzz.sh (--runs N | --seconds S) [--record NAME]
#   --runs N      stop after N executions (libFuzzer -runs)
#   --seconds S   stop after S seconds (libFuzzer -max_total_time)
#   --record NAME record the result as NAME (tests/lib/results.sh): 1 passed when the
#                 run ended normally with no crash, leak, sanitizer report or broken
#                 property; 0 passed, 1 failed otherwise (a build failure too)
# Seeds: the templates and descriptors iasl compiled from tests/compat/asl (made anew
# by tests/compat/run-iasl-diff.sh into build/compat/seeds; nothing binary is kept in
# the repository). Work files go to build/fuzz: the fuzzer, corpus/ (seeds plus what the
# run found), artifacts/ (a crashing input, if any), fuzz.log, and summary.txt with the
# figures (executions, seconds, executions per second).
# Environment: CLANGXX (default clang++), FUZZ_SEED (libFuzzer -seed, default 1),
# FUZZ_MAX_LEN (default 4096).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/fuzz
results=$top/tests/lib/results.sh
limit= record=
while [ $# -gt 0 ]; do
	case $1 in
	--runs) limit="-runs=$2"; want_runs=$2; shift 2 ;;
	--seconds) limit="-max_total_time=$2"; want_runs=0; shift 2 ;;
	--record) record=$2; shift 2 ;;
	*) echo "usage: run-fuzz.sh (--runs N | --seconds S) [--record NAME]" >&2; exit 2 ;;
	esac
done
[ -n "$limit" ] || { echo "usage: run-fuzz.sh (--runs N | --seconds S) [--record NAME]" >&2; exit 2; }

finish() { # finish OK|FAIL MESSAGE
	echo "fuzz: $2"
	if [ -n "$record" ]; then
		if [ "$1" = OK ]; then "$results" record "$record" 1 0; else "$results" record "$record" 0 1; fi
	fi
	[ "$1" = OK ]
	exit $?
}

cxx=${CLANGXX:-clang++}
command -v "$cxx" >/dev/null || finish FAIL "$cxx not found (apt-get install clang libclang-rt-14-dev)"
rm -rf "$out"
mkdir -p "$out/obj" "$out/corpus" "$out/artifacts"

# Seeds from iasl.
"$top/tests/compat/run-iasl-diff.sh" >"$out/seeds.log" 2>&1 ||
	{ tail -n 20 "$out/seeds.log"; finish FAIL "the iasl seeds could not be made (tests/compat/run-iasl-diff.sh)"; }
seeds=$top/build/compat/seeds
nseeds=$(find "$seeds" -type f | wc -l)
[ "$nseeds" -gt 0 ] || finish FAIL "no seeds in $seeds"

# The codec as the kernel builds it (freestanding, no exceptions/RTTI), instrumented.
san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
objs=
for src in "$top"/compat/core/acpi_*.cpp; do
	obj=$out/obj/$(basename "$src" .cpp).o
	# shellcheck disable=SC2086
	$cxx -std=c++17 -g -O1 -ffreestanding -fno-exceptions -fno-rtti -nostdinc++ -Wall -Wextra -Werror \
		-fsanitize=fuzzer-no-link $san -I"$top/compat/include" -c "$src" -o "$obj" ||
		finish FAIL "cannot build $src with $cxx"
	objs="$objs $obj"
done
# shellcheck disable=SC2086
$cxx -std=c++17 -g -O1 -Wall -Wextra -Werror -fsanitize=fuzzer $san -I"$top/compat/include" \
	"$top/tests/fuzz/acpi_gpio_fuzz.cpp" $objs -o "$out/acpi_gpio_fuzz" ||
	finish FAIL "cannot build the fuzzer with $cxx (libFuzzer: libclang-rt-<N>-dev)"

echo "== libFuzzer: $limit, $nseeds iasl seeds, seed ${FUZZ_SEED:-1}, max_len ${FUZZ_MAX_LEN:-4096}"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	"$out/acpi_gpio_fuzz" "$limit" -seed="${FUZZ_SEED:-1}" -max_len="${FUZZ_MAX_LEN:-4096}" \
	-print_final_stats=1 -timeout=10 -artifact_prefix="$out/artifacts/" \
	"$out/corpus" "$seeds" >"$out/fuzz.log" 2>&1
rc=$?
grep -E '^#[0-9]+.*(INITED|DONE)|^Done |^stat::' "$out/fuzz.log"

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/fuzz.log" | tail -n 1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/fuzz.log" | tail -n 1)
secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$out/fuzz.log" | tail -n 1)
units=$(find "$out/corpus" -type f | wc -l)
figures="${runs:-?} executions in ${secs:-?} s (${rate:-?} exec/s), $nseeds iasl seeds, $units inputs added to the corpus"
echo "$figures" >"$out/summary.txt"

if [ "$rc" -ne 0 ] || grep -Eq 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:|deadly signal|acpi_gpio_fuzz: ' "$out/fuzz.log"; then
	grep -E -A30 'ERROR: |runtime error:|deadly signal|acpi_gpio_fuzz: ' "$out/fuzz.log" | head -n 60
	ls "$out/artifacts"
	finish FAIL "libFuzzer exit $rc after $figures; crash input in ${out#"$top"/}/artifacts/"
fi
[ -n "$runs" ] && [ -n "$secs" ] || finish FAIL "no final statistics in ${out#"$top"/}/fuzz.log"
[ "$runs" -ge "$want_runs" ] || finish FAIL "only $runs of $want_runs executions"
finish OK "$figures; no crash, leak or sanitizer report"
