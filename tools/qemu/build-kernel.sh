#!/bin/bash
# build-kernel.sh: build (or find in the cache) the arm64 test kernel and print its build
# directory (KDIR) on stdout; everything else goes to stderr.
#
#   KERNEL=6.12|6.1          which /usr/src/linux-source-<ver>.tar.xz (default 6.12)
#   VARIANT=debug            the debug kernel: kernel-debug.config on top of kernel.config
#                            (KASAN, UBSAN, kmemleak, debug objects; release -clxgpio-debug),
#                            in its own tree $KERNEL-debug-*. Unset or empty: the normal one.
#   CLXGPIO_CACHE=dir        cache root (default $HOME/.cache/clxgpio), outside the work tree
#   JOBS=n                   make -j (default nproc)
#   KEEP=n                   finished trees of this KERNEL kept in the cache (default 4)
#
# KDIR is a full O= build tree: `make -C $KDIR M=$PWD ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-`
# builds out-of-tree modules against it. Besides the kernel build it holds:
#   $KDIR/arch/arm64/boot/Image      the kernel
#   $KDIR/clx-modules/lib/modules/<release>/   modules_install result (gpio-sim, gpio-pl061, ...)
#   $KDIR/clx-headers/include        uapi headers (headers_install)
#   $KDIR/clx-selftests/gpio/        static gpio selftest helpers + gpio-sim.sh
#   $KDIR/clx-release                the kernel release string (uname -r)
#   $KDIR/clx-done                   stamp: written last, only after every step succeeded
#
# Cache key: Debian version of linux-source-<ver> + sha256 of kernel.config (then
# kernel-debug.config for VARIANT=debug), the host cross compiler's version and this
# script's build recipe version. A warm call only checks the stamp. A flock per KERNEL
# (both variants share the extracted source) serialises concurrent builders; an
# interrupted build leaves no stamp, so the next call resumes it (make is incremental)
# before marking it done.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
KERNEL=${KERNEL:-6.12}
CACHE=${CLXGPIO_CACHE:-$HOME/.cache/clxgpio}
JOBS=${JOBS:-$(nproc)}
KEEP=${KEEP:-4}
FRAGMENT=$here/kernel.config
VARIANT=${VARIANT:-}
CROSS=aarch64-linux-gnu-
RECIPE=1	# bump when the steps below change what ends up in KDIR

log() { echo "build-kernel: $*" >&2; }
die() { log "error: $*"; exit 1; }

tarball=/usr/src/linux-source-$KERNEL.tar.xz
pkgver=$(dpkg-query -W -f='${Version}' "linux-source-$KERNEL" 2>/dev/null) || pkgver=
if [ -z "$pkgver" ] || [ ! -f "$tarball" ]; then
	die "$tarball missing (install linux-source-$KERNEL: make deps)"
fi
command -v ${CROSS}gcc >/dev/null || die "${CROSS}gcc missing (gcc-aarch64-linux-gnu)"

# The fragments, in the order they apply; the tree's name prefix. Without VARIANT the key
# hashes exactly what it always did, so existing normal trees stay valid.
case $VARIANT in
'') fragments=("$FRAGMENT") tree=$KERNEL ;;
debug) fragments=("$FRAGMENT" "$here/kernel-debug.config") tree=$KERNEL-debug ;;
*) die "VARIANT=$VARIANT: unknown variant (leave it unset, or debug)" ;;
esac

safever=$(printf '%s' "$pkgver" | tr -c 'A-Za-z0-9.+_-' '_')
key=$( { cat "${fragments[@]}"; ${CROSS}gcc --version | head -n1; echo "recipe $RECIPE"; } |
	sha256sum | cut -c1-12)
srcdir=$CACHE/src/linux-source-$KERNEL-$safever
kdir=$CACHE/build/$tree-$safever-$key

if [ -f "$kdir/clx-done" ]; then
	echo "$kdir"
	exit 0
fi

mkdir -p "$CACHE/src" "$CACHE/build"
exec 9>"$CACHE/build/.lock-$KERNEL"
if ! flock -n 9; then
	log "another build of $KERNEL is running; waiting for its lock"
	flock 9
fi
# The holder of the lock may just have finished it.
if [ -f "$kdir/clx-done" ]; then
	echo "$kdir"
	exit 0
fi

start=$(date +%s)

# 1. Source: extracted once per package version, published by an atomic rename.
if [ ! -d "$srcdir" ]; then
	log "extracting $tarball ($pkgver)"
	tmp=$CACHE/src/.tmp-$KERNEL-$$
	rm -rf "$tmp"
	mkdir -p "$tmp"
	tar -xJf "$tarball" -C "$tmp"
	mv "$tmp/linux-source-$KERNEL" "$srcdir"
	rm -rf "$tmp"
