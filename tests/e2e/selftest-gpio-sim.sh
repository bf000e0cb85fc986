#!/bin/sh
# Runs the kernel selftest gpio-sim.sh against clxgpio's configfs subsystem.
# Usage: selftest-gpio-sim.sh [configfs subsystem dir]; prints PASS/FAIL and a count.
CFS=${1:-/sys/kernel/config/clxgpio}
src=/selftests/gpio/gpio-sim.sh
pass=0; fail=0
if [ ! -f "$src" ]; then
	echo "FAIL gpio-sim.sh: $src missing"; echo "e2e-count 0 1"; exit 1
fi
sed -e "s|^CONFIGFS_DIR=.*|CONFIGFS_DIR=\"$CFS\"|" \
    -e "s|^BASE_DIR=.*|BASE_DIR=/selftests/gpio|" \
    -e "s|modprobe gpio-sim|true|" "$src" >/tmp/gpio-sim.sh
chmod +x /tmp/gpio-sim.sh
cd /selftests/gpio || exit 1
out=$(sh /tmp/gpio-sim.sh 2>&1); rc=$?
echo "$out" | tail -n 15 | sed 's/^/  | /'
if [ $rc -eq 0 ]; then echo "PASS gpio-sim.sh"; pass=1; else echo "FAIL gpio-sim.sh: exit $rc"; fail=1; fi
echo "e2e-count $pass $fail"
[ $fail -eq 0 ]
