#!/bin/bash
# fetch-kernel.sh SERIES: Debian's own arm64 kernel of SERIES (6.1 or 6.12), fetched once
# and cached; prints the cache directory on stdout (everything else goes to stderr).
#
#   6.1   the newest linux-image-6.1.0-<N>-arm64-unsigned in the apt lists
#   6.12  the newest linux-image-6.12.<x>+deb12-arm64-unsigned in the apt lists
#
# The directory ($CLXGPIO_CACHE/distro/<abi>_<package version>, default cache
# ~/.cache/clxgpio) holds:
#   kdir -> root/usr/src/linux-headers-<abi>-arm64   a build tree for `make module KDIR=`
#   root/          linux-headers-<abi>-arm64, -common and the amd64 linux-kbuild, extracted
#                  (the arm64 Makefile's absolute include and every absolute symlink are
#                  pointed into root/, so nothing is installed on the host)
#   vm/            what tools/qemu/vm.sh expects of a finished build-kernel.sh tree, made
#                  from the linux-image package: arch/arm64/boot/Image (decompressed if the
#                  package ships a gzip Image or an EFI zboot image), clx-modules/ with the
#                  modules the tests load and their dependencies (decompressed, depmod'ed),
#                  clx-selftests/gpio/ (gpio-sim.sh and static helpers from the matching
#                  linux-source), usr/gen_init_cpio, config, clx-release, clx-done
#   info           series=, abi=, release=, version=, packages=
#   clx-done       stamp, written last
# A flock per series serialises concurrent callers; an interrupted fetch leaves no stamp
# and starts again. KEEP=n trees per series are kept (default 2).
set -euo pipefail

series=${1:-}
CACHE=${CLXGPIO_CACHE:-$HOME/.cache/clxgpio}
KEEP=${KEEP:-2}
CROSS=aarch64-linux-gnu-
RECIPE=1	# bump when the layout below changes
GUEST_MODULES="configfs gpio_keys evdev"	# loaded by tests/distro/guest-distro.sh

log() { echo "fetch-kernel: $*" >&2; }
die() { log "error: $*"; exit 1; }
# Old apt lists name packages the archive has dropped (a newer ABI replaced them): update
# the lists once and start again.
refresh() {
	[ -z "${CLX_DISTRO_REFRESHED:-}" ] || die "$*"
	log "$*: apt-get update, then again"
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq >&2 || die "apt-get update failed"
	[ -z "${work:-}" ] || rm -rf "$work"
	CLX_DISTRO_REFRESHED=1 exec "$0" "$series"
}

case $series in
6.1) abi_re='6\.1\.0-[0-9]+' ;;
6.12) abi_re='6\.12\.[0-9]+\+deb12' ;;
*) die "usage: fetch-kernel.sh 6.1|6.12 (got '${series}')" ;;
esac

# 1. The newest ABI in the apt lists, and the package versions of its set.
abi=$(apt-cache search --names-only "^linux-image-${abi_re}-arm64-unsigned\$" |
	sed -n "s/^linux-image-\(.*\)-arm64-unsigned .*/\1/p" | sort -V | tail -n1)
[ -n "$abi" ] || refresh "no linux-image-<$series ABI>-arm64-unsigned in the apt lists" \
	"(is the arm64 architecture added? make deps does it)"
release=$abi-arm64
pkgver() { apt-cache policy "$1" | sed -n 's/^ *Candidate: //p' | grep -v '(none)' || true; }
version=$(pkgver "linux-image-$release-unsigned:arm64")
[ -n "$version" ] || die "no candidate version of linux-image-$release-unsigned:arm64"
kbuild=$(apt-cache show "linux-headers-$release:arm64=$version" |
	sed -n 's/^Depends:.*\(linux-kbuild-[^ ,]*\).*/\1/p' | head -n1)
[ -n "$kbuild" ] || die "linux-headers-$release $version names no linux-kbuild package"
pkgs="linux-image-$release-unsigned:arm64=$version linux-headers-$release:arm64=$version"
pkgs="$pkgs linux-headers-$abi-common=$version $kbuild:amd64=$version"

safever=$(printf '%s' "$version" | tr -c 'A-Za-z0-9.+_-' '_')
dir=$CACHE/distro/${abi}_$safever
if [ -f "$dir/clx-done" ] && grep -qx "recipe=$RECIPE" "$dir/clx-done"; then
	echo "$dir"
	exit 0
