#!/bin/bash
# kunit.sh: run KUnit test modules in the test VM and count the results.
#
#   kunit.sh TEST.ko [TEST2.ko ...]
#   kunit.sh --parse LOG     parse a console log that holds dmesg between CLX-KTAP-BEGIN and
#                            CLX-KTAP-END lines (a guest script's own run); no VM
#
# Boots vm.sh with kunit.enable=1 printk.time=0, loads $MODULES (e.g. clxgpio.ko, the code
# under test) and then the test modules in order (KUnit runs a module's suites while it
# loads), prints dmesg and parses the KTAP out of it. Works with 6.1 (no top-level KTAP
# header for module suites) and 6.12 (a "KTAP version 1 / 1..N" header per module).
#
# Environment: everything vm.sh takes (KERNEL, VARIANT, KDIR, ACPI, EXTRA, APPEND, TIMEOUT,
# ...), and
#   MODULES='a.ko ...'   loaded before the test modules
#   KUNIT_FILTER=glob    kunit.filter_glob (6.12; 6.1 ignores it for modules)
#   LOG=file             keep the VM console output
#   KTAP_OUT=file        also write the joined KTAP (one header, suites numbered 1..N), e.g.
#                        for tools/testing/kunit/kunit.py parse
# Output: one line per case (PASS/FAIL/SKIP suite.case), one per suite, then
#   kunit: N passed, M failed, K skipped
#   KUNIT passed=N failed=M
# Exit status: 0 only if at least one case ran, none failed, every suite finished and the VM
# run itself succeeded (no module load failure, no kernel splat).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || { sed -n '2,24s/^# \{0,1\}//p' "$0" >&2; exit 2; }

# parse_ktap LOG: the per-case, per-suite and total lines; exit status 1 on a failed or
# unfinished suite or when no case ran.
parse_ktap() {
	tr -d '\r' <"$1" | sed -n '/^CLX-KTAP-BEGIN$/,/^CLX-KTAP-END$/p' |
		awk -v ktap_out="${KTAP_OUT:-}" "$ktap_awk"
}

ktap_awk='
function result(line, indent,   s, f) {
	# "ok 3 name # SKIP why" / "not ok 3 name": sets r_ok, r_skip, r_name
	s = substr(line, indent + 1)
	r_ok = (s ~ /^ok /)
	sub(/^(not )?ok [0-9]+ /, "", s)
	r_skip = (s ~ /#[ \t]*SKIP/)
	sub(/[ \t]*#.*$/, "", s)
	r_name = s
}
/^    (KTAP version|# Subtest:)/ && !in_suite {
	in_suite = 1; cases = 0; c_pass = c_fail = c_skip = 0; nblock = 0; pending = ""
}
in_suite { block[++nblock] = $0 }
in_suite && /^    (not )?ok [0-9]+ / {
	result($0, 4); cases++
	name[cases] = r_name
	diag[cases] = ""
	if (r_skip) { verdict[cases] = "SKIP"; c_skip++ }
	else if (r_ok) { verdict[cases] = "PASS"; c_pass++ }
	else { verdict[cases] = "FAIL"; c_fail++; diag[cases] = pending }
	pending = ""
	next
}
# Diagnostics (EXPECTATION FAILED ... and the lines after it) come before a case result.
in_suite && /^     *[^ ]/ && !/^ *(KTAP version|# Subtest:|# module:|1\.\.|(not )?ok [0-9]+ )/ {
	pending = pending "\n\t" $0
}
in_suite && /^(not )?ok [0-9]+ / {
	result($0, 0); suite = r_name; suites++
	for (i = 1; i <= cases; i++) printf "%s %s.%s%s\n", verdict[i], suite, name[i], diag[i]
	# A suite that failed without a failing case (suite_init failed, ...) counts once.
	if (!r_ok && !r_skip && c_fail == 0) { c_fail = 1; printf "FAIL %s (suite)\n", suite }
	printf "kunit: suite %s: %d passed, %d failed, %d skipped\n", suite, c_pass, c_fail, c_skip
	pass += c_pass; fail += c_fail; skip += c_skip
	# Joined KTAP: renumber the suite line.
	line = block[nblock]; sub(/^ok [0-9]+/, "ok " suites, line); sub(/^not ok [0-9]+/, "not ok " suites, line)
	block[nblock] = line
	for (i = 1; i <= nblock; i++) out[++nout] = block[i]
	in_suite = 0
}
END {
	if (in_suite) {
		printf "kunit: a suite did not finish (%d case(s) reported); the module or kernel died?\n", cases
		fail++
	}
	if (ktap_out != "") {
		print "KTAP version 1" > ktap_out
		print "1.." suites > ktap_out
		for (i = 1; i <= nout; i++) print out[i] > ktap_out
	}
	printf "kunit: %d passed, %d failed, %d skipped\n", pass, fail, skip
	printf "KUNIT passed=%d failed=%d\n", pass, fail
	exit (fail > 0 || pass + fail == 0) ? 1 : 0
}'

if [ "$1" = --parse ]; then
	if [ $# -ne 2 ] || [ ! -f "$2" ]; then
		echo "kunit: --parse needs one log file" >&2
		exit 2
	fi
	parse_ktap "$2"
	exit
fi
for t in "$@"; do
	[ -f "$t" ] || { echo "kunit: $t not found" >&2; exit 2; }
done

log=$(mktemp "${TMPDIR:-/tmp}/clx-kunit-XXXXXX")
keep=${LOG:-}
trap 'if [ -n "$keep" ]; then cp "$log" "$keep"; fi; rm -f "$log"' EXIT

append="kunit.enable=1 printk.time=0 ${APPEND:-}"
[ -z "${KUNIT_FILTER:-}" ] || append="$append kunit.filter_glob=$KUNIT_FILTER"
MODULES="${MODULES:-} $*" APPEND=$append LOG=$log \
	CMD='echo CLX-KTAP-BEGIN; dmesg; echo CLX-KTAP-END' "$here/vm.sh" >/dev/null
vmrc=$?
if [ $vmrc -ne 0 ]; then
	echo "kunit: the VM run failed (vm.sh exit $vmrc); console tail:" >&2
	tail -n 40 "$log" >&2
fi
grep -E '^CLX-(SPLAT|INSMOD-FAILED)' "$log" >&2

parse_ktap "$log"
rc=$?
if [ $rc -eq 0 ] && [ $vmrc -ne 0 ]; then rc=$vmrc; fi
exit $rc
