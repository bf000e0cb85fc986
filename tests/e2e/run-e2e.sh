#!/bin/sh
# run-e2e.sh: boots the test kernel (KERNEL=6.12|6.1) with clxgpio.ko, runs the guest
# scripts of tests/e2e (the gpio-sim.sh selftest against clxgpio's configfs, debounce.sh,
# badinput.sh, pull-release.sh, lifecycle.sh, e2e.sh) and records "passed failed" in
# build/results/e2e-$KERNEL.count.
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
KERNEL=${KERNEL:-6.12}
results=$top/build/results
mkdir -p "$results"
log=$top/build/e2e-$KERNEL.log
make -C "$top" --no-print-directory module KERNEL=$KERNEL >/dev/null || {
	echo "0 1" >"$results/e2e-$KERNEL.count"; exit 1; }
# The guest gets the scripts plus line-events and line-value, static arm64 v2-uAPI tools.
extra=$top/build/e2e-extra
rm -rf "$extra" && mkdir -p "$extra" && cp "$here"/*.sh "$extra"/
for tool in line-events line-value; do
	aarch64-linux-gnu-gcc -O2 -Wall -Wextra -Werror -static -o "$extra/$tool" \
		"$here/$tool.c" || { echo "0 1" >"$results/e2e-$KERNEL.count"; exit 1; }
done
KERNEL=$KERNEL MODULES="$top/build/module-$KERNEL/clxgpio.ko" EXTRA="$extra" LOG="$log" \
	TIMEOUT=${TIMEOUT:-400} \
	CMD='r=0; for t in selftest-gpio-sim debounce badinput pull-release lifecycle e2e; do sh /extra/$t.sh || r=1; done; exit $r' \
	"$top/tools/qemu/vm.sh" >/dev/null 2>&1
rc=$?
# Count the PASS/FAIL lines themselves, so a guest that dies half-way still counts.
p=$(grep -c '^PASS ' "$log" 2>/dev/null); f=$(grep -c '^FAIL ' "$log" 2>/dev/null)
p=${p:-0}; f=${f:-0}
grep -E '^(PASS|FAIL) ' "$log" 2>/dev/null
# A VM that died, timed out or logged a splat counts as one more failure.
case $rc in 0|1) ;; *) echo "FAIL vm: exit $rc (splat, timeout or crash)"; f=$((f + 1)) ;; esac
[ $((p + f)) -gt 0 ] || f=1
echo "$p $f" >"$results/e2e-$KERNEL.count"
echo "e2e-$KERNEL: $p passed, $f failed"
[ "$f" -eq 0 ]
