#!/bin/sh
# guest-distro.sh MODE RELEASE: clxgpio on Debian's own arm64 kernel, run in the guest by
# run-distro.sh (busybox, libgpiod 1.6 tools). /extra holds clxgpio.ko, handover.sh,
# guest-lib.sh and the e2e selftest-gpio-sim.sh. Prints PASS/FAIL per check.
#
#   handover   gpio-pl061 (built in) owns the PL061 at boot: clxgpio.ko installed as DKMS
#              does and modprobe'd (taint O+E only); tools/handover.sh moves the PL061 and
#              its gpio-keys consumer to clxgpio-pl061; libgpiod and the power button
#              (QMP system_powerdown, sent by the host on CLX-DISTRO-POWER-READY) through
#              clxgpio; a simulated controller through clxgpio's configfs (gpioset/gpioget,
#              gpiomon both edges); the kernel's gpio-sim.sh selftest against clxgpio's
#              configfs and, after a reload with gpio_sim_compat=1, under the name gpio-sim;
#              handover back to pl061_gpio; rmmod.
#   blacklist  booted with initcall_blacklist=pl061_gpio_driver_init: gpio-pl061 never
#              registers, clxgpio-pl061 binds the PL061 when the module loads and gpio-keys
#              follows; rmmod refused while gpio-keys holds the button's interrupt.
mode=${1:-handover}
want_release=${2:-}
. /extra/guest-lib.sh
PL=9030000.pl061
PLDEV=/sys/bus/amba/devices/$PL
KEYS=/sys/bus/platform/devices/gpio-keys
rel=$(uname -r)

pl_driver() { [ -e $PLDEV/driver ] && basename "$(readlink $PLDEV/driver)"; }
keys_bound() { [ -e $KEYS/driver ]; }
pl_chip() { for c in $PLDEV/gpiochip*; do [ -e "$c" ] && basename "$c"; return; done; }
wait_for() { # wait_for SECONDS CMD...: polls CMD every 0.1 s
	_w=$(($1 * 10)); shift	# not n: guest-lib.sh's check() keeps its name there
	until "$@"; do _w=$((_w - 1)); [ $_w -gt 0 ] || return 1; sleep 0.1; done
}
line3_used() { gpioinfo "$(pl_chip)" | grep 'line   3:' | grep -q 'used'; }
pl_roundtrip() { # PL061 line 0 driven 1 then 0; debugfs shows the level the chip drives
	for v in 1 0; do
		gpioset -m time -s 1 "$(pl_chip)" 0=$v & p=$!; sleep 0.3
		got=$(grep -E '^ *gpio-[0-9]+ .*\|gpioset' /sys/kernel/debug/gpio | head -n1)
		wait $p
		[ $v = 1 ] && want="out hi" || want="out lo"
		echo "$got" | grep -q "$want" || { echo "  line 0=$v: '$got'"; return 1; }
	done
}
# Kernel log lines since the mark: the taint notices must be clxgpio's two and nothing may
# complain.
dmesg_mark() { dmesg | wc -l >/tmp/dmesg.mark; }
dmesg_new() { dmesg | tail -n +$(($(cat /tmp/dmesg.mark) + 1)); }

check release "uname -r is $rel" test "$rel" = "$want_release"
echo "  kernel: $(cat /proc/version)"
# configfs is a module in Debian's kernels (init.sh's early mount failed): load and mount it.
modprobe configfs && mount -t configfs configfs /sys/kernel/config
check configfs "configfs not mounted" grep -q ' /sys/kernel/config configfs' /proc/mounts
modprobe evdev
modprobe gpio_keys

# clxgpio.ko as dkms installs it: updates/dkms, depmod, modprobe pulls in configfs.
mkdir -p /lib/modules/$rel/updates/dkms
cp /extra/clxgpio.ko /lib/modules/$rel/updates/dkms/
depmod
taint0=$(cat /proc/sys/kernel/tainted)
dmesg_mark
load() { # load [PARAM...]: modprobe clxgpio, check the taint and the kernel log
	tag=modprobe${1:+-$1}
	if ! modprobe clxgpio "$@"; then ko "$tag" "modprobe clxgpio $* failed"; return 1; fi
	ok "$tag"
	t=$(cat /proc/sys/kernel/tainted)
	# O (out-of-tree, 4096) and E (unsigned or unknown key, 8192): nothing else.
	check "$tag-taint" "tainted $taint0 -> $t, want $((taint0 | 12288))" \
		test "$t" = $((taint0 | 12288))
	dmesg_new >/tmp/new.txt
	sed 's/^/  | /' /tmp/new.txt
	grep -v -e 'clxgpio: loading out-of-tree module taints kernel' \
		-e 'clxgpio: module verification failed: signature and/or required key missing' \
		/tmp/new.txt | grep -iE 'taint|warn|bug|oops|call trace|error|fail' >/tmp/bad.txt
	check "$tag-log" "kernel log: $(head -n3 /tmp/bad.txt | tr '\n' ' ')" test ! -s /tmp/bad.txt
}

