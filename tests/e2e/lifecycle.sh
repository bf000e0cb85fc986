#!/bin/sh
# Driver lifecycle, run in the guest: sysfs unbind/bind of clxgpio's simulated
# controller and PL061 (repeated, chips come back working), teardown while a consumer
# still holds a line (module references return; on 6.1 gpiolib leaks them unless the
# glue drops them), compared with upstream gpio-sim. rmmod/insmod is in e2e.sh.
. /extra/guest-lib.sh
CFS=$CLX_CFS
SIMDRV=/sys/bus/platform/drivers/clxgpio-sim
PLDRV=/sys/bus/amba/drivers/clxgpio-pl061
PL=9030000.pl061

sim_make() { # sim_make DEV [sleeping]: 8 lines, line0 "alpha", hog output-high on 5
	d=$CFS/$1
	sim_new $d num_lines=8 label=lc-$1 ${2:+sleeping=1} && sim_line $d 0 alpha &&
		sim_hog $d 5 output-high && sim_live $d
}
# sim_works DEV: names, hog, input through the pull, output through gpioset
sim_works() {
	c=$(sim_chip $CFS/$1); s=$(sim_sys $CFS/$1)
	[ -c /dev/$c ] || return 1
	gpioinfo $c | grep -q '"alpha"' || return 1
	[ "$(sim_value $s 5)" = 1 ] || return 1
	sim_pull $s 1 pull-up; [ "$(gpioget $c 1)" = 1 ] || return 1
	sim_pull $s 1 pull-down; [ "$(gpioget $c 1)" = 0 ] || return 1
	gpioset -m time -s 1 $c 2=1 & p=$!; sleep 0.3
	v=$(sim_value $s 2); wait $p
	[ "$v" = 1 ]
}

# ---- simulated controller: unbind/bind three times, mmio and sleeping banks ----
for mode in mmio sleeping; do
	dev=lc$mode
	sim_make $dev $([ $mode = sleeping ] && echo 1)
	dn=$(cat $CFS/$dev/dev_name); r0=$(refcnt); c0=$(nchips)
	round=1
	while [ $round -le 3 ]; do
		echo $dn >$SIMDRV/unbind
		check "sim-$mode-unbind-$round" "chip_name $(sim_chip $CFS/$dev), $(nchips) chips" \
			test "$(sim_chip $CFS/$dev)/$(nchips)" = "none/$((c0 - 1))"
		echo $dn >$SIMDRV/bind
		check "sim-$mode-rebind-$round" "chip back but not working" sim_works $dev
		round=$((round + 1))
	done
	check "sim-$mode-rebind-refcnt" "refcnt $(refcnt), $r0 before" test "$(refcnt)" = "$r0"
	sim_rm $CFS/$dev
done

# ---- teardown while a consumer holds a line: the references come back ----
held_teardown() { # held_teardown TAG SUBSYS MODULE HOW(live|unbind)
	S=$2; m=$3; r0=$(refcnt $m)
	sim_up $S/held num_lines=4
	c=$(sim_chip $S/held); dn=$(cat $S/held/dev_name)
	gpioset -m signal $c 1=1 & p=$!; sleep 0.3
	if [ $4 = unbind ]; then echo $dn >/sys/bus/platform/drivers/${m%_*}-sim/unbind
	else echo 0 >$S/held/live; fi
	kill $p; wait $p
	sim_rm $S/held
	r1=$(refcnt $m)
}
held_teardown clx-live $CFS clxgpio live
check sim-held-live0-refcnt "refcnt $r1 after, $r0 before" test "$r1" = "$r0"
held_teardown clx-unbind $CFS clxgpio unbind
check sim-held-unbind-refcnt "refcnt $r1 after, $r0 before" test "$r1" = "$r0"
if modprobe gpio-sim; then
	held_teardown up-live $SIM_CFS gpio_sim live
	echo "INFO upstream gpio-sim after live=0 with a held line: refcnt $r1 (was $r0)"
	[ "$r1" != "$r0" ] || rmmod gpio-sim
fi

# ---- PL061: unbind/bind three times, once with a line held ----
r0=$(refcnt)
gpioset -m signal $PL 0=1 & p=$!; sleep 0.3
check pl061-held-refcnt "refcnt $(refcnt) while a line is held, $r0 before" \
	test "$(refcnt)" = "$((r0 + 1))"
echo $PL >$PLDRV/unbind; kill $p; wait $p
echo $PL >$PLDRV/bind
check pl061-held-unbind-refcnt "refcnt $(refcnt), $r0 before" test "$(refcnt)" = "$r0"
round=1
while [ $round -le 3 ]; do
	echo $PL >$PLDRV/unbind
	check "pl061-unbind-$round" "chip still listed" sh -c "! gpiodetect | grep -q '\[$PL\]'"
	echo $PL >$PLDRV/bind
	gpioset -m time -s 1 $PL 6=1 & p=$!; sleep 0.3
	d=$(grep -E "^ *gpio-[0-9]+ .*\|gpioset" /sys/kernel/debug/gpio | head -n1); wait $p
	check "pl061-rebind-$round" "driven line not 'out hi': $d" sh -c "echo '$d' | grep -q 'out hi'"
	round=$((round + 1))
done
check pl061-rebind-refcnt "refcnt $(refcnt), $r0 before" test "$(refcnt)" = "$r0"
finish
