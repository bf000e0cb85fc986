#!/bin/sh
# Sums build/results/*.count ("passed failed" per stage) into the final line of
# `make check`: "N passed, N failed". Exits non-zero if anything failed or no
# stage reported.
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0; failed=0; stages=0
for f in "$top"/build/results/*.count; do
	[ -f "$f" ] || continue
	read -r p fl < "$f"
	printf '  %-20s %4d passed, %d failed\n' "$(basename "$f" .count)" "$p" "$fl"
	passed=$((passed + p)); failed=$((failed + fl)); stages=$((stages + 1))
done
echo "$passed passed, $failed failed"
[ "$stages" -gt 0 ] && [ "$failed" -eq 0 ]