fi
mkdir -p "$CACHE/distro"
exec 9>"$CACHE/distro/.lock-$series"
if ! flock -n 9; then
	log "another fetch of $series is running; waiting for its lock"
	flock 9
fi
if [ -f "$dir/clx-done" ] && grep -qx "recipe=$RECIPE" "$dir/clx-done"; then
	echo "$dir"
	exit 0
fi

start=$(date +%s)
rm -rf "$dir"
mkdir -p "$dir/debs" "$dir/root" "$dir/vm"
root=$dir/root vm=$dir/vm
work=$(mktemp -d "$CACHE/distro/.work-XXXXXX")
trap 'rm -rf "$work"' EXIT

# 2. Download. apt's sandbox user cannot write to a root-owned cache directory.
log "downloading $pkgs"
# shellcheck disable=SC2086
(cd "$dir/debs" && apt-get download -q -o APT::Sandbox::User=root $pkgs >&2) ||
	refresh "apt-get download failed"

# 3. Headers and kbuild into root/, the image into a scratch directory.
for deb in "$dir"/debs/*.deb; do
	case $(basename "$deb") in
	linux-image-*) dpkg-deb -x "$deb" "$work/image" ;;
	*) dpkg-deb -x "$deb" "$root" ;;
	esac
done
headers=$root/usr/src/linux-headers-$release
[ -f "$headers/Makefile" ] || die "linux-headers-$release has no Makefile"
# The arm64 tree's Makefile includes the common tree by absolute path; Debian's symlinks
# (headers -> common, scripts/tools -> linux-kbuild) are relative in these packages, but any
# absolute one is pointed into root/ as well.
sed -i "s|^include /usr/src/|include $root/usr/src/|" "$headers/Makefile"
find "$root" -type l -lname '/*' | while read -r l; do ln -sfn "$root$(readlink "$l")" "$l"; done
ln -sfn "root/usr/src/linux-headers-$release" "$dir/kdir"

rm -rf "$dir/debs"	# what the tests need is extracted; the .debs are not used again

# 4. The kernel image: a plain arm64 Image ("ARMd" at 0x38), gzip'd, or EFI zboot ("zimg"
# at 4: a PE file whose payload, at the offset and size stored at 8 and 12, is the Image
# compressed with the method named at 24).
img=$work/image/boot/vmlinuz-$release
[ -f "$img" ] || die "linux-image-$release-unsigned has no /boot/vmlinuz-$release"
mkdir -p "$vm/arch/arm64/boot"
magic_at() { dd if="$1" bs=1 skip="$2" count="$3" status=none; }
u32_at() { od -An -tu4 -j"$2" -N4 "$1" | tr -d ' '; }
if [ "$(magic_at "$img" 56 4)" = ARMd ]; then
	boot=Image
	cp "$img" "$vm/arch/arm64/boot/Image"
elif [ "$(od -An -tx1 -N2 "$img" | tr -d ' ')" = 1f8b ]; then
	boot="gzip'd Image"
	gzip -dc "$img" >"$vm/arch/arm64/boot/Image"
elif [ "$(magic_at "$img" 4 4)" = zimg ]; then
	method=$(magic_at "$img" 24 8 | tr -d '\0')
	boot="EFI zboot ($method)"
	case $method in
	gzip) dec="gzip -dc" ;; xzkern|lzma) dec="xz -dc" ;; zstd22) dec="zstd -dc" ;;
	*) die "EFI zboot payload compressed with '$method': no decompressor here" ;;
	esac
	tail -c +"$(($(u32_at "$img" 8) + 1))" "$img" | head -c "$(u32_at "$img" 12)" | $dec \
		>"$vm/arch/arm64/boot/Image"
else
	die "/boot/vmlinuz-$release is neither an arm64 Image, a gzip'd one nor EFI zboot"
fi
[ "$(magic_at "$vm/arch/arm64/boot/Image" 56 4)" = ARMd ] ||
	die "no arm64 Image inside /boot/vmlinuz-$release ($boot)"
cp "$work/image/boot/config-$release" "$vm/config"

# 5. Modules the guest loads, with their dependencies, uncompressed (busybox insmod/modprobe
# need not support .ko.xz), then depmod'ed on their own.
imods=$work/image/lib/modules/$release
depmod -b "$work/image" "$release"
mdir=$vm/clx-modules/lib/modules/$release
mkdir -p "$mdir"
for m in $GUEST_MODULES; do
	modprobe -d "$work/image" -S "$release" --show-depends "$m" ||
		die "module $m is not in linux-image-$release-unsigned"
done | sed -n 's/^insmod //p' | sed 's/ .*//' | sort -u | while read -r path; do
	rel=${path#*"/lib/modules/$release/"}
	mkdir -p "$mdir/$(dirname "$rel")"
	case $rel in
	*.ko.xz) xz -dc "$path" >"$mdir/${rel%.xz}" ;;
	*.ko.zst) zstd -qdc "$path" >"$mdir/${rel%.zst}" ;;
	*.ko.gz) gzip -dc "$path" >"$mdir/${rel%.gz}" ;;
	*) cp "$path" "$mdir/$rel" ;;
	esac
