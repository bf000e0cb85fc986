# shellcheck shell=sh disable=SC2034
# guest-lib.sh: the one helper library of the guest scripts (busybox sh), sourced as
# /extra/guest-lib.sh: every runner that boots a guest copies it there. It holds
#   checks        ok/ko/check print "PASS name" / "FAIL name: reason" and count them;
#                 the runner on the host counts those lines (tests/lib/results.sh lines),
#                 so a script ends with `finish` (its status), not with a summary
#   the system    module reference count, gpiochip count, kmalloc objects
#   simulated     a device of clxgpio's or gpio-sim's configfs (the same layout) made,
#   chips         found in sysfs and removed the same way by every script
pass=0; fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1: $2"; fail=$((fail + 1)); }
check() { # check NAME REASON CMD...
	n=$1; r=$2; shift 2
	if "$@"; then ok "$n"; else ko "$n" "$r"; fi
}
finish() { [ $fail -eq 0 ]; }	# the script's status: 0 if no check failed
# errtext CMD...: runs CMD in a subshell; prints "ok" if it succeeded, else the error
# text busybox printed (the strerror after the last ": ", e.g. "Invalid argument").
errtext() {
	e=$( ("$@") 2>&1 >/dev/null ) && { echo ok; return; }
	echo "${e##*: }" | head -n1
}
wr() { echo "$2" >"$1"; }  # wr FILE VALUE (for errtext)

# ---- the system ----
refcnt() { cat /sys/module/${1:-clxgpio}/refcnt; }
nchips() { ls /sys/bus/gpio/devices 2>/dev/null | grep -c '^gpiochip'; }
# Allocated kmalloc objects. Each cache is shrunk first: under generic KASAN a freed
# object waits in the quarantine and still counts in /sys/kernel/slab/*/objects (the debug
# stage saw 7175 -> 8241 over 40 failed activations); shrinking empties the quarantine
# (kmem_cache_shrink -> kasan_cache_shrink) and, without KASAN, frees only empty slabs
# and changes no count.
kmalloc_objects() {
	for f in /sys/kernel/slab/kmalloc-*/shrink; do echo 1 >"$f"; done 2>/dev/null
	t=0
	# shellcheck disable=SC2046 # "N N0=.. N1=..": the first word is the count
	for f in /sys/kernel/slab/kmalloc-*/objects; do set -- $(cat "$f"); t=$((t + $1)); done
	echo $t
}

# ---- simulated chips (Documentation/admin-guide/gpio/gpio-sim.rst layout) ----
CLX_CFS=/sys/kernel/config/clxgpio	# clxgpio's simulated controller
SIM_CFS=/sys/kernel/config/gpio-sim	# upstream gpio-sim
# sim_new DEV [ATTR=VALUE...]: makes configfs device DEV (a path under one of the two
# roots) with one chip directory, bank0, whose attributes are set from the arguments
# (num_lines=8 label=x; clxgpio also sleeping=1 pins_per_bank=N). Not live yet.
sim_new() {
	_d=$1; shift
	mkdir "$_d" "$_d/bank0" || return 1
	for _a in "$@"; do echo "${_a#*=}" >"$_d/bank0/${_a%%=*}" || return 1; done
}
# sim_line DEV OFFSET [NAME]: line OFFSET of bank0, named NAME.
sim_line() {
	mkdir -p "$1/bank0/line$2" || return 1
	[ -z "${3:-}" ] || echo "$3" >"$1/bank0/line$2/name"
}
# sim_hog DEV OFFSET DIRECTION [NAME]: a hog (input, output-high, output-low) on a line.
sim_hog() {
	mkdir -p "$1/bank0/line$2/hog" && echo "$3" >"$1/bank0/line$2/hog/direction" &&
		echo "${4:-hog$2}" >"$1/bank0/line$2/hog/name"
}
sim_live() { echo 1 >"$1/live"; }	# sim_live DEV
sim_up() { sim_new "$@" && sim_live "$1"; }	# sim_up DEV [ATTR=VALUE...]: new and live
# sim_chip DEV [CHIPDIR]: the gpiochip of a live device's chip directory (default bank0)
sim_chip() { cat "$1/${2:-bank0}/chip_name"; }
# sim_sys DEV [CHIPDIR]: the chip's sysfs directory, holding sim_gpioN/{value,pull}
sim_sys() { echo "/sys/devices/platform/$(cat "$1/dev_name")/$(sim_chip "$@")"; }
# sim_rm DEV: live=0, then hogs, lines, chip directories and the device; whatever exists.
sim_rm() {
	[ -d "$1" ] || return 0
	[ "$(cat "$1/live")" = 0 ] || echo 0 >"$1/live"
	for _b in "$1"/*/; do
		[ -d "$_b" ] || continue
		for _l in "$_b"line*/; do
			[ -d "$_l" ] || continue
			[ ! -d "$_l/hog" ] || rmdir "$_l/hog"
			rmdir "$_l"
		done
		rmdir "$_b"
	done
	rmdir "$1"
}
# sim_pull SYS OFFSET pull-up|pull-down: the outside world drives the line (or, while
# user space drives it, what it goes back to); sim_value SYS OFFSET: the line's level.
sim_pull() { echo "$3" >"$1/sim_gpio$2/pull"; }
sim_value() { cat "$1/sim_gpio$2/value"; }
