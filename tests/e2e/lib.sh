# Shared guest helpers of the e2e scripts (sourced): PASS/FAIL counting, error text of
# a failing write or mkdir, module reference count, gpiochip count, kmalloc objects.
pass=0; fail=0
ok() { echo "PASS $1"; pass=$((pass + 1)); }
ko() { echo "FAIL $1: $2"; fail=$((fail + 1)); }
check() { # check NAME REASON CMD...
	n=$1; r=$2; shift 2
	if "$@"; then ok "$n"; else ko "$n" "$r"; fi
}
# errtext CMD...: runs CMD in a subshell; prints "ok" if it succeeded, else the error
# text busybox printed (the strerror after the last ": ", e.g. "Invalid argument").
errtext() {
	e=$( ("$@") 2>&1 >/dev/null ) && { echo ok; return; }
	echo "${e##*: }" | head -n1
}
wr() { echo "$2" >"$1"; }  # wr FILE VALUE (for errtext)
refcnt() { cat /sys/module/${1:-clxgpio}/refcnt; }
nchips() { ls /sys/bus/gpio/devices 2>/dev/null | grep -c '^gpiochip'; }
kmalloc_objects() {
	t=0
	for f in /sys/kernel/slab/kmalloc-*/objects; do set -- $(cat $f); t=$((t + $1)); done
	echo $t
}
summary() { echo "e2e-count $pass $fail"; [ $fail -eq 0 ]; }
