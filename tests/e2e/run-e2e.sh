#!/bin/sh
# run-e2e.sh: boots the test kernel (KERNEL=6.12|6.1) with clxgpio.ko, runs the guest
# scripts of tests/e2e (the gpio-sim.sh selftest against clxgpio's configfs, debounce.sh,
# badinput.sh, pull-release.sh, multiple.sh, hub.sh, cli.sh, unpaced.sh, lifecycle.sh,
# e2e.sh) with
# tests/lib/guest-lib.sh and records their PASS/FAIL lines as result e2e-$KERNEL
# (tests/lib/results.sh). Console log: build/e2e-$KERNEL.log.
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
KERNEL=${KERNEL:-6.12}
record=$top/tests/lib/results.sh
log=$top/build/e2e-$KERNEL.log
SCRIPTS="selftest-gpio-sim debounce badinput pull-release multiple hub cli unpaced lifecycle e2e"
make -C "$top" --no-print-directory module KERNEL=$KERNEL >/dev/null || {
	echo "FAIL e2e-module: clxgpio.ko did not build for $KERNEL"; "$record" record "e2e-$KERNEL" 0 1
	exit 1; }
# The guest gets the scripts, the helper library and the static arm64 v2-uAPI tools.
extra=$top/build/e2e-extra
rm -rf "$extra" && mkdir -p "$extra" && cp "$here"/*.sh "$top/tests/lib/guest-lib.sh" "$extra"/
# ... and the clxgpio command (userspace/, static arm64)
make -C "$top" --no-print-directory userspace-arm64 >"$top/build/e2e-userspace.log" 2>&1 &&
	cp "$top/build/userspace-arm64/clxgpio" "$extra/" || {
	echo "FAIL e2e-userspace: clxgpio did not build for arm64 (build/e2e-userspace.log)"
	"$record" record "e2e-$KERNEL" 0 1; exit 1; }
for c in "$here"/*.c; do
	aarch64-linux-gnu-gcc -O2 -Wall -Wextra -Werror -static -o "$extra/$(basename "$c" .c)" \
		"$c" || { echo "FAIL e2e-tools: $c"; "$record" record "e2e-$KERNEL" 0 1; exit 1; }
done
rm -f "$log"
KERNEL=$KERNEL MODULES="$top/build/module-$KERNEL/clxgpio.ko" EXTRA="$extra" LOG="$log" \
	TIMEOUT=${TIMEOUT:-400} \
	CMD="r=0; for t in $SCRIPTS; do sh /extra/\$t.sh || r=1; done; exit \$r" \
	"$top/tools/qemu/vm.sh" >/dev/null 2>&1
# The PASS/FAIL lines themselves count, so a guest that dies half-way still counts what
# ran; a VM that died, timed out or logged a splat is one more failure.
"$record" lines "e2e-$KERNEL" "$log" $?
