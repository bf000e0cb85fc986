#!/bin/sh
# record.sh NAME COMMAND...: runs one pass/fail check and records it for the summary.
name=$1; shift
results=$(dirname "$0")/../build/results
mkdir -p "$results"
if "$@"; then counts="1 0"; else counts="0 1"; fi
echo "$counts" > "$results/$name.count"
[ "$counts" = "1 0" ]