if [ "$mode" = blacklist ]; then
	check no-pl061-driver "pl061_gpio registered despite initcall_blacklist" \
		test ! -e /sys/bus/amba/drivers/pl061_gpio
	check pl061-unbound "PL061 bound to '$(pl_driver)' before clxgpio" test -z "$(pl_driver)"
	check keys-waiting "gpio-keys bound without a GPIO chip" sh -c '! [ -e '$KEYS'/driver ]'
	load || exit 1
	check pl061-clxgpio "PL061 bound to '$(pl_driver)'" test "$(pl_driver)" = clxgpio-pl061
	check keys-bound "gpio-keys did not probe after clxgpio" wait_for 5 keys_bound
	check keys-line3 "gpioinfo: line 3 not used by gpio-keys" line3_used
	check roundtrip "PL061 gpioset through clxgpio" pl_roundtrip
	out=$(sh /extra/handover.sh $PL pl061_gpio 2>&1); rc=$?
	echo "  | $out"
	check handover-nodriver "exit $rc, '$out'" \
		sh -c "[ $rc = 1 ] && echo '$out' | grep -q 'not registered'"
	check rmmod-refused "rmmod succeeded while gpio-keys holds the interrupt" \
		sh -c '! rmmod clxgpio 2>/dev/null'
	# gpio-keys' link to the PL061 came from a child node and is gone (see handover.sh):
	# unbinding the PL061 would not unbind it, so the consumer goes first.
	dmesg_mark
	echo gpio-keys >$KEYS/driver/unbind && echo $PL >$PLDEV/driver/unbind
	check unbind "PL061 on '$(pl_driver)', gpio-keys bound: $(keys_bound && echo yes)" \
		test -z "$(pl_driver)$(keys_bound && echo yes)"
	check rmmod "rmmod after unbind failed" rmmod clxgpio
	dmesg_new | grep -iE 'still requested|warn|bug' >/tmp/bad.txt
	check unbind-log "kernel log: $(head -n3 /tmp/bad.txt | tr '\n' ' ')" test ! -s /tmp/bad.txt
	finish
	exit
fi

check pl061-builtin "PL061 bound to '$(pl_driver)' at boot" test "$(pl_driver)" = pl061_gpio
echo "  device links of $PL: $(cd $PLDEV && echo consumer:*)"
check keys-bound "gpio-keys not bound" keys_bound
load || exit 1
check modprobe-leaves-pl061 "clxgpio took the PL061 from '$(pl_driver)'" \
	test "$(pl_driver)" = pl061_gpio

# handover.sh refuses what it cannot do, with a reason.
o=$(sh /extra/handover.sh 2>&1); r=$?
check handover-usage "exit $r" test $r = 2
o=$(sh /extra/handover.sh nosuch.dev clxgpio-pl061 2>&1); r=$?
check handover-nodev "exit $r, '$o'" sh -c "[ $r = 1 ] && echo '$o' | grep -q 'no device'"
o=$(sh /extra/handover.sh $PL nosuch_driver 2>&1); r=$?
check handover-nodrv "exit $r, '$o'" sh -c "[ $r = 1 ] && echo '$o' | grep -q 'not registered'"
gpiomon -n 1 "$(pl_chip)" 5 >/dev/null 2>&1 & mpid=$!; sleep 0.3
o=$(sh /extra/handover.sh $PL clxgpio-pl061 2>&1); r=$?
kill $mpid; wait $mpid 2>/dev/null
echo "$o" | sed 's/^/  | /'
echo "$o" | grep -q 'still requested' || r="$r, no 'still requested'"
keys_bound || r="$r, gpio-keys left unbound"
check handover-busy "exit $r, driver '$(pl_driver)' (a user-space line holder)" \
	test "$r/$(pl_driver)" = "1/pl061_gpio"

# ---- to clxgpio ----
o=$(sh /extra/handover.sh $PL clxgpio-pl061 2>&1); r=$?
echo "$o" | sed 's/^/  | /'
check handover-to-clxgpio "exit $r, PL061 bound to '$(pl_driver)'" \
	test "$r/$(pl_driver)" = 0/clxgpio-pl061
check handover-found-keys "gpio-keys not handled as a consumer" \
	sh -c "echo '$o' | grep -q 'unbinding consumer gpio-keys'"