fi

mk() { make -C "$srcdir" O="$kdir" ARCH=arm64 CROSS_COMPILE=$CROSS "$@"; }
buildlog=$kdir/clx-build.log
mkdir -p "$kdir"
: >"$buildlog"
run() {
	if ! "$@" >>"$buildlog" 2>&1; then
		tail -n 40 "$buildlog" >&2
		die "failed: $* (full log: $buildlog)"
	fi
}

# 2. Configure: allnoconfig with the fragment(s), then olddefconfig, then check every line.
# KCONFIG_ALLCONFIG takes one file: a variant's fragments are joined, later lines winning.
log "configuring $tree in $kdir"
allconfig=$FRAGMENT
if [ ${#fragments[@]} -gt 1 ]; then
	allconfig=$kdir/clx-fragment.config
	cat "${fragments[@]}" >"$allconfig"
fi
run mk KCONFIG_ALLCONFIG="$allconfig" allnoconfig
run mk olddefconfig
kver=$(mk -s kernelversion 2>/dev/null | tail -n1)
"$here/check-config.sh" "${fragments[@]}" "$kdir/.config" "$kver" >&2 ||
	die "${fragments[*]##*/} did not apply to linux-source-$KERNEL ($kver); see above"

# 3. Build Image + modules (leaves the modules_prepare state out-of-tree builds need).
log "building Image and modules with -j$JOBS (log: $buildlog)"
run mk -j"$JOBS" Image modules
release=$(cat "$kdir/include/config/kernel.release")

# 4. Install modules and uapi headers into fresh directories, then swap them in.
rm -rf "$kdir/clx-modules.tmp" "$kdir/clx-headers.tmp"
run mk INSTALL_MOD_PATH="$kdir/clx-modules.tmp" modules_install
run mk INSTALL_HDR_PATH="$kdir/clx-headers.tmp" headers_install
for m in gpio-sim gpio-pl061; do
	find "$kdir/clx-modules.tmp/lib/modules/$release" -name "$m.ko*" | grep -q . ||
		die "$m.ko was not built (check kernel.config)"
done
rm -rf "$kdir/clx-modules" "$kdir/clx-headers"
mv "$kdir/clx-modules.tmp" "$kdir/clx-modules"
mv "$kdir/clx-headers.tmp" "$kdir/clx-headers"

# 5. GPIO selftest helpers, static, against this kernel's uapi headers.
st=$srcdir/tools/testing/selftests/gpio
rm -rf "$kdir/clx-selftests.tmp"
mkdir -p "$kdir/clx-selftests.tmp/gpio"
for p in gpio-chip-info gpio-line-name gpio-mockup-cdev; do
	run ${CROSS}gcc -static -O2 -Wall -isystem "$kdir/clx-headers/include" \
		-o "$kdir/clx-selftests.tmp/gpio/$p" "$st/$p.c"
done
install -m 0755 "$st/gpio-sim.sh" "$kdir/clx-selftests.tmp/gpio/gpio-sim.sh"
rm -rf "$kdir/clx-selftests"
mv "$kdir/clx-selftests.tmp" "$kdir/clx-selftests"

echo "$release" >"$kdir/clx-release"
printf 'kernel=%s variant=%s package=%s key=%s release=%s built=%s seconds=%s\n' "$KERNEL" \
	"${VARIANT:-normal}" "$pkgver" "$key" "$release" "$(date -u +%FT%TZ)" \
	"$(($(date +%s) - start))" >"$kdir/clx-done.tmp"
mv "$kdir/clx-done.tmp" "$kdir/clx-done"
log "done in $(($(date +%s) - start)) s: $release"
# Keep the newest few trees of this version and variant (other fragments, older packages),
# drop the rest. A normal tree's name goes on with the package version, a digit.
case $VARIANT in
'') keep_glob="$CACHE/build/$KERNEL-[0-9]*" ;;
*) keep_glob="$CACHE/build/$tree-*" ;;
esac
# shellcheck disable=SC2086 # keep_glob is a glob on purpose
ls -1dt $keep_glob/clx-done 2>/dev/null | tail -n +$((KEEP + 1)) |
	while read -r stale; do
		stale=${stale%/clx-done}
		[ "$stale" = "$kdir" ] || { log "removing old tree $stale"; rm -rf "$stale"; }
	done
echo "$kdir"
