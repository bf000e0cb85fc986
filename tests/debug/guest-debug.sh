#!/bin/sh
# Run in the debug kernel's guest by run-debug.sh. clxgpio is not loaded at boot: kmemleak
# first reports and forgets what boot left behind, then clxgpio.ko and the KUnit suites
# load, the e2e badinput and lifecycle scripts run, clxgpio is removed, and kmemleak must
# find nothing new. PASS/FAIL lines as the e2e scripts print them; the KUnit dmesg between
# CLX-KTAP-BEGIN/END for kunit.sh --parse. Sanitizer and lockdep reports are caught by the
# initramfs /init (CLX-SPLAT lines), which run-debug.sh counts.
. /extra/guest-lib.sh
KML=/sys/kernel/debug/kmemleak

kml() { echo "$1" >$KML; }
suspects() { grep -c '^unreferenced object' $KML; }
# kml_split: the current suspects into /tmp/kml.upstream (count) and /tmp/kml.other (the
# reports). Upstream: 6.12 gpiolib leaks the label of a line still requested when its chip
# goes away (gpiod_free_commit() frees it only while the chip exists, gpiodev_release()
# never); lifecycle.sh tears chips down under held lines on purpose, with upstream gpio-sim
# too, which leaks the same way. Every other object fails the stage.
kml_split() {
	awk '/^unreferenced object/ { flush(); rec = $0 "\n"; next }
		{ rec = rec $0 "\n" }
		function flush() {
			if (rec == "") return
			if (rec ~ /desc_set_label/ && rec ~ /gpiod_request_commit/) up++
			else printf "%s", rec >"/tmp/kml.other"
			rec = ""
		}
		END { flush(); print up + 0 >"/tmp/kml.upstream" }' $KML
}
# kmemleak reports an object once it is older than 5 s and did not change between two
# scans; its "clear" forgets only objects it has reported. So: wait, scan twice.
settle() { sleep 6; kml scan && kml scan; }

# ---- kmemleak: on, and boot's own suspects out of the way ----
if [ -e $KML ] && settle 2>/dev/null; then
	kml_on=1
	ok kmemleak-on
	echo "INFO kmemleak: $(suspects) suspect(s) from boot, cleared"
	kml clear
else
	kml_on=0
	ko kmemleak-on "$(dmesg | grep -m1 -i 'kmemleak.*\(disabled\|error\|fail\)')"
fi
mark=$(dmesg | wc -l)

# ---- clxgpio, then the KUnit suites (they run while their module loads) ----
if ! insmod /extra/clxgpio.ko; then
	ko insmod-clxgpio "insmod /extra/clxgpio.ko failed"
	finish
	exit
fi
ok insmod-clxgpio
check insmod-kunit "insmod /extra/clxgpio_kunit.ko failed" insmod /extra/clxgpio_kunit.ko
echo CLX-KTAP-BEGIN
dmesg
echo CLX-KTAP-END
check rmmod-kunit "rmmod clxgpio_kunit failed" rmmod clxgpio_kunit

# ---- e2e: bad input and driver life cycle (their own PASS/FAIL lines) ----
sh /extra/badinput.sh
sh /extra/lifecycle.sh

# ---- unload; nothing of clxgpio's may be left unreferenced ----
check rmmod-clxgpio "refcnt $(refcnt), holders: $(ls /sys/module/clxgpio/holders 2>/dev/null)" \
	rmmod clxgpio
if [ $kml_on = 1 ]; then
	settle; kml scan
	rm -f /tmp/kml.other
	kml_split
	up=$(cat /tmp/kml.upstream)
	n=$(grep -c '^unreferenced object' /tmp/kml.other 2>/dev/null)
	[ "$up" -eq 0 ] || echo "INFO kmemleak: $up line label(s) leaked by gpiolib (a line held" \
		"while its chip went away: lifecycle held-line teardowns, upstream gpio-sim's too)"
	check kmemleak-clean "${n:-0} unreferenced object(s) after rmmod clxgpio (KMEMLEAK lines)" \
		test "${n:-0}" -eq 0
	[ "${n:-0}" -eq 0 ] || sed 's/^/KMEMLEAK: /' /tmp/kml.other
fi
# Object-debugging reports and a kmemleak that turned itself off since boot (the splat
# filter of /init knows neither).
dmesg | tail -n +$((mark + 1)) | grep -E 'ODEBUG:|kmemleak: .*(disabled|[Ee]rror|fail)' \
	>/tmp/reports
check debug-reports "$(head -n1 /tmp/reports)" test ! -s /tmp/reports
finish
