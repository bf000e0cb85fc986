#!/bin/sh
# Builds and runs the host GoogleTest suite, plain and under ASan+UBSan, and records
# the counts as results host and host-asan (tests/lib/results.sh).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
record() { "$top/tests/lib/results.sh" record "$@"; }
status=0

run_variant() { # name cmake-flags...
	name=$1; shift
	dir=$top/build/$name
	record "$name" 0 1 >/dev/null  # a build failure counts as one failure
	cmake -S "$top/tests/host" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null || return 1
	cmake --build "$dir" -j"$(nproc)" >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; return 1; }
	xml=$dir/results.xml
	rm -f "$xml"
	"$dir/clxgpio_host_tests" --gtest_brief=1 --gtest_output="xml:$xml"
	rc=$?
	if [ ! -s "$xml" ]; then return 1; fi
	total=$(grep -c '<testcase ' "$xml")
	failed=$(grep -c '<failure' "$xml")
	skipped=$(grep -c 'result="skipped"' "$xml")
	echo "$name: $skipped skipped"
	record "$name" $((total - failed - skipped)) "$failed" && return $rc
}

run_variant host || status=1
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	run_variant host-asan -DCLX_SANITIZE=ON || status=1
exit $status
