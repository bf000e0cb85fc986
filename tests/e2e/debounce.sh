#!/bin/sh
# Debounce end to end, run in the guest: a v2 uAPI request with a debounce period
# (tests/e2e/line-events.c; libgpiod 1.6's tools cannot set one) on clxgpio's simulated
# controller, whose hardware has no debounce: the engine emulates it. Prints
# PASS/FAIL lines like e2e.sh. Needs /extra/line-events.
CFS=/sys/kernel/config/clxgpio
EV=${EV:-/extra/line-events}
. /extra/guest-lib.sh

# watch TAG CHIP SYS DEBOUNCE_US: runs the pulse pattern below under line-events and
# prints the edge names it saw, space separated
watch() {
	out=/tmp/ev.$1
	sim_pull $3 2 pull-down
	$EV /dev/$2 2 $4 2 >$out 2>&1 &
	p=$!
	i=0; while ! grep -q ready $out 2>/dev/null && [ $i -lt 50 ]; do sleep 0.02; i=$((i + 1)); done
	# a glitch (two writes back to back), a 10 ms pulse, then a 500 ms pulse
	sim_pull $3 2 pull-up; sim_pull $3 2 pull-down
	sleep 0.2
	sim_pull $3 2 pull-up; sleep 0.01; sim_pull $3 2 pull-down
	sleep 0.2
	sim_pull $3 2 pull-up; sleep 0.5; sim_pull $3 2 pull-down
	wait $p
	if ! grep -q ready $out; then echo "error: $(cat $out)"; return; fi
	sed -n 's/^\(RISING\|FALLING\) .*/\1/p' $out | tr '\n' ' ' | sed 's/ $//'
}

suite() { # suite DEV [sleeping]
	d=$CFS/$1; tag=debounce${2:+-sleeping}
	if ! sim_up $d num_lines=4 label=deb-$1 ${2:+sleeping=1}; then
		ko "$tag-create" "device did not go live"; sim_rm $d; return
	fi
	chip=$(sim_chip $d)
	sys=$(sim_sys $d)

	# Without debounce the 10 ms pulse is seen too (4 events), so the 100 ms debounce
	# below really filters something. The glitch adds 0, 1 or 2: a pulse shorter than
	# the service latency can vanish (emulated both-edge re-reads the line), and two
	# interrupts that reach gpiolib's cdev before its thread runs make one event, named
	# from the line's level when the thread reads it. So only the count is checked.
	got=$(watch raw $chip $sys 0)
	n=$(echo $got | wc -w)
	case $n in 4|5|6) ok "$tag-off" ;; *) ko "$tag-off" "got $n events '$got', want 4 to 6" ;; esac
	# 100 ms debounce: only the 500 ms pulse survives.
	got=$(watch deb $chip $sys 100000)
	want="RISING FALLING"
	[ "$got" = "$want" ] && ok "$tag-100ms" || ko "$tag-100ms" "got '$got' want '$want'"
	sim_rm $d
}

[ -x $EV ] || { ko debounce-tool "$EV missing"; exit 1; }
suite deb
suite debs sleeping
finish
