#!/bin/sh
# unpaced.sh [TOGGLES]: the toggle race, run in the guest (2 vCPUs by default): a
# simulated line toggled TOGGLES times (default 10000) as fast as a shell can write its
# sim_gpioN/pull, watched by `clxgpio monitor` through the resource hub (ActiveBoth on
# clxgpio's simulated chip) and, as the control in the same boot, by gpiomon through
# gpiolib on upstream gpio-sim. The hub's events must strictly alternate, be lost only in
# pairs, and end on the line's state; gpiomon's figures are reported, not judged (gpiolib
# names a both-edge event by reading the line when its thread runs). Prints PASS/FAIL
# lines and "INFO unpaced <watcher> key=value ..." lines (make bench reads these).
. /extra/guest-lib.sh
CLX=${CLX:-/extra/clxgpio}
TOGGLES=${1:-10000}

# toggle SYS: TOGGLES writes of the line's pull, down then up
toggle() {
	i=0
	while [ $i -lt $TOGGLES ]; do
		echo pull-down >$1/sim_gpio4/pull; echo pull-up >$1/sim_gpio4/pull
		i=$((i + 2))
	done
}

[ -x $CLX ] || { ko unpaced-tool "$CLX missing"; exit 1; }
d=$CLX_CFS/unpaced
if ! sim_up $d num_lines=8 label=unpaced-sim; then
	ko unpaced-create "configfs device did not go live"; sim_rm $d; exit 1
fi
sys=$(sim_sys $d)
sim_pull $sys 4 pull-up
t0=$(date +%s)
$CLX monitor --timeout=3 unpaced-sim:4 >/tmp/hub.mon 2>&1 & mon=$!
sleep 0.5
toggle $sys
wait $mon
level=$(sim_value $sys 4)
# events, repeats (the same state twice in a row), lost (in 'lost' lines), the last state
set -- $(awk '$1 == "event" { n++; if ($5 == prev) r++; prev = $5 }
	      $1 == "lost" { l += $2 }
	      END { printf "%d %d %d %s\n", n, r, l, prev }' /tmp/hub.mon)
echo "INFO unpaced hub toggles=$TOGGLES events=$1 repeats=$2 lost=$3 last=$4 level=$level seconds=$(($(date +%s) - t0))"
check unpaced-hub-alternates "$2 repeats in $1 events" test "$1" -gt 0 -a "$2" = 0
check unpaced-hub-pairs "$3 lost (odd)" test $(($3 % 2)) = 0
check unpaced-hub-last-level "last '$4', level $level (asserted is low)" \
	test "$4" = "$([ "$level" = 1 ] && echo deasserted || echo asserted)"
sim_rm $d

if modprobe gpio-sim; then
	u=$SIM_CFS/unpaced
	if sim_up $u num_lines=8 label=unpaced-up; then
		usys=$(sim_sys $u)
		sim_pull $usys 4 pull-up
		gpiomon $(sim_chip $u) 4 >/tmp/up.mon 2>&1 & gm=$!
		sleep 0.5
		toggle $usys
		sleep 2; kill $gm; wait $gm 2>/dev/null
		set -- $(sed -n 's/^event: *\([A-Z]*\) EDGE.*/\1/p' /tmp/up.mon |
			awk '{ n++; if ($1 == prev) r++; prev = $1 } END { printf "%d %d\n", n, r }')
		echo "INFO unpaced gpiomon toggles=$TOGGLES events=$1 repeats=$2 (upstream gpio-sim, gpiolib)"
	else
		ko unpaced-control "upstream gpio-sim device did not go live"
	fi
	sim_rm $u
	rmmod gpio-sim
fi
finish
