#!/bin/sh
# guest-bench.sh ROUNDS ITERS RUNS KITERS KSAMPLES TOGGLES: make bench's guest side.
# Needs clxgpio.ko and clxgpio_kbench.ko loaded, /extra/gpiobench and /extra/guest-lib.sh
# (the correctness of get/set_multiple is make check's: tests/e2e/multiple.sh). Rounds:
#   pl061  clxgpio's PL061 driver, then upstream gpio-pl061 (sysfs unbind/bind), on
#          QEMU virt's 9030000.pl061
#   sim    clxgpio's simulated controller (configfs clxgpio) and upstream gpio-sim
#          (configfs gpio-sim), 8-line chips labelled kb-clx / kb-up
# each through libgpiod (gpiobench ops: median of RUNS loops of ITERS calls) and in the
# kernel (clxgpio_kbench: median of KSAMPLES loops of KITERS calls of the chip's own
# callbacks, plus lock-pair calibration); then edges: TOGGLES
# pull changes on line 4 of each simulated chip with both edges requested, paced (each
# edge waits for its event) and in bursts of 8.
# Prints "KB <group> <driver> <source> key=value ..." lines for run-bench.sh; a
# "KB-ERROR <why>" line and exit 1 when something cannot be measured.
ROUNDS=${1:-5} ITERS=${2:-50} RUNS=${3:-200} KITERS=${4:-50} KSAMPLES=${5:-200}
TOGGLES=${6:-400}
PL=9030000.pl061
BENCH=/extra/gpiobench
KRUN=/sys/kernel/debug/clxgpio_kbench/run
KCOMPAT=/sys/kernel/debug/clxgpio_kbench/compat
EDGE_LINE=4

. /extra/guest-lib.sh
die() { echo "KB-ERROR $*"; exit 1; }

[ -w $KRUN ] || die "clxgpio_kbench debugfs file $KRUN missing (module not loaded?)"
modprobe gpio-pl061 || die "modprobe gpio-pl061 failed"
modprobe gpio-sim || die "modprobe gpio-sim failed"

pl_driver() { # the driver name PL061 is bound to, or nothing
	d=$(readlink /sys/bus/amba/devices/$PL/driver 2>/dev/null) && basename "$d"
}

pl_bind() { # pl_bind DRIVER: rebinds 9030000.pl061 to DRIVER through sysfs
	cur=$(pl_driver)
	[ "$cur" = "$1" ] && return 0
	[ -z "$cur" ] || echo $PL >/sys/bus/amba/drivers/$cur/unbind || die "unbind $PL from $cur"
	echo $PL >/sys/bus/amba/drivers/$1/bind || die "bind $PL to $1"
	[ "$(pl_driver)" = "$1" ] || die "$PL is bound to '$(pl_driver)', not $1"
}

sim_make() { # sim_make CONFIGFS_DEV LABEL -> prints the chip's sysfs directory
	sim_up $1 num_lines=8 label=$2 && sim_sys $1
}

measure() { # measure GROUP DRIVER LABEL
	out=$($BENCH ops $3 $ITERS $RUNS) || die "gpiobench ops $3 failed"
	echo "KB $1 $2 libgpiod $out"
	echo "$3 $KITERS $KSAMPLES" >$KRUN || die "clxgpio_kbench run on $3 failed"
	echo "KB $1 $2 kernel $(cat $KRUN)"
}

compat() { # compat GROUP LABEL: an 8-pin resource vs gpiolib's array calls, clxgpio only
	echo "$2 $KITERS $KSAMPLES" >$KCOMPAT || die "clxgpio_kbench compat on $2 failed"
	echo "KB compat $1 kernel $(cat $KCOMPAT)"
	# the same 8 lines from user space: the hub's ioctls vs the GPIO v2 character device
	out=$(/extra/hubbench $2 /dev/$(gpiochip_of $2) $ITERS $RUNS) ||
		die "hubbench on $2 failed"
	echo "KB hub $1 user $out"
}

gpiochip_of() { # gpiochip_of LABEL: the gpiochipN whose label is LABEL
	gpiodetect | sed -n "s/^\(gpiochip[0-9]*\) \[$1\].*/\1/p"
}

edges() { # edges DRIVER LABEL SYSFS_DIR: paced (edge, then its event) and bursts of 8
	for batch in 1 8; do
		out=$($BENCH edges $2 $EDGE_LINE $3/sim_gpio$EDGE_LINE/pull $TOGGLES $batch) ||
			die "gpiobench edges $2 (batch $batch) failed"
		echo "KB edges $1 batch$batch toggles=$TOGGLES $out"
	done
	[ $1 = clxgpio ] || return 0
	out=$(/extra/hubbench edges $2 $EDGE_LINE $3/sim_gpio$EDGE_LINE/pull $TOGGLES) ||
		die "hubbench edges $2 failed"
	echo "KB edges hub batch1 toggles=$TOGGLES $out"
}

clx_sys=$(sim_make $CLX_CFS/kbclx kb-clx) || die "clxgpio configfs device"
up_sys=$(sim_make $SIM_CFS/kbup kb-up) || die "gpio-sim configfs device"
echo "KB-INFO kernel $(uname -r); clxgpio sim $clx_sys; gpio-sim $up_sys"

r=1
while [ $r -le $ROUNDS ]; do
	echo "KB-INFO round $r of $ROUNDS"
	pl_bind clxgpio-pl061
	measure pl061 clxgpio $PL
	compat pl061 $PL
	pl_bind pl061_gpio
	measure pl061 upstream $PL
	measure sim clxgpio kb-clx
	compat sim kb-clx
	measure sim upstream kb-up
	edges clxgpio kb-clx $clx_sys
	edges upstream kb-up $up_sys
	r=$((r + 1))
done
pl_bind clxgpio-pl061
echo "KB-DONE"
