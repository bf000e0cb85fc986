#!/bin/sh
# Builds and runs the userspace/ host tests (library and CLI against the fake hub), plain
# and under ASan+UBSan, and builds the arm64 static clxgpio; records the results
# userspace-host, userspace-asan (test counts) and userspace-arm64 (1 check: the binary
# is a static aarch64 executable) with tests/lib/results.sh.
#
#   run-userspace-tests.sh            all three
#   run-userspace-tests.sh --host     the two test runs only
# JOBS: build jobs (default 1).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
record() { "$top/tests/lib/results.sh" record "$@"; }
jobs=${JOBS:-1}
status=0

run_variant() { # name cmake-flags...
	name=$1; shift
	dir=$top/build/$name
	record "$name" 0 1 >/dev/null  # a build failure counts as one failure
	mkdir -p "$dir"
	cmake -S "$top/tests/userspace" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null || return 1
	cmake --build "$dir" -j"$jobs" >"$dir/build.log" 2>&1 || { cat "$dir/build.log"; return 1; }
	xml=$dir/results.xml
	rm -f "$xml"
	"$dir/clxgpio_userspace_tests" --gtest_brief=1 --gtest_output="xml:$xml"
	rc=$?
	[ -s "$xml" ] || return 1
	total=$(grep -c '<testcase ' "$xml")
	# test cases with at least one failure (a case can report several)
	failed=$(awk '/<testcase /{f=0} /<failure/{if (!f) n++; f=1} END{print n+0}' "$xml")
	skipped=$(grep -c 'result="skipped"' "$xml")
	echo "$name: $skipped skipped"
	record "$name" $((total - failed - skipped)) "$failed" && return $rc
}

run_variant userspace-host || status=1
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	run_variant userspace-asan -DCLX_SANITIZE=ON || status=1
if [ "${1:-}" != "--host" ]; then
	"$top/tests/lib/results.sh" run userspace-arm64 env JOBS="$jobs" "$top/userspace/build.sh" arm64 \
		|| status=1
fi
exit $status
