#!/bin/sh
# check-config.sh FRAGMENT [FRAGMENT...] DOTCONFIG KERNEL_VERSION
# Fails loudly when a line of the config fragment(s) did not end up in the final .config
# (a dependency was missing, a symbol was renamed, a value was overridden). Several
# fragments are read in order, as build-kernel.sh joins them for KCONFIG_ALLCONFIG: a symbol
# set in a later one is checked for that later value only.
# Lines after a `# clx-only: <ver>...` comment apply only to those versions (prefix match:
# "6.1" matches 6.1.x, not 6.12); a line that does not apply overrides nothing.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 FRAGMENT [FRAGMENT...] DOTCONFIG KERNEL_VERSION" >&2; exit 2; }
n=$#
kver=$(eval echo "\${$n}")
dotconfig=$(eval echo "\${$((n - 1))}")
frags=
i=1
while [ $i -le $((n - 2)) ]; do
	frags="$frags $(eval echo "\${$i}")"
	i=$((i + 1))
done

# shellcheck disable=SC2086 # the fragment paths are ours and have no blanks
awk -v kver="$kver" '
function applies(list,   n, i, v) {
	if (list == "") return 1
	n = split(list, v, /[ \t]+/)
	for (i = 1; i <= n; i++)
		if (v[i] != "" && (kver == v[i] || index(kver, v[i] ".") == 1)) return 1
	return 0
}
FNR == NR {	# the final .config
	if (match($0, /^CONFIG_[A-Za-z0-9_]+=/)) {
		have[substr($0, 1, RLENGTH - 1)] = substr($0, RLENGTH + 1)
	}
	next
}
FNR == 1 { only = "" }	# a new fragment
/^# clx-only:/ { only = $0; sub(/^# clx-only:[ \t]*/, "", only); next }
{
	sym = ""; w = ""
	if (match($0, /^CONFIG_[A-Za-z0-9_]+=/)) {
		sym = substr($0, 1, RLENGTH - 1); w = substr($0, RLENGTH + 1)
	} else if (match($0, /^# CONFIG_[A-Za-z0-9_]+ is not set/)) {
		sym = $2; w = "n"
	}
	if (sym == "") { if ($0 !~ /^#/) only = ""; next }
	ok = applies(only); only = ""
	if (!ok) next
	if (!(sym in want)) order[++nsym] = sym
	want[sym] = (w == "n") ? "" : w
}
END {
	for (i = 1; i <= nsym; i++) {
		sym = order[i]
		got = (sym in have) ? have[sym] : ""
		if (got == "n") got = ""
		checked++
		if (got != want[sym]) {
			printf "check-config: %s: wanted %s, got %s\n", sym,
				want[sym] == "" ? "unset" : want[sym], got == "" ? "unset" : got
			bad++
		}
	}
	if (bad) { printf "check-config: FAILED: %d of %d fragment lines did not stick (kernel %s)\n", bad, checked, kver; exit 1 }
	printf "check-config: all %d fragment lines set (kernel %s)\n", checked, kver
}' "$dotconfig" $frags
