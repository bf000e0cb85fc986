#!/bin/sh
# The resource hub end to end, run in the guest: /dev/clxgpio-hub's uapi through
# /extra/hub-probe on a memory-mapped and a sleeping simulated chip (16 lines in engine
# banks of 8): bit mapping across banks, every denial with its errno and NTSTATUS, the
# referee with gpiolib both ways (gpioinfo names the holder), ActiveBoth under unpaced
# toggles (strict alternation, losses only in pairs, last event = the line's level), and
# a non-root user refused. Prints PASS/FAIL lines.
. /extra/guest-lib.sh
HP=${HP:-/extra/hub-probe}
TOGGLES=${TOGGLES:-1000}

[ -x $HP ] || { ko hub-tool "$HP missing"; exit 1; }
check hub-device-mode "/dev/clxgpio-hub is not 0600 root" \
	test "$(stat -c '%a %u' /dev/clxgpio-hub 2>/dev/null)" = "600 0"
for mode in mm sleeping; do
	d=$CLX_CFS/hub$mode
	if ! sim_up $d num_lines=16 pins_per_bank=8 label=hub-$mode \
		$([ $mode = sleeping ] && echo sleeping=1); then
		ko "hub-$mode-create" "configfs device did not go live"; sim_rm $d; continue
	fi
	$HP hub-$mode /dev/$(sim_chip $d) $(sim_sys $d) $TOGGLES | sed "s/^\(PASS\|FAIL\|INFO\) hub-/\1 hub-$mode-/"
	sim_rm $d
done
# A device's resource: QEMU virt's device tree wires the power button to PL061 pin 3.
if [ -e /proc/device-tree/gpio-keys/poweroff/gpios ]; then
	$HP --resource /gpio-keys/poweroff 9030000.pl061 3
else
	ko hub-resource "no /gpio-keys/poweroff in the device tree"
fi
$HP --nobody
finish
