#!/bin/sh
# Runs the kernel selftest gpio-sim.sh against clxgpio's configfs subsystem.
# Usage: selftest-gpio-sim.sh [configfs subsystem dir]; prints one PASS/FAIL line.
. /extra/guest-lib.sh
CFS=${1:-$CLX_CFS}
src=/selftests/gpio/gpio-sim.sh
[ -f "$src" ] || { ko gpio-sim.sh "$src missing"; exit 1; }
sed -e "s|^CONFIGFS_DIR=.*|CONFIGFS_DIR=\"$CFS\"|" \
    -e "s|^BASE_DIR=.*|BASE_DIR=/selftests/gpio|" \
    -e "s|modprobe gpio-sim|true|" "$src" >/tmp/gpio-sim.sh
chmod +x /tmp/gpio-sim.sh
cd /selftests/gpio || exit 1
out=$(sh /tmp/gpio-sim.sh 2>&1); rc=$?
echo "$out" | tail -n 15 | sed 's/^/  | /'
check gpio-sim.sh "exit $rc" test $rc -eq 0
finish
