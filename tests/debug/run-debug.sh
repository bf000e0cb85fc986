#!/bin/sh
# run-debug.sh: the check-debug stage. Builds (or finds in the cache) the debug test kernel
# of KERNEL (VARIANT=debug: tools/qemu/kernel-debug.config, KASAN + UBSAN + kmemleak + debug
# objects + lockdep), builds clxgpio.ko and clxgpio_kunit.ko against it in
# build/module-$KERNEL-debug, and boots it once with tests/debug/guest-debug.sh: kmemleak
# cleared after boot, clxgpio and the KUnit suites, tests/e2e badinput.sh and lifecycle.sh,
# rmmod clxgpio, kmemleak scans. Records two results (tests/lib/results.sh):
#   debug-kunit-$KERNEL         the KUnit cases (tools/qemu/kunit.sh --parse)
#   debug-e2e-$KERNEL           the e2e checks and the stage's own: kmemleak on and clean
#                               after rmmod, module load/unload, no report in dmesg; one
#                               more failure for any KASAN/UBSAN/lockdep/WARNING/BUG report
#                               (CLX-SPLAT) and for a VM that died or timed out
# Logs: build/debug-$KERNEL.log (console), build/debug-$KERNEL-build.log (module build).
# Environment: KERNEL (6.12), TIMEOUT (VM, default 900 s).
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
KERNEL=${KERNEL:-6.12}
record=$top/tests/lib/results.sh
log=$top/build/debug-$KERNEL.log
blog=$top/build/debug-$KERNEL-build.log
mdir=$top/build/module-$KERNEL-debug
rm -f "$log"

now() { date +%s; }
give_up() { # give_up WHAT: the stage could not run; both records fail once
	echo "debug-$KERNEL: $1"
	"$record" record "debug-kunit-$KERNEL" 0 1
	"$record" record "debug-e2e-$KERNEL" 0 1
	exit 1
}

t0=$(now)
kdir=$(KERNEL=$KERNEL VARIANT=debug "$top/tools/qemu/build-kernel.sh") ||
	give_up "the debug kernel did not build (see the build-kernel lines above)"
t1=$(now)
KDIR=$kdir KERNEL=$KERNEL MODULE_DIR=$mdir CLX_TEST_MODULES=kunit \
	"$top/tools/build-module.sh" >"$blog" 2>&1 || {
	tail -n 30 "$blog"
	give_up "clxgpio.ko / clxgpio_kunit.ko did not build against $kdir (log: $blog)"
}
t2=$(now)

extra=$top/build/debug-extra
rm -rf "$extra" && mkdir -p "$extra"
if ! cp "$top/tests/lib/guest-lib.sh" "$top/tests/e2e/badinput.sh" "$top/tests/e2e/lifecycle.sh" \
		"$here/guest-debug.sh" "$mdir/clxgpio.ko" "$mdir/clxgpio_kunit.ko" "$extra/"; then
	give_up "copying the guest files failed"
fi
# The e2e scripts' static arm64 helpers (line-events, ...), built as run-e2e.sh builds them.
for c in "$top"/tests/e2e/*.c; do
	[ -f "$c" ] || continue
	aarch64-linux-gnu-gcc -O2 -Wall -Wextra -Werror -static -o "$extra/$(basename "$c" .c)" "$c" ||
		give_up "building $c for the guest failed"
done
KDIR=$kdir MODULES='' EXTRA=$extra LOG=$log TIMEOUT=${TIMEOUT:-900} \
	APPEND='kunit.enable=1 printk.time=0' CMD='sh /extra/guest-debug.sh' \
	"$top/tools/qemu/vm.sh" >/dev/null 2>&1
rc=$?
t3=$(now)
[ -f "$log" ] || give_up "the VM left no console log (vm.sh exit $rc)"

# KUnit: the KTAP the guest printed.
"$top/tools/qemu/kunit.sh" --parse "$log" >"$log.kunit"
grep -E '^(FAIL|kunit: suite|kunit: a suite)' "$log.kunit"
"$record" kunit "debug-kunit-$KERNEL" "$log.kunit"
kstatus=$?
rm -f "$log.kunit"

# e2e and the stage's own checks: PASS/FAIL lines outside the dmesg dumps, counted as
# printed, so a guest that died half-way still counts what ran.
awk '/^CLX-(KTAP|DMESG)-BEGIN$/ { skip = 1 } /^CLX-(KTAP|DMESG)-END$/ { skip = 0; next }
	!skip && /^(PASS|FAIL|INFO|KMEMLEAK:) /' "$log" >"$log.results"
grep -E '^(INFO|KMEMLEAK:) ' "$log.results"
splats=$(grep -c '^CLX-SPLAT: ' "$log")
if [ "$splats" -gt 0 ]; then
	echo "FAIL debug-splat: $splats report line(s) in dmesg (full dmesg in $log)" >>"$log.results"
	grep '^CLX-SPLAT: ' "$log" | head -n 20
fi
case $rc in
0 | 1 | 126) ;;	# CMD's status (its FAILs are counted) or a splat (counted above)
*) echo "FAIL debug-vm: vm.sh exit $rc (124 timeout, 125 died or a module failed to load)" \
	>>"$log.results" ;;
esac
"$record" lines "debug-e2e-$KERNEL" "$log.results" >"$log.recorded"
estatus=$?
grep -v '^PASS ' "$log.recorded"
rm -f "$log.results" "$log.recorded"
echo "debug-$KERNEL: times: kernel $((t1 - t0)) s, modules $((t2 - t1)) s, VM $((t3 - t2)) s" \
	"(log $log)"
[ "$kstatus" -eq 0 ] && [ "$estatus" -eq 0 ]
