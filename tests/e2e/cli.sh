#!/bin/sh
# The `clxgpio` command end to end, run in the guest (/extra/clxgpio, static arm64), on a
# memory-mapped simulated chip (32 lines in engine banks of 16), the PL061 and upstream
# gpio-sim as the control: read and write through resources with exact bit mapping
# (pins 7, 8, 23 -> bits 0, 1, 2), denials with their NTSTATUS and errno, ActiveBoth
# monitor order, libgpiod and the hub contending (unpaced.sh: the toggle race).
# Prints PASS/FAIL (and INFO) lines.
. /extra/guest-lib.sh
CLX=${CLX:-/extra/clxgpio}
PL=9030000.pl061

[ -x $CLX ] || { ko cli-tool "$CLX missing"; exit 1; }
d=$CLX_CFS/cli
if ! sim_up $d num_lines=32 pins_per_bank=16 label=cli-sim; then
	ko cli-create "configfs device did not go live"; sim_rm $d; exit 1
fi
sys=$(sim_sys $d); chip=$(sim_chip $d)
has() { printf '%s\n' "$1" | grep -q -- "$2"; }	# has TEXT PATTERN

# ---- bits: write (preserved, so the levels stay to be looked at), then read ----
$CLX write --restriction=preserve cli-sim:7,8,23 0x5 >/tmp/w.out 2>&1
check cli-write-bits "exit $? '$(cat /tmp/w.out)', levels $(sim_value $sys 7)$(sim_value $sys 8)$(sim_value $sys 23)" \
	test "$(sim_value $sys 7)$(sim_value $sys 8)$(sim_value $sys 23)" = 101
out=$($CLX read --write cli-sim:7,8,23 2>&1)	# a write connection reads its latches
check cli-read-latches "read '$out', want 0x5 101" test "$out" = "$(printf '0x5\t101')"
sim_pull $sys 7 pull-down; sim_pull $sys 8 pull-up; sim_pull $sys 23 pull-up
out=$($CLX --json read cli-sim:7,8,23 2>&1)
check cli-read-bits "read '$out' (pins 7,8,23 = 0,1,1: hex 0x6)" has "$out" '"hex": *"0x6"'
for p in 7 8 23; do sim_pull $sys $p pull-down; done

# ---- the same bits on a sleeping simulated chip (bus expander model) ----
ds=$CLX_CFS/clis
if sim_up $ds num_lines=32 pins_per_bank=16 label=cli-sleep sleeping=1; then
	ssys=$(sim_sys $ds)
	$CLX write --restriction=preserve cli-sleep:7,8,23 0x5 >/dev/null 2>&1
	check cli-sleeping-write-bits "levels $(sim_value $ssys 7)$(sim_value $ssys 8)$(sim_value $ssys 23)" \
		test "$(sim_value $ssys 7)$(sim_value $ssys 8)$(sim_value $ssys 23)" = 101
	sim_pull $ssys 7 pull-down; sim_pull $ssys 8 pull-up; sim_pull $ssys 23 pull-up
	out=$($CLX --json read cli-sleep:7,8,23 2>&1)
	check cli-sleeping-read-bits "read '$out'" has "$out" '"hex": *"0x6"'
else
	ko cli-sleeping-create "configfs device did not go live"
fi
sim_rm $ds

# ---- denials: NTSTATUS name, errno, exit status 1 ----
denied() { # denied NAME STATUS ERRNO CMD...: the command fails naming both
	n=$1 st=$2 en=$3; shift 3
	out=$("$@" 2>&1); rc=$?
	if [ $rc = 1 ] && has "$out" "$st" && has "$out" "($en)"; then ok "cli-$n"
	else ko "cli-$n" "exit $rc, '$out'"; fi
}
denied write-input-only STATUS_GPIO_OPERATION_DENIED EPERM \
	$CLX write --restriction=input cli-sim:1 1
denied short-buffer STATUS_BUFFER_TOO_SMALL ENOBUFS $CLX read --size=0 cli-sim:1
denied bad-pin STATUS_INVALID_PARAMETER EINVAL $CLX read cli-sim:32
denied no-controller STATUS_NO_SUCH_DEVICE ENODEV $CLX read nosuchchip:1
$CLX monitor --timeout=5 cli-sim:2 >/tmp/held.out 2>&1 & held=$!
sleep 0.5
denied incompatible STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE EBUSY $CLX read cli-sim:2

# ---- libgpiod and the hub contend for a pin ----
check cli-gpioinfo-holder "gpioinfo: $(gpioinfo $chip | grep 'line *2:')" \
	sh -c "gpioinfo $chip | grep 'line *2:' | grep -q 'clxgpio.*used'"
check cli-list-holder "clxgpio list: $($CLX list $chip | grep "	2	")" \
	sh -c "$CLX list $chip | grep '	2	' | grep -q 'used'"
check cli-gpioget-refused "gpioget got the hub's pin" sh -c "! gpioget $chip 2 2>/dev/null"
kill $held 2>/dev/null; wait $held 2>/dev/null
gpioset -m signal $chip 6=1 & gs=$!
sleep 0.3
denied libgpiod-holds STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE EBUSY $CLX read cli-sim:6
kill $gs; wait $gs 2>/dev/null

# ---- ActiveBoth: the first event is asserted, at once if the line already is ----
sim_pull $sys 4 pull-down	# asserted (low)
out=$($CLX monitor --count=1 --timeout=2 cli-sim:4 2>&1)
check cli-monitor-first-asserted "monitor '$out'" \
	has "$(printf '%s\n' "$out" | grep '^event' | head -n1)" 'asserted$'

# ---- the PL061: bits through the write latches ----
$CLX write --restriction=preserve $PL:6,1,2 0x5 >/dev/null 2>&1
out=$($CLX read --write $PL:6,1,2 2>&1)
check cli-pl061 "read --write on the PL061: '$out', want 0x5 101" test "$out" = "$(printf '0x5\t101')"
$CLX write --restriction=preserve $PL:6,1,2 0x2 >/dev/null 2>&1
out=$($CLX read --write $PL:6,1,2 2>&1)
check cli-pl061-again "read --write on the PL061: '$out', want 0x2 010" test "$out" = "$(printf '0x2\t010')"

sim_rm $d
finish
