#!/bin/sh
# clxgpio end-to-end tests, run in the guest (busybox, libgpiod 1.6 tools).
# Prints PASS <name> / FAIL <name>: reason per check.
CFS=/sys/kernel/config/clxgpio
PL=9030000.pl061
. /extra/guest-lib.sh

# ---- simulated controller through configfs ----
sim_create() { # sim_create DEV [sleeping]: 8 lines, three named (one beyond), a hog on 5
	d=$CFS/$1
	sim_new $d num_lines=8 label=e2e-$1 ${2:+sleeping=1} || return 1
	sim_line $d 0 alpha && sim_line $d 3 gamma && sim_line $d 20 beyond &&
		sim_hog $d 5 output-high myhog && sim_live $d
}

# mon_test NAME CHIP SYSFS OFFSET GPIOMON-FLAGS COUNT EXPECTED-SEQUENCE
mon_test() {
	name=$1; chip=$2; sys=$3; off=$4; flags=$5; count=$6; want=$7
	sim_pull $sys $off pull-down
	gpiomon $flags -n $count $chip $off >/tmp/mon.$$ 2>&1 &
	mpid=$!
	sleep 0.3
	for i in 1 2 3 4; do
		sim_pull $sys $off pull-up; sleep 0.05
		sim_pull $sys $off pull-down; sleep 0.05
	done
	i=0
	while kill -0 $mpid 2>/dev/null && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 $mpid 2>/dev/null; then
		kill $mpid; wait $mpid 2>/dev/null
		ko "$name" "gpiomon still running: $(tr '\n' ' ' </tmp/mon.$$)"
		return
	fi
	wait $mpid
	got=$(sed -n 's/^event: *\([A-Z]*\) EDGE.*/\1/p' /tmp/mon.$$ | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" = "$want" ]; then ok "$name"; else ko "$name" "got '$got' want '$want'"; fi
}

sim_suite() { # sim_suite DEV [sleeping]
	dev=$1; tag=sim${2:+-sleeping}
	if ! sim_create $dev $2; then ko "$tag-create" "configfs device did not go live"; return; fi
	ok "$tag-create"
	chip=$(sim_chip $CFS/$dev)
	sys=$(sim_sys $CFS/$dev)
	check "$tag-chip-name" "chip_name '$chip'" test -c /dev/$chip
	check "$tag-sysfs" "$sys/sim_gpio0 missing" test -f $sys/sim_gpio0/pull
	info=$(gpioinfo $chip)
	check "$tag-label" "gpiodetect lacks e2e-$dev" sh -c "gpiodetect | grep -q '\[e2e-$dev\] (8 lines)'"
	check "$tag-names" "line names: $info" sh -c "echo '$info' | grep -q 'line   0:  *\"alpha\"' &&
		echo '$info' | grep -q 'line   3:  *\"gamma\"' && ! echo '$info' | grep -q beyond"
	check "$tag-hog-info" "hog not shown used: $(echo "$info" | grep 'line   5')" \
		sh -c "echo '$info' | grep 'line   5:' | grep '\"myhog\"' | grep -q 'output.*\[used\]'"
	check "$tag-hog-value" "hog output-high does not drive 1" \
		test "$(sim_value $sys 5)" = 1
	check "$tag-hog-busy" "hogged line could be requested" sh -c "! gpioget $chip 5 2>/dev/null"

	# gpioget follows the simulated outside world
	sim_pull $sys 1 pull-up
	v1=$(gpioget $chip 1); sim_pull $sys 1 pull-down; v0=$(gpioget $chip 1)
	check "$tag-gpioget" "pull-up/down read $v1/$v0" test "$v1$v0" = 10
	# gpioset drives the line: value visible in sysfs while held
	gpioset -m time -s 1 $chip 2=1 & spid=$!; sleep 0.4
	a=$(sim_value $sys 2); wait $spid
	gpioset -m time -s 1 $chip 2=0 & spid=$!; sleep 0.4
	b=$(sim_value $sys 2); wait $spid
	check "$tag-gpioset" "sysfs value $a/$b for 1/0" test "$a$b" = 10
	# bias through the simulated pull
	sim_pull $sys 6 pull-down
	u=$(gpioget --bias=pull-up $chip 6)
	sim_pull $sys 6 pull-up
	d=$(gpioget --bias=pull-down $chip 6)
	check "$tag-bias" "pull-up/down bias read $u/$d" test "$u$d" = 10

	mon_test "$tag-gpiomon-both" $chip $sys 4 "" 6 "RISING FALLING RISING FALLING RISING FALLING"
	mon_test "$tag-gpiomon-rising" $chip $sys 4 "-r" 3 "RISING RISING RISING"
	mon_test "$tag-gpiomon-falling" $chip $sys 4 "-f" 3 "FALLING FALLING FALLING"

	check "$tag-busy-live" "num_lines writable while live" \
		sh -c "! echo 4 2>/dev/null >$CFS/$dev/bank0/num_lines"
	check "$tag-live-eperm" "writing live=1 again did not fail" \
		sh -c "! echo 1 2>/dev/null >$CFS/$dev/live"
	echo 0 >$CFS/$dev/live
	check "$tag-teardown" "chip $chip still present after live=0" \
		sh -c "[ ! -e /dev/$chip ] && [ \"\$(cat $CFS/$dev/bank0/chip_name)\" = none ]"
	echo 1 >$CFS/$dev/live
	check "$tag-relive" "second live=1 failed" test "$(cat $CFS/$dev/live)" = 1
	sim_rm $CFS/$dev
	check "$tag-rmdir" "configfs device left behind" test ! -d $CFS/$dev
}

sim_suite e2e
sim_suite e2es sleeping

# configfs error codes
mkdir -p $CFS/errs/b
check cfs-no-banks "live without banks accepted" sh -c "mkdir $CFS/nob && ! echo 1 2>/dev/null >$CFS/nob/live; rmdir $CFS/nob"
mkdir $CFS/errs/c; echo same >$CFS/errs/b/label; echo same >$CFS/errs/c/label
check cfs-dup-label "duplicate labels accepted" sh -c "! echo 1 2>/dev/null >$CFS/errs/live"
echo 0 >$CFS/errs/c/num_lines 2>/dev/null
check cfs-num-lines-0 "num_lines 0 accepted" test "$(cat $CFS/errs/c/num_lines)" = 1
check cfs-bad-line "line12x accepted" sh -c "! mkdir $CFS/errs/b/line12x 2>/dev/null"
mkdir $CFS/errs/b/line1
check cfs-bad-hog "hog named nothog accepted" sh -c "! mkdir $CFS/errs/b/line1/nothog 2>/dev/null"
mkdir $CFS/errs/b/line1/hog
check cfs-bad-dir "direction 'sideways' accepted" sh -c "! echo sideways 2>/dev/null >$CFS/errs/b/line1/hog/direction"
echo "" >$CFS/errs/c/label; echo 2000 >$CFS/errs/c/num_lines
check cfs-probe-fail "2000 lines went live" sh -c "! echo 1 2>/dev/null >$CFS/errs/live && [ \$(cat $CFS/errs/live) = 0 ]"
rmdir $CFS/errs/b/line1/hog $CFS/errs/b/line1 $CFS/errs/b $CFS/errs/c $CFS/errs

# ---- PL061 ----
plchip=$(gpiodetect | sed -n "s/^\(gpiochip[0-9]*\) \[$PL\].*/\1/p")
check pl061-present "no gpiochip labelled $PL" test -n "$plchip"
pl_roundtrip() { # drives line 0 to 1/0 and reads back the driven level from debugfs
	gpioset -m time -s 1 $PL 0=1 & p=$!; sleep 0.3
	a=$(grep -E "^ *gpio-[0-9]+ .*\|gpioset" /sys/kernel/debug/gpio | head -n1); wait $p
	gpioset -m time -s 1 $PL 0=0 & p=$!; sleep 0.3
	b=$(grep -E "^ *gpio-[0-9]+ .*\|gpioset" /sys/kernel/debug/gpio | head -n1); wait $p
	echo "$a" | grep -q "out hi" && echo "$b" | grep -q "out lo"
}
check pl061-gpioset "debugfs did not show out hi / out lo" pl_roundtrip
check pl061-gpioget "gpioget on line 1 failed" sh -c "gpioget $PL 1 | grep -qE '^[01]$'"
check pl061-gpioinfo "gpioinfo failed" sh -c "gpioinfo $PL | grep -q 'line   7:'"
adev=$(ls /sys/bus/amba/drivers/clxgpio-pl061/ 2>/dev/null | grep pl061 | head -n1)
if [ -n "$adev" ]; then
	echo $adev >/sys/bus/amba/drivers/clxgpio-pl061/unbind
	check pl061-unbind "chip still listed after unbind" sh -c "! gpiodetect | grep -q '\[$PL\]'"
	echo $adev >/sys/bus/amba/drivers/clxgpio-pl061/bind
	check pl061-rebind "chip missing after bind" sh -c "gpiodetect | grep -q '\[$PL\]'"
	check pl061-rebind-io "set/get after rebind" pl_roundtrip
else
	ko pl061-unbind "no device bound to clxgpio-pl061"
fi

# ---- module reload, twice: nothing holds the module, everything comes back ----
ko_path=/lib/modules/$(uname -r)/$(grep clxgpio /etc/clx-modules | head -n1)
for round in 1 2; do
	check "rmmod-refcnt-$round" "refcnt $(cat /sys/module/clxgpio/refcnt) before rmmod" \
		test "$(cat /sys/module/clxgpio/refcnt)" = 0
	if ! rmmod clxgpio; then ko "rmmod-$round" "rmmod clxgpio failed"; break; fi
	ok "rmmod-$round"
	check "rmmod-gone-$round" "configfs or chip left after rmmod" \
		sh -c "[ ! -d $CFS ] && ! gpiodetect | grep -q '\[$PL\]'"
	if insmod $ko_path; then ok "insmod-$round"; else ko "insmod-$round" "insmod $ko_path failed"; fi
	check "reload-pl061-$round" "PL061 not back after insmod" pl_roundtrip
	if sim_create again && [ "$(sim_value $(sim_sys $CFS/again) 5)" = 1 ]; then
		ok "reload-sim-$round"
	else
		ko "reload-sim-$round" "sim device not live (or hog not driving) after reload"
	fi
	sim_rm $CFS/again
done

# ---- kernel log ----
if dmesg | grep -E 'WARNING|BUG|lockdep|possible recursive locking' |
	grep -v 'RCU lockdep checking is enabled' >/tmp/bad.txt; then
	ko dmesg-clean "$(head -n3 /tmp/bad.txt | tr '\n' ' ')"
else
	ok dmesg-clean
fi

finish
