#!/bin/bash
# run-bench.sh: make bench. Builds clxgpio.ko + clxgpio_kbench.ko (KERNEL) and gpiobench,
# boots the test VM once, runs guest-bench.sh there and prints the table (report.py),
# also written to build/bench/bench-kernel.txt and build/bench/bench-kernel-$KERNEL.txt.
# Exit 0 when it measured, even if a target is missed; non-zero when it could not.
# Environment: KERNEL (6.12), KBENCH_ROUNDS (5), KBENCH_ITERS (50 libgpiod calls a
# loop), KBENCH_RUNS (200 loops a round, median), KBENCH_KITERS (50 kernel-loop calls a
# sample), KBENCH_KSAMPLES (200 samples, median), KBENCH_TOGGLES (400 edges a mode and round), KBENCH_SMP (1 vCPU), TIMEOUT (1200 s).
# One vCPU by default: under TCG on a loaded host, a wake-up sent to the other vCPU
# costs milliseconds of host scheduling, which swamped the edge figures (measured:
# the same paced edge run gave 137 or 1671 events/s depending on where the reader ran).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
KERNEL=${KERNEL:-6.12}
out=$top/build/bench
mkdir -p "$out"
log=$out/bench-kernel-$KERNEL.log

make -C "$top" --no-print-directory module KERNEL="$KERNEL" CLX_TEST_MODULES=kbench >&2
mods="$top/build/module-$KERNEL/clxgpio.ko $top/build/module-$KERNEL/clxgpio_kbench.ko"
for m in $mods; do [ -f "$m" ] || { echo "bench: $m was not built" >&2; exit 1; }; done
"$here/build-gpiobench.sh" "$out/gpiobench"

extra=$(mktemp -d "${TMPDIR:-/tmp}/clx-kbench-XXXXXX")
trap 'rm -rf "$extra"' EXIT
cp "$out/gpiobench" "$here/guest-bench.sh" "$top/tests/lib/guest-lib.sh" "$extra/"
aarch64-linux-gnu-gcc -O2 -Wall -Wextra -Werror -static -o "$extra/hubbench" "$here/hubbench.c" ||
	{ echo "bench: hubbench did not build" >&2; exit 1; }

args="${KBENCH_ROUNDS:-5} ${KBENCH_ITERS:-50} ${KBENCH_RUNS:-200} ${KBENCH_KITERS:-50}"
args="$args ${KBENCH_KSAMPLES:-200} ${KBENCH_TOGGLES:-400}"
echo "bench: booting KERNEL=$KERNEL: guest-bench.sh $args (log: $log)" >&2
rc=0
KERNEL=$KERNEL MODULES="$mods" EXTRA="$extra" LOG="$log" TIMEOUT=${TIMEOUT:-1200} \
	SMP=${KBENCH_SMP:-1} APPEND="${KBENCH_APPEND:-}" \
	CMD="sh /extra/guest-bench.sh $args" "$top/tools/qemu/vm.sh" >/dev/null || rc=$?
if [ "$rc" != 0 ]; then
	grep -a -E '^(KB-ERROR|CLX-SPLAT)' "$log" >&2 || true
	echo "bench: the VM run failed (vm.sh exit $rc; 126 = kernel splat), see $log" >&2
	exit 1
fi
# A second boot on 2 vCPUs: the unpaced toggle race, the hub's `clxgpio monitor` against
# gpiomon on upstream gpio-sim (tests/e2e/unpaced.sh); its INFO lines join the log.
ulog=$out/bench-unpaced-$KERNEL.log
make -C "$top" --no-print-directory userspace-arm64 >&2
cp "$top/build/userspace-arm64/clxgpio" "$top/tests/e2e/unpaced.sh" "$extra/"
KERNEL=$KERNEL MODULES="$top/build/module-$KERNEL/clxgpio.ko" EXTRA="$extra" LOG="$ulog" \
	TIMEOUT=${TIMEOUT:-1200} SMP=2 CMD="sh /extra/unpaced.sh ${KBENCH_UNPACED:-10000}" \
	"$top/tools/qemu/vm.sh" >/dev/null || rc=$?
[ "$rc" = 0 ] || { echo "bench: the unpaced run failed (vm.sh exit $rc), see $ulog" >&2; exit 1; }
tr -d '\r' <"$ulog" | sed -n 's/^INFO unpaced \([a-z]*\) /KB unpaced \1 smp2 /p' >>"$log"
python3 "$here/report.py" "$log" "$out/bench-kernel-$KERNEL.txt" "$KERNEL" "${KBENCH_SMP:-1}"
cp "$out/bench-kernel-$KERNEL.txt" "$out/bench-kernel.txt"
echo "bench: written to build/bench/bench-kernel.txt (and bench-kernel-$KERNEL.txt)" >&2
