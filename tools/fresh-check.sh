#!/bin/bash
# fresh-check.sh: `make fresh-check`. A newcomer's first `make check`, reproduced on this
# machine: the packages `make deps` installs that decide the build (the kernel source
# packages, by default) are removed, the committed HEAD of this repository is cloned into
# a new directory, and `make check` runs there with an empty cache (CLXGPIO_CACHE).
# Prints the wall time and the summary line; exits with make check's status.
#
#   FRESH_REMOVE='pkg ...'  packages removed first (default: linux-source-6.12 linux-source-6.1)
#   FRESH_DIR=dir           where the clone and the cache go (default: a new mktemp dir);
#                           kept afterwards for inspection
#   FRESH_TARGET=target     what to run in the clone (default: check)
# Uncommitted changes are not part of the clone: commit first.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
remove=${FRESH_REMOVE-linux-source-6.12 linux-source-6.1}
dir=${FRESH_DIR:-$(mktemp -d /tmp/clxgpio-fresh.XXXXXX)}
target=${FRESH_TARGET:-check}
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo

if [ -n "$(git -C "$top" status --porcelain --untracked-files=no)" ]; then
	echo "fresh-check: note: uncommitted changes are not in the clone" >&2
fi
installed=
for p in $remove; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' &&
		installed="$installed $p"
done
if [ -n "$installed" ]; then
	echo "fresh-check: removing$installed"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq $installed >/dev/null
fi

mkdir -p "$dir"
rm -rf "$dir/clxgpio" "$dir/cache"
git clone -q --no-local "$top" "$dir/clxgpio"
echo "fresh-check: clone of $(git -C "$dir/clxgpio" rev-parse --short HEAD) in $dir/clxgpio," \
	"cache $dir/cache (empty)"
start=$(date +%s)
set +e
(cd "$dir/clxgpio" && CLXGPIO_CACHE=$dir/cache make "$target") 2>&1 | tee "$dir/make-$target.log"
status=${PIPESTATUS[0]}
set -e
secs=$(($(date +%s) - start))
echo "fresh-check: make $target exited $status after ${secs} s" \
	"($((secs / 60)) min $((secs % 60)) s); log $dir/make-$target.log"
grep -E '^[0-9]+ passed, [0-9]+ failed$' "$dir/make-$target.log" | tail -n1 || true
exit "$status"
