#!/bin/sh
# handover.sh DEVICE TO-DRIVER: move a bound GPIO controller (any device) from its current
# driver to another one at run time, with its consumers, e.g. QEMU virt's or a board's
# PL061 from the built-in gpio-pl061 to clxgpio and back:
#
#   tools/handover.sh 9030000.pl061 clxgpio-pl061    # clxgpio.ko loaded
#   tools/handover.sh 9030000.pl061 pl061_gpio       # back to upstream gpio-pl061
#
# Steps: the device's consumers (device links, /sys/bus/<bus>/devices/DEVICE/consumer:*,
# and bound devices whose device-tree node, or a child node of it, names DEVICE in a gpios
# property) are unbound from their drivers; the device is unbound; driver_override is set
# to TO-DRIVER, so that choice also holds when a module is reloaded (write an empty line to
# driver_override to undo); the device is bound to TO-DRIVER; the consumers are bound again
# to the drivers they had (unless deferred probing already did). If the bind fails, the old
# driver and the consumers are restored. Lines requested by anything else (user space, a
# driver found neither way, e.g. through ACPI _CRS), as /sys/kernel/debug/gpio lists them,
# stop the handover unless HANDOVER_FORCE=1.
# Exit status: 0 when DEVICE ends up bound to TO-DRIVER (and every consumer bound again),
# 1 otherwise, 2 on bad usage. Needs root and sysfs. Written for POSIX sh, so it also
# runs on busybox-only boards (and the QEMU test guest), not only with bash.
# Alternative without a handover: boot with initcall_blacklist=pl061_gpio_driver_init, so
# a built-in gpio-pl061 never registers and clxgpio-pl061 binds the PL061 when it loads.
set -eu

me=handover
die() { echo "$me: $*" >&2; exit 1; }
say() { echo "$me: $*"; }

[ $# -eq 2 ] || { echo "usage: $me DEVICE TO-DRIVER (e.g. 9030000.pl061 clxgpio-pl061)" >&2; exit 2; }
dev=$1 to=$2

# The device and its bus.
devpath=
for p in /sys/bus/*/devices/"$dev"; do
	[ -e "$p" ] && { devpath=$p; break; }
done
[ -n "$devpath" ] || die "no device '$dev' on any bus (see ls /sys/bus/*/devices)"
bus=$(basename "$(dirname "$(dirname "$devpath")")")
drvdir=/sys/bus/$bus/drivers
[ -d "$drvdir/$to" ] || die "driver '$to' is not registered on the $bus bus" \
	"(module not loaded? registered: $(ls "$drvdir" | tr '\n' ' '))"

driver_of() { # driver name of a device path, empty if unbound
	if [ -e "$1/driver" ]; then basename "$(readlink -f "$1/driver")"; fi
}
bind() { # bind DEVICE-PATH DRIVER-DIR: quietly, succeeds if it ends up bound there
	[ -e "$1/driver" ] || basename "$1" >"$2/bind" 2>/dev/null || true
	[ "$(readlink -f "$1/driver" 2>/dev/null)" = "$(readlink -f "$2")" ]
}

from=$(driver_of "$devpath")
if [ "$from" = "$to" ]; then
	say "$dev is already bound to $to"
	exit 0
fi

# Consumers, as "<device path> <its driver's path>" lines, bound ones only, each once.
consumers=
add_consumer() {
	[ -e "$1/driver" ] || return 0
	case $consumers in *"$1 "*) return 0 ;; esac
	consumers="$consumers$1 $(readlink -f "$1/driver")
"
}
# 1. Device links (fw_devlink makes them from a consumer node's own gpios properties).
for link in "$devpath"/consumer:*; do
	[ -e "$link/consumer" ] && add_consumer "$(readlink -f "$link/consumer")"
