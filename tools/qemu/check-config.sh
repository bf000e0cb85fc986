#!/bin/sh
# check-config.sh FRAGMENT DOTCONFIG KERNEL_VERSION
# Fails loudly when a line of the config fragment did not end up in the final .config
# (a dependency was missing, a symbol was renamed, a value was overridden).
# Lines after a `# clx-only: <ver>...` comment apply only to those versions (prefix match:
# "6.1" matches 6.1.x, not 6.12).
set -eu
frag=$1 dotconfig=$2 kver=$3

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
/^# clx-only:/ { only = $0; sub(/^# clx-only:[ \t]*/, "", only); next }
{
	sym = ""; want = ""
	if (match($0, /^CONFIG_[A-Za-z0-9_]+=/)) {
		sym = substr($0, 1, RLENGTH - 1); want = substr($0, RLENGTH + 1)
	} else if (match($0, /^# CONFIG_[A-Za-z0-9_]+ is not set/)) {
		sym = $2; want = "n"
	}
	if (sym == "") { if ($0 !~ /^#/) only = ""; next }
	ok = applies(only); only = ""
	if (!ok) next
	if (want == "n") want = ""
	got = (sym in have) ? have[sym] : ""
	if (got == "n") got = ""
	checked++
	if (got != want) {
		printf "check-config: %s: wanted %s, got %s\n", sym,
			want == "" ? "unset" : want, got == "" ? "unset" : got
		bad++
	}
}
END {
	if (bad) { printf "check-config: FAILED: %d of %d fragment lines did not stick (kernel %s)\n", bad, checked, kver; exit 1 }
	printf "check-config: all %d fragment lines set (kernel %s)\n", checked, kver
}' "$dotconfig" "$frag"
