#!/bin/sh
# check-kunit.sh COUNT_FILE COMMAND...: runs COMMAND (make qemu-kunit), shows its output
# and records the case counts of its "KUNIT passed=N failed=M" line as "N M" in
# COUNT_FILE for tests/summary.sh. No such line (build or boot failure): "0 1".
count=$1; shift
mkdir -p "$(dirname "$count")"
out=$(mktemp "${TMPDIR:-/tmp}/clx-check-kunit-XXXXXX")
trap 'rm -f "$out"' EXIT
"$@" 2>&1 | tee "$out"
line=$(grep -E '^KUNIT passed=[0-9]+ failed=[0-9]+$' "$out" | tail -n 1)
if [ -n "$line" ]; then
	echo "$line" | sed -E 's/^KUNIT passed=([0-9]+) failed=([0-9]+)$/\1 \2/' >"$count"
else
	echo "check-kunit: no KUNIT result line" >&2
	echo "0 1" >"$count"
fi
read -r p f <"$count"
[ "$f" -eq 0 ] && [ "$p" -gt 0 ]