done
# 2. The device tree: bound devices whose node, or a child node without a compatible of its
# own (gpio-keys' buttons, gpio-leds' LEDs), has a gpios / *-gpios / gpio / *-gpio property
# pointing at DEVICE's node. fw_devlink links from child nodes are sync-state-only and are
# dropped once the consumer probes, so gpio-keys has no device link left to follow.
be32() { od -An -tu1 -v -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'; }
points_here() { # points_here PROPERTY-FILE: walks its <phandle cell...> entries
	od -An -tu1 -v "$1" | awk -v ph="$phandle" -v cells="$gpio_cells" '
		BEGIN { n = split(cells, a, " "); for (i = 1; i < n; i += 2) c[a[i]] = a[i + 1] }
		{ for (i = 1; i <= NF; i++) b[nb++] = $i }
		END {
			for (i = 0; i + 3 < nb; i += 4)
				w[nw++] = b[i] * 16777216 + b[i + 1] * 65536 + b[i + 2] * 256 + b[i + 3]
			for (i = 0; i < nw;) {
				if (w[i] == 0) { i++; continue }	# an empty entry
				if (w[i] == ph) exit 0
				i += 1 + ((w[i] in c) ? c[w[i]] : 2)
			}
			exit 1
		}'
}
if [ -e "$devpath/of_node/phandle" ]; then
	phandle=$(be32 "$devpath/of_node/phandle")
	mynode=$(readlink -f "$devpath/of_node")
	# "phandle #gpio-cells" of every GPIO provider, to step over other providers' entries.
	gpio_cells=$(find /sys/firmware/devicetree/base -name '#gpio-cells' | while read -r f; do
		[ ! -e "${f%/*}/phandle" ] || printf '%s %s ' "$(be32 "${f%/*}/phandle")" "$(be32 "$f")"
	done)
	for of in /sys/bus/*/devices/*/of_node; do
		c=$(readlink -f "${of%/of_node}")
		node=$(readlink -f "$of")
		if [ ! -e "$c/driver" ] || [ "$node" = "$mynode" ]; then continue; fi
		for f in "$node"/gpios "$node"/*-gpios "$node"/gpio "$node"/*-gpio \
			"$node"/*/gpios "$node"/*/*-gpios "$node"/*/gpio "$node"/*/*-gpio; do
			[ -f "$f" ] || continue
			[ "${f%/*}" = "$node" ] || [ ! -e "${f%/*}/compatible" ] || continue
			if points_here "$f"; then add_consumer "$c"; break; fi
		done
	done
fi

unbind_consumers() {
	printf '%s' "$consumers" | while read -r c d; do
		[ -n "$c" ] || continue
		say "unbinding consumer $(basename "$c") from $(basename "$d")"
		basename "$c" >"$d/unbind"
	done
}
rebind_consumers() { # prints the consumers that did not bind again
	printf '%s' "$consumers" | while read -r c d; do
		[ -n "$c" ] || continue
		bind "$c" "$d" || basename "$c"
	done
}

# Lines still requested on the device's chips once its consumers are gone (debugfs shows one
# "gpio-N (name|consumer)" row per requested line under the chip's "parent: bus/dev" header).
held_lines() {
	[ -r /sys/kernel/debug/gpio ] || return 0
	awk -v parent="parent: $bus/$dev," '
		/^gpiochip/ { mine = index($0, parent) > 0; next }
		mine && /^ *gpio-[0-9]+ / { print }' /sys/kernel/debug/gpio
}

unbind_consumers
held=$(held_lines)
if [ -n "$held" ] && [ "${HANDOVER_FORCE:-0}" != 1 ]; then
	rebind_consumers >/dev/null
	die "lines of $dev are still requested (by user space, or a driver with no device link" \
		"or device-tree reference): $(echo "$held" | tr -s ' \n' ' '); stop those users or set HANDOVER_FORCE=1"
fi

override=
if [ -e "$devpath/driver_override" ]; then
	override=$(cat "$devpath/driver_override")
	[ "$override" != "(null)" ] || override=
fi
if [ -n "$from" ]; then
	say "unbinding $dev from $from"
	echo "$dev" >"$devpath/driver/unbind"
fi
[ ! -e "$devpath/driver_override" ] || echo "$to" >"$devpath/driver_override"
say "binding $dev to $to"
if ! bind "$devpath" "$drvdir/$to"; then
	[ ! -e "$devpath/driver_override" ] || echo "$override" >"$devpath/driver_override"
	[ -z "$from" ] || bind "$devpath" "$drvdir/$from" || true
	rebind_consumers >/dev/null
	die "binding $dev to $to failed (see dmesg for the probe error);" \
		"${from:+restored to $from: }now bound to '$(driver_of "$devpath")'"
fi

missing=$(rebind_consumers)
[ -z "$missing" ] || die "$dev is bound to $to, but consumer(s) did not bind again:" \
	"$(echo "$missing" | tr '\n' ' ')(see dmesg)"
say "$dev is bound to $to${consumers:+; consumers bound again:$(printf '%s' "$consumers" |
	while read -r c d; do printf ' %s' "$(basename "$c")"; done)}"
