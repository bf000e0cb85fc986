#!/bin/sh
# End to end through ACPI: QEMU virt-4.1 under UEFI describes the PL061 as ARMH0061
# with an _AEI GpioInt on pin 3 whose _E03 notifies the power button. clxgpio binds
# the PL061, gpiolib-acpi requests the event on clxgpio's irqchip; the guest
# (guest-powerbutton.sh) unbinds and binds the PL061 once (the event is freed and
# requested again), then QMP
# system_powerdown pulses the line: the "ACPI:Event" interrupt must count one edge
# and nothing may splat. Then rmmod: refused while the chip is bound (the requested _AEI
# interrupt holds a reference on the module, as any consumer's interrupt does), and clean
# after the chip is unbound (gpiolib-acpi frees the event on remove): the documented way
# (README "On a board"). Records result acpi-<kernel> (tests/lib/results.sh).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
kernel=${KERNEL:-6.12}
sock=$(mktemp -u /tmp/clx-qmp.XXXXXX)
log=$(mktemp)
# The guest says when the rebound chip is ready; QMP pulses the line only then, and the
# guest waits (up to 30 s) for the event rather than a fixed time, so a slow boot on a
# loaded machine cannot make the pulse come too early.
python3 "$top/tools/qemu/qmp.py" "$sock" system_powerdown 0.5 "$log" CLX-POWERDOWN-READY >/dev/null &
qmp=$!
make -s -C "$top" vm ACPI=1 KERNEL="$kernel" QMP_SOCK="$sock" EXTRA="$top/tests/acpi" \
	CMD='sh /extra/guest-powerbutton.sh' >"$log" 2>&1
rc=$?
wait $qmp
events=$(tr -d '\r' <"$log" | sed -n 's/^CLX-ACPI-EVENTS=//p' | tail -n 1)
ok=0
if [ "$rc" -eq 0 ] && [ "${events:-0}" = "1" ]; then
	echo "PASS acpi-powerbutton: _AEI edge on pin 3 delivered once through clxgpio"
	ok=1
else
	echo "FAIL acpi-powerbutton: vm rc=$rc, ACPI:Event count '${events:-none}'"
	tail -n 30 "$log"
fi
if grep -q '^RMMOD-BOUND=refused' "$log" && grep -q '^RMMOD-UNBOUND=unloaded' "$log"; then
	echo "PASS acpi-rmmod: refused while the _AEI event holds the chip, clean after unbind"
	ok2=1
else
	echo "FAIL acpi-rmmod: $(grep -E '^RMMOD-' "$log" | tr '\n' ' ')"
	ok2=0
fi
rm -f "$log" "$sock"
"$top/tests/lib/results.sh" record "acpi-$kernel" $((ok + ok2)) $((2 - ok - ok2))
