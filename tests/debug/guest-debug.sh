#!/bin/sh
# Run in the debug kernel's guest by run-debug.sh. clxgpio is not loaded at boot: kmemleak
# first reports and forgets what boot left behind, then clxgpio.ko and the KUnit suites
# load, the e2e badinput and lifecycle scripts run, clxgpio is removed, and kmemleak must
# find nothing new. PASS/FAIL lines as the e2e scripts print them; the KUnit dmesg between
# CLX-KTAP-BEGIN/END for kunit.sh --parse. Sanitizer and lockdep reports are caught by the
# initramfs /init (CLX-SPLAT lines), which run-debug.sh counts.
. /extra/lib.sh
KML=/sys/kernel/debug/kmemleak

kml() { echo "$1" >$KML; }
suspects() { grep -c '^unreferenced object' $KML; }
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
	summary
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
	n=$(suspects)
	check kmemleak-clean "$n unreferenced object(s) after rmmod clxgpio (KMEMLEAK lines)" \
		test "$n" -eq 0
	[ "$n" -eq 0 ] || sed 's/^/KMEMLEAK: /' $KML
fi
# Object-debugging reports and a kmemleak that turned itself off since boot (the splat
# filter of /init knows neither).
dmesg | tail -n +$((mark + 1)) | grep -E 'ODEBUG:|kmemleak: .*(disabled|[Ee]rror|fail)' \
	>/tmp/reports
check debug-reports "$(head -n1 /tmp/reports)" test ! -s /tmp/reports
summary
