#!/bin/sh
# check-kunit.sh NAME COMMAND...: runs COMMAND (make qemu-kunit), shows its output and
# records the case counts of its "KUNIT passed=N failed=M" line as result NAME
# (tests/lib/results.sh; no such line, a build or boot failure: one failure).
name=$1; shift
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp "${TMPDIR:-/tmp}/clx-check-kunit-XXXXXX")
trap 'rm -f "$out"' EXIT
"$@" 2>&1 | tee "$out"
"$top/tests/lib/results.sh" kunit "$name" "$out"
