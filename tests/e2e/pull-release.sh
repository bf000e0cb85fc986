#!/bin/sh
# Pulls and releases, run in the guest: what user space sees of a line's pull and of a
# released line on clxgpio's simulated chip and on upstream gpio-sim, in the same boot,
# through libgpiod 1.6's tools, line-value (an "as is" read) and sysfs sim_gpioN. Both
# must give the expected result (gpio-sim.rst: a line's value may differ from its pull
# only while user space drives the line):
# - one pull per line: a consumer's bias and the sysfs pull set the same one, the last
#   write wins, an input follows it, and it stays after the consumer releases the line;
# - a released line's value goes back to its pull, its direction stays; an output no
#   consumer holds follows its pull, one a consumer holds does not.
# Prints PASS/FAIL lines.
. /extra/guest-lib.sh
CLX=$CLX_CFS
UP=$SIM_CFS
LV=${LV:-/extra/line-value}

if ! modprobe gpio-sim; then ko pull-release-setup "modprobe gpio-sim failed"; exit 1; fi

# mk SUBSYS: an 8-line chip (sleeping on clxgpio when $2 is given); sets CHIP and SYS
mk() {
	sim_up $1/pr num_lines=8 ${2:+sleeping=1} || { sim_rm $1/pr; return 1; }
	CHIP=$(sim_chip $1/pr)
	SYS=$(sim_sys $1/pr)
}
rm_mk() { sim_rm $1/pr; }
pull() { sim_pull $SYS $1 $2; }
state() { echo "$(cat $SYS/sim_gpio$1/pull)/$(sim_value $SYS $1)"; } # pull/value
used() { # used OFFSET: wait (3 s at most) until a consumer holds the line
	i=0
	while [ $i -lt 30 ]; do
		gpioinfo $CHIP | grep "line *$1:" | grep -q '\[used' && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
wait_gone() { # wait_gone PID: 3 s at most, then kill it
	i=0
	while kill -0 $1 2>/dev/null && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	kill $1 2>/dev/null; wait $1 2>/dev/null
}

# Each case prints one line of what it saw.
# gpiomon --bias=pull-up, then the sysfs pull-down: a falling edge.
c_bias_then_sysfs() {
	pull 1 pull-down
	gpiomon --bias=pull-up -n 1 -F '%e' $CHIP 1 >/tmp/pr.mon 2>&1 & m=$!
	used 1 || echo "not-requested"
	a=$(state 1)
	pull 1 pull-down
	wait_gone $m
	ev=$(cat /tmp/pr.mon | tr '\n' ' ' | sed 's/ $//')
	echo "$a ev=$ev $(state 1)"
}
# The sysfs pull, then a consumer's bias: the bias is the line's pull now, and stays
# after the consumer releases the line.
c_sysfs_then_bias() {
	pull 2 pull-down
	v=$(gpioget --bias=pull-up $CHIP 2)
	echo "get=$v $(state 2) $($LV /dev/$CHIP 2)"
}
# gpioset -m exit (libgpiod 2: gpioset -t0) then an "as is" read: the released output
# reads its pull and stays an output; it follows a later sysfs pull.
c_release_output() {
	pull 3 pull-down
	gpioset -m exit $CHIP 3=1
	a="$(state 3) $($LV /dev/$CHIP 3)"
	pull 3 pull-up
	echo "$a | $(state 3) $($LV /dev/$CHIP 3)"
}
# A released output requested again and driven: the pull no longer moves it; released
# again, it goes back to the pull.
c_held_output() {
	pull 4 pull-down
	gpioset -m exit $CHIP 4=1
	gpioset -m signal $CHIP 4=0 & s=$!
	used 4 || echo "not-requested"
	pull 4 pull-up
	a=$(state 4)
	kill $s; wait $s 2>/dev/null
	echo "$a | $(state 4)"
}
# same CASE EXPECTED [sleeping]: clxgpio and gpio-sim both print EXPECTED
same() {
	name=$1; want=$2; tag=${3:+-sleeping}
	if mk $CLX $3; then got_clx=$(c_$name); rm_mk $CLX; else got_clx="not live"; fi
	if mk $UP; then got_up=$(c_$name); rm_mk $UP; else got_up="not live"; fi
	if [ "$got_clx" = "$want" ] && [ "$got_up" = "$want" ]; then ok "pull-$name$tag"
	else ko "pull-$name$tag" "clxgpio '$got_clx', gpio-sim '$got_up', want '$want'"; fi
}
for sl in "" sleeping; do
	same bias_then_sysfs "pull-up/1 ev=0 pull-down/0" $sl
	same sysfs_then_bias "get=1 pull-up/1 1 in" $sl
	same release_output "pull-down/0 0 out | pull-up/1 1 out" $sl
	same held_output "pull-up/0 | pull-up/1" $sl
done

rmmod gpio-sim || ko pull-release-rmmod-gpio-sim "rmmod gpio-sim failed"
finish
