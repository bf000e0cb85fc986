#!/bin/sh
# get_multiple/set_multiple move the right bits, run in the guest. A clxgpio simulated
# chip of 100 lines, 48 pins per engine bank: banks 0-47, 48-95 (across bit 64 of
# gpiolib's bitmaps) and 96-99 (a short last bank), memory-mapped and sleeping.
#   set_multiple  /extra/line-multi sets the lines with one SET_VALUES ioctl (gpiolib
#                 calls the chip's set_multiple once), reads them back with one
#                 GET_VALUES (get_multiple on outputs); the levels are read from
#                 sysfs sim_gpioN/value while the lines are held
#   get_multiple  the outside world (sysfs pull) set to a pattern, then its complement,
#                 read with one gpioget of all lines (GET_VALUES on inputs)
# Prints PASS/FAIL lines.
. /extra/guest-lib.sh
LM=${LM:-/extra/line-multi}
OFFS="0 1 47 48 62 63 64 65 95 96 99"
VALS="1 0 1 1 0 1 1 0 1 0 1"

# suite TAG [sleeping]
suite() {
	tag=multiple${2:+-sleeping}; d=$CLX_CFS/$1; label=mul-$1
	if ! sim_up $d num_lines=100 pins_per_bank=48 label=$label ${2:+sleeping=1}; then
		ko "$tag-create" "configfs device did not go live"; sim_rm $d; return
	fi
	chip=$(sim_chip $d); sys=$(sim_sys $d)

	args=$(set -- $VALS; for o in $OFFS; do printf '%s=%s ' $o $1; shift; done)
	$LM /dev/$chip 3000 $args >/tmp/lm.out 2>&1 & p=$!
	i=0; while ! grep -q '^set' /tmp/lm.out && [ $i -lt 100 ]; do sleep 0.03; i=$((i + 1)); done
	got=$(for o in $OFFS; do sim_value $sys $o; done | tr '\n' ' ' | sed 's/ $//')
	kill $p 2>/dev/null; wait $p 2>/dev/null
	back=$(sed -n 's/^set //p' /tmp/lm.out)
	check "$tag-set" "driven '$got', wanted '$VALS' ($(head -n1 /tmp/lm.out))" test "$got" = "$VALS"
	check "$tag-get-outputs" "read back '$back', wanted '$VALS'" test "$back" = "$VALS"

	for pattern in "$VALS" "$(echo $VALS | tr 01 10)"; do
		set -- $pattern
		for o in $OFFS; do
			[ $1 = 1 ] && sim_pull $sys $o pull-up || sim_pull $sys $o pull-down
			shift
		done
		got=$(gpioget $chip $OFFS | tr '\n' ' ' | sed 's/ $//')
		check "$tag-get-inputs-$(echo $pattern | tr -d ' ')" "read '$got', wanted '$pattern'" \
			test "$got" = "$pattern"
	done
	sim_rm $d
}

[ -x $LM ] || { ko multiple-tool "$LM missing"; exit 1; }
suite mul
suite muls sleeping
finish
