#!/bin/sh
# clxgpio demo, run in the guest by `make demo`: a scripted tour with Debian's libgpiod
# 1.6 tools of clxgpio's two controllers - QEMU virt's PL061 and a simulated, level-only
# controller made through configfs. Every step echoes its command; any failed step makes
# the demo exit non-zero.
PL=9030000.pl061
CFS=/sys/kernel/config/clxgpio
DEV=$CFS/demo
failed=0

step() { echo; echo "== $*"; }
run() { echo "\$ $*"; "$@" || { echo "demo: step failed: $*"; failed=1; }; }
expect() { # expect WHAT GOT WANT
	if [ "$2" = "$3" ]; then echo "   $1: $2 (as expected)"
	else echo "   $1: got '$2', want '$3'"; failed=1; fi
}

step "1. Both controllers as gpiolib sees them (the sim device is made in step 3)"
run gpiodetect

step "2. QEMU virt's PL061, driven by clxgpio-pl061 in place of gpio-pl061"
run gpioinfo $PL
echo "\$ cat /sys/bus/amba/devices/9030000.pl061/driver -> $(basename "$(readlink /sys/bus/amba/devices/9030000.pl061/driver)")"

step "3. A simulated controller: 2 banks of 16 lines, named lines, one hog (configfs)"
mkdir -p $DEV/bank0 $DEV/bank1
echo 16 >$DEV/bank0/num_lines; echo demo-a >$DEV/bank0/label
echo 16 >$DEV/bank1/num_lines; echo demo-b >$DEV/bank1/label
mkdir $DEV/bank0/line0 $DEV/bank0/line1 $DEV/bank0/line4 $DEV/bank0/line7
echo led >$DEV/bank0/line0/name; echo button >$DEV/bank0/line1/name
echo door >$DEV/bank0/line4/name
mkdir $DEV/bank0/line7/hog
echo power-en >$DEV/bank0/line7/hog/name; echo output-high >$DEV/bank0/line7/hog/direction
run sh -c "echo 1 >$DEV/live"
chip=$(cat $DEV/bank0/chip_name)
sys=/sys/devices/platform/$(cat $DEV/dev_name)/$chip
echo "   device $(cat $DEV/dev_name), bank0 = $chip, bank1 = $(cat $DEV/bank1/chip_name)"
run gpiodetect
run gpioinfo demo-a

step "4. Set/get round trips"
echo "-- PL061 line 0: gpioset holds the line; debugfs shows the driven level"
for v in 1 0; do
	echo "\$ gpioset -m time -s 1 $PL 0=$v"
	gpioset -m time -s 1 $PL 0=$v & p=$!; sleep 0.3
	got=$(grep -E '^ *gpio-[0-9]+ .*\|gpioset' /sys/kernel/debug/gpio | head -n1 | grep -o 'out [hilo]*')
	wait $p
	[ $v = 1 ] && want="out hi" || want="out lo"
	expect "debugfs" "$got" "$want"
done
echo "-- sim 'led' (line 0): the simulated outside world sees what gpioset drives"
for v in 1 0; do
	echo "\$ gpioset -m time -s 1 demo-a 0=$v; cat sim_gpio0/value"
	gpioset -m time -s 1 demo-a 0=$v & p=$!; sleep 0.3
	got=$(cat $sys/sim_gpio0/value); wait $p
	expect "sim_gpio0/value" "$got" "$v"
done
echo "-- sim 'button' (line 1): gpioget reads what the outside world pulls"
for p in pull-up pull-down; do
	echo "\$ echo $p >sim_gpio1/pull; gpioget demo-a 1"
	echo $p >$sys/sim_gpio1/pull
	[ $p = pull-up ] && want=1 || want=0
	expect "gpioget" "$(gpioget demo-a 1)" "$want"
done
echo "-- the hog keeps 'power-en' (line 7) high: $(cat $sys/sim_gpio7/value)"

step "5. gpiomon catches both edges on 'door' (line 4): the sim has level-only interrupts,"
echo "   so clxgpio emulates both-edge by re-arming the opposite level after each event"
echo pull-down >$sys/sim_gpio4/pull
echo "\$ gpiomon -n 6 demo-a 4 &   then pull-up/pull-down three times"
gpiomon -n 6 demo-a 4 >/tmp/demo-mon 2>&1 & m=$!
sleep 0.3
for i in 1 2 3; do
	echo pull-up >$sys/sim_gpio4/pull; sleep 0.1
	echo pull-down >$sys/sim_gpio4/pull; sleep 0.1
done
i=0; while kill -0 $m 2>/dev/null && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
kill $m 2>/dev/null; wait $m 2>/dev/null
cat /tmp/demo-mon
got=$(sed -n 's/^event: *\([A-Z]*\) EDGE.*/\1/p' /tmp/demo-mon | tr '\n' ' ' | sed 's/ $//')
expect "edges" "$got" "RISING FALLING RISING FALLING RISING FALLING"

step "6. Tear down the sim device"
run sh -c "echo 0 >$DEV/live"
rmdir $DEV/bank0/line7/hog
for l in $DEV/bank0/line*; do rmdir $l; done
rmdir $DEV/bank0 $DEV/bank1 $DEV
run gpiodetect

echo
if [ $failed = 0 ]; then echo "demo: all steps passed"; else echo "demo: some steps FAILED"; fi
exit $failed