done
cp "$imods"/modules.builtin "$imods"/modules.builtin.modinfo "$imods"/modules.order "$mdir/"
depmod -b "$vm/clx-modules" "$release"

# 6. gen_init_cpio and the GPIO selftests from the linux-source of the same version: the one
# installed by `make deps` if it matches, else that version's package, downloaded here.
srcpkg=linux-source-$series
tarball=/usr/src/$srcpkg.tar.xz
if [ "$(dpkg-query -W -f='${Version}' "$srcpkg" 2>/dev/null || true)" != "$version" ] ||
	[ ! -f "$tarball" ]; then
	log "downloading $srcpkg $version (the installed one differs)"
	(cd "$work" && apt-get download -q -o APT::Sandbox::User=root "$srcpkg=$version" >&2) ||
		die "apt-get download $srcpkg=$version failed"
	dpkg-deb -x "$work"/"$srcpkg"_*.deb "$work/srcdeb"
	tarball=$work/srcdeb/usr/src/$srcpkg.tar.xz
fi
log "extracting the GPIO selftests and gen_init_cpio from $tarball"
tar -xJf "$tarball" -C "$work" "$srcpkg/usr/gen_init_cpio.c" "$srcpkg/tools/testing/selftests/gpio"
mkdir -p "$vm/usr" "$vm/clx-selftests/gpio" "$work/inc/linux"
cc -O2 -o "$vm/usr/gen_init_cpio" "$work/$srcpkg/usr/gen_init_cpio.c"
# The selftest helpers need only <linux/gpio.h>: this kernel's own uapi header, over the
# cross libc's headers.
cp "$root/usr/src/linux-headers-$abi-common/include/uapi/linux/gpio.h" "$work/inc/linux/"
st=$work/$srcpkg/tools/testing/selftests/gpio
for p in gpio-chip-info gpio-line-name gpio-mockup-cdev; do
	${CROSS}gcc -static -O2 -Wall -isystem "$work/inc" -o "$vm/clx-selftests/gpio/$p" "$st/$p.c"
done
install -m 0755 "$st/gpio-sim.sh" "$vm/clx-selftests/gpio/gpio-sim.sh"

# 7. Stamps.
echo "$release" >"$vm/clx-release"
printf 'series=%s\nabi=%s\nrelease=%s\nversion=%s\nboot=%s\npackages=%s\n' "$series" "$abi" \
	"$release" "$version" "$boot" "$pkgs" >"$dir/info"
printf 'distro=%s package=%s release=%s recipe=%s\n' "$series" "$version" "$release" "$RECIPE" \
	>"$vm/clx-done"
printf 'recipe=%s\nseconds=%s\n' "$RECIPE" "$(($(date +%s) - start))" >"$dir/clx-done"
log "done in $(($(date +%s) - start)) s: $release ($version), kernel image: $boot"
# Older ABIs of this series: keep the newest KEEP.
ls -1dt "$CACHE/distro/"*/clx-done 2>/dev/null | while read -r stamp; do
	d=${stamp%/clx-done}
	if grep -qx "series=$series" "$d/info" 2>/dev/null; then echo "$d"; fi
done | tail -n +$((KEEP + 1)) | while read -r stale; do
	[ "$stale" = "$dir" ] || { log "removing old tree $stale"; rm -rf "$stale"; }
done
echo "$dir"
