#!/bin/sh
# multiple-check.sh: before make bench times set_multiple, checks that clxgpio's
# get_multiple/set_multiple move the right bits (busybox sh, gpioget, /extra/gpiobench).
# A clxgpio simulated chip of 100 lines, 48 pins per bank: engine banks 0-47, 48-95
# (across bit 64 of gpiolib's bitmaps) and 96-99 (a short last bank). Prints
# "KB-CHECK PASS <what>" or "KB-CHECK FAIL <what>: <why>"; exit 1 on a failure.
CFS=/sys/kernel/config/clxgpio/kbcheck
LABEL=kb-check
OFFS="0 1 47 48 62 63 64 65 95 96 99"
VALS="1 0 1 1 0 1 1 0 1 0 1"
rc=0
pass() { echo "KB-CHECK PASS $1"; }
fail() { echo "KB-CHECK FAIL $1: $2"; rc=1; }

mkdir $CFS $CFS/bank0 && echo 100 >$CFS/bank0/num_lines && echo 48 >$CFS/bank0/pins_per_bank &&
	echo $LABEL >$CFS/bank0/label && echo 1 >$CFS/live || { fail setup "configfs bank"; exit 1; }
sys=/sys/devices/platform/$(cat $CFS/dev_name)/$(cat $CFS/bank0/chip_name)

# set_multiple: one gpiod_line_set_value_bulk() over all offsets (gpioset would only
# request them with initial values: direction_output, not set_multiple), values read
# back from sim_gpioN/value while held.
args=$(set -- $VALS; for o in $OFFS; do printf '%s=%s ' $o $1; shift; done)
/extra/gpiobench set $LABEL 1000 $args & p=$!
sleep 0.4
got=$(for o in $OFFS; do cat $sys/sim_gpio$o/value; done | tr '\n' ' ' | sed 's/ $//')
wait $p
[ "$got" = "$VALS" ] && pass set_multiple || fail set_multiple "driven '$got', wanted '$VALS'"

# get_multiple: the outside world (pull) set to the pattern, then its complement.
for pattern in "$VALS" "$(echo $VALS | tr 01 10)"; do
	set -- $pattern
	for o in $OFFS; do
		[ $1 = 1 ] && echo pull-up >$sys/sim_gpio$o/pull || echo pull-down >$sys/sim_gpio$o/pull
		shift
	done
	got=$(gpioget $LABEL $OFFS)
	[ "$got" = "$pattern" ] && pass "get_multiple $pattern" ||
		fail get_multiple "read '$got', wanted '$pattern'"
done

echo 0 >$CFS/live
rmdir $CFS/bank0 $CFS
exit $rc
