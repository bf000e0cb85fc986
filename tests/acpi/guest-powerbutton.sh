#!/bin/sh
# Guest half of powerbutton-e2e.sh (ACPI boot, clxgpio loaded): rebinds the PL061, says
# CLX-POWERDOWN-READY (the host's QMP system_powerdown waits for it), waits up to 30 s for
# the _AEI event, prints CLX-ACPI-EVENTS=<count over all CPUs>, then checks that rmmod is
# refused while the chip is bound and clean after it is unbound.
d=/sys/bus/amba/drivers/clxgpio-pl061
events() {
	awk '/ACPI:Event/ { s = 0; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i; print s }' \
		/proc/interrupts
}
echo ARMH0061:00 >$d/unbind && echo ARMH0061:00 >$d/bind || exit 1
echo CLX-POWERDOWN-READY
i=0
while [ "$(events)" != 1 ] && [ $i -lt 60 ]; do sleep 0.5; i=$((i + 1)); done
sleep 1	# a second edge, if one came, is counted too
grep ACPI:Event /proc/interrupts
echo "CLX-ACPI-EVENTS=$(events)"
if rmmod clxgpio 2>/dev/null; then echo RMMOD-BOUND=unloaded; else echo RMMOD-BOUND=refused; fi
echo ARMH0061:00 >$d/unbind && rmmod clxgpio && ! grep -q '^clxgpio ' /proc/modules &&
	echo RMMOD-UNBOUND=unloaded
exit 0
