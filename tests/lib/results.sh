#!/bin/sh
# results.sh: the one recorder of `make check`'s results. Every stage leaves
# build/results/<NAME>.count ("passed failed"); `summary` adds them up into the last line
# of `make check`, "N passed, N failed". A stage that reports nothing counts one failure,
# so a build or boot that died cannot pass by saying nothing.
#
#   results.sh record NAME PASSED FAILED   record counts; exit 0 if FAILED is 0
#   results.sh run NAME CMD...             one check: CMD's exit status is the result
#   results.sh lines NAME LOG [VM_RC]      count the "PASS ..."/"FAIL ..." lines of LOG
#                                          (printed too); a VM_RC other than 0 or 1 (vm.sh:
#                                          124 timeout, 125 no result, 126 splat) is one
#                                          more failure
#   results.sh kunit NAME LOG              the "KUNIT passed=N failed=M" line of LOG
#                                          (tools/qemu/kunit.sh)
#   results.sh clear                       forget every stage's result
#   results.sh summary                     one line per stage, then the total; exit 1 if
#                                          anything failed or no stage reported
# RESULTS (default build/results of this checkout) says where the files go.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
RESULTS=${RESULTS:-$top/build/results}

record() { # record NAME PASSED FAILED
	p=$2 f=$3
	[ $((p + f)) -gt 0 ] || f=1
	mkdir -p "$RESULTS"
	echo "$p $f" >"$RESULTS/$1.count"
	echo "$1: $p passed, $f failed"
	[ "$f" -eq 0 ]
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
record)
	[ $# -eq 3 ] || { echo "usage: results.sh record NAME PASSED FAILED" >&2; exit 2; }
	record "$@" ;;
run)
	[ $# -ge 2 ] || { echo "usage: results.sh run NAME CMD..." >&2; exit 2; }
	name=$1; shift
	if "$@"; then record "$name" 1 0; else record "$name" 0 1; fi ;;
lines)
	[ $# -ge 2 ] || { echo "usage: results.sh lines NAME LOG [VM_RC]" >&2; exit 2; }
	found=$([ -r "$2" ] && tr -d '\r' <"$2" | grep -aE '^(PASS|FAIL) ')
	[ -z "$found" ] || echo "$found"
	p=$(printf '%s\n' "$found" | grep -c '^PASS ')
	f=$(printf '%s\n' "$found" | grep -c '^FAIL ')
	case ${3:-0} in
	0 | 1) ;;
	*) echo "FAIL $1-vm: vm.sh exit $3 (124 timeout, 125 no result, 126 splat)"
	   f=$((f + 1)) ;;
	esac
	record "$1" "$p" "$f" ;;
kunit)
	[ $# -eq 2 ] || { echo "usage: results.sh kunit NAME LOG" >&2; exit 2; }
	line=$([ -r "$2" ] && tr -d '\r' <"$2" | grep -E '^KUNIT passed=[0-9]+ failed=[0-9]+$' | tail -n 1)
	if [ -z "$line" ]; then
		echo "FAIL $1: no KUNIT result line in $2"
		record "$1" 0 1
	else
		set -- "$1" $(echo "$line" | sed -E 's/^KUNIT passed=([0-9]+) failed=([0-9]+)$/\1 \2/')
		record "$@"
	fi ;;
clear)
	rm -rf "$RESULTS" ;;
summary)
	passed=0 failed=0 stages=0
	for f in "$RESULTS"/*.count; do
		[ -f "$f" ] || continue
		read -r p fl <"$f"
		printf '  %-24s %4d passed, %d failed\n' "$(basename "$f" .count)" "$p" "$fl"
		passed=$((passed + p)) failed=$((failed + fl)) stages=$((stages + 1))
	done
	echo "$passed passed, $failed failed"
	[ "$stages" -gt 0 ] && [ "$failed" -eq 0 ] ;;
*)
	sed -n '2,/^set -u/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
	exit 2 ;;
esac