check handover-keys "gpio-keys not bound again" keys_bound
check clx-gpiodetect "gpiodetect lacks [$PL]" sh -c "gpiodetect | grep -q '^$(pl_chip) \[$PL\] (8 lines)'"
gpioinfo "$(pl_chip)" | sed 's/^/  | /'
check clx-keys-line3 "line 3 not used by gpio-keys" line3_used
check clx-roundtrip "gpioset line 0 through clxgpio" pl_roundtrip
check clx-gpioget "gpioget line 1" sh -c "gpioget $(pl_chip) 1 | grep -qE '^[01]$'"

# The power button: QEMU pulses PL061 line 3 on QMP system_powerdown; gpio-keys, now on
# clxgpio's irqchip (both edges), must report KEY_POWER (116) pressed, then released.
ev=
for e in /sys/class/input/event*; do
	[ "$(cat $e/device/name 2>/dev/null)" = gpio-keys ] && ev=/dev/input/$(basename $e)
done
if [ -n "$ev" ]; then
	dd if=$ev of=/tmp/ev bs=24 count=4 2>/dev/null & dpid=$!
	echo CLX-DISTRO-POWER-READY
	wait_for 30 sh -c "! kill -0 $dpid 2>/dev/null"
	kill $dpid 2>/dev/null; wait $dpid 2>/dev/null
	keys=$(od -An -tu2 -w24 -v /tmp/ev | awk '$9 == 1 { printf "%s=%s ", $10, $11 }')
	check clx-powerbutton "key events '$keys', want '116=1 116=0 '" test "$keys" = "116=1 116=0 "
else
	ko clx-powerbutton "no gpio-keys input device"
fi

# ---- simulated controller through clxgpio's configfs ----
CFS=$CLX_CFS
d=$CFS/distro
sim_up $d num_lines=8 label=distro-sim
check sim-live "configfs device did not go live" test "$(cat $d/live 2>/dev/null)" = 1
chip=$(sim_chip $d)
sys=$(sim_sys $d)
pull() { sim_pull $sys $1 $2; }
check sim-gpiodetect "gpiodetect lacks distro-sim" sh -c "gpiodetect | grep -q '^$chip \[distro-sim\] (8 lines)'"
pull 1 pull-up; a=$(gpioget $chip 1); pull 1 pull-down; b=$(gpioget $chip 1)
check sim-gpioget "pull-up/down read $a/$b" test "$a$b" = 10
gpioset -m time -s 1 $chip 2=1 & p=$!; sleep 0.4; a=$(sim_value $sys 2); wait $p
gpioset -m time -s 1 $chip 2=0 & p=$!; sleep 0.4; b=$(sim_value $sys 2); wait $p
check sim-gpioset "sim sees $a/$b for 1/0" test "$a$b" = 10
pull 4 pull-down
gpiomon -n 16 $chip 4 >/tmp/mon 2>&1 & mpid=$!
sleep 0.3
for _ in 1 2 3 4 5 6 7 8; do pull 4 pull-up; sleep 0.05; pull 4 pull-down; sleep 0.05; done
wait_for 5 sh -c "! kill -0 $mpid 2>/dev/null" || kill $mpid
wait $mpid 2>/dev/null
got=$(sed -n 's/^event: *\([A-Z]*\) EDGE.*/\1/p' /tmp/mon | tr '\n' ' ')
want=$(for _ in 1 2 3 4 5 6 7 8; do printf 'RISING FALLING '; done)
check sim-gpiomon-both "got '$got'" test "$got" = "$want"
sim_rm $d
check sim-teardown "device left in configfs" test ! -d $d
sh /extra/selftest-gpio-sim.sh $CFS

# ---- back to gpio-pl061 ----
sh /extra/handover.sh $PL pl061_gpio 2>&1 | sed 's/^/  | /'
check handover-back "PL061 bound to '$(pl_driver)'" test "$(pl_driver)" = pl061_gpio
check handover-back-keys "gpio-keys not bound again" keys_bound
check back-keys-line3 "line 3 not used by gpio-keys" line3_used
check back-roundtrip "gpioset line 0 through gpio-pl061" pl_roundtrip
check rmmod-refcnt "refcnt $(refcnt) before rmmod" test "$(refcnt)" = 0
check rmmod "rmmod clxgpio failed" rmmod clxgpio
check rmmod-clean "clxgpio's configfs left, or PL061 on '$(pl_driver)'" \
	test ! -d $CFS -a "$(pl_driver)" = pl061_gpio

# ---- gpio_sim_compat=1: the selftest under upstream gpio-sim's configfs name ----
dmesg_mark
if load gpio_sim_compat=1; then
	check compat-leaves-pl061 "PL061 bound to '$(pl_driver)'" test "$(pl_driver)" = pl061_gpio
	sh /extra/selftest-gpio-sim.sh $SIM_CFS |
		sed -E 's/^(PASS|FAIL) gpio-sim.sh/\1 gpio-sim.sh-compat/'
	check compat-rmmod "rmmod clxgpio failed" rmmod clxgpio
fi
finish
