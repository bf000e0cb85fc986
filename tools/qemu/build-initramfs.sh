#!/bin/bash
# build-initramfs.sh: build the guest initramfs (gzip'd newc cpio) for the test VM.
#
#   build-initramfs.sh -k KDIR -o OUT [-e EXTRA_DIR] [-c CMD | -C CMD_FILE] [-a AML_DIR]
#                      [MODULE.ko ...]
#
#   -k KDIR      kernel build dir printed by build-kernel.sh (default $KDIR)
#   -o OUT       output file
#   -e DIR       copied to /extra in the guest (default $EXTRA)
#   -c CMD       shell command run non-interactively by /init (default $CMD); stored as /cmd
#   -C FILE      same, from a script file
#   -a DIR       *.aml tables put in an uncompressed cpio in front (ACPI_TABLE_UPGRADE:
#                kernel/firmware/acpi/), default $ACPI_TABLES
#   MODULE.ko    loaded with insmod by /init in the order given, after the upstream modules
#                are available to modprobe (default: the words of $MODULES)
#
# Layout: [ACPI tables cpio] + base.cpio.gz + overlay.cpio.gz. The base (busybox-static,
# gpiod, libgpiod2, libc6 for arm64, upstream modules, gpio selftests) is cached in KDIR;
# the overlay (/init, /cmd, the given modules, /extra, /dev/console) is made each call, so
# a call takes about a second once the base exists.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${CLXGPIO_CACHE:-$HOME/.cache/clxgpio}
GUEST_PKGS="busybox-static gpiod libgpiod2 libc6"
RECIPE=1	# bump when the base layout below changes

kdir=${KDIR:-} out= extra=${EXTRA:-} cmd=${CMD:-} cmdfile= aml=${ACPI_TABLES:-}
usage() { sed -n '2,20s/^# \{0,1\}//p' "$0" >&2; exit 2; }
while getopts k:o:e:c:C:a:h opt; do
	case $opt in
	k) kdir=$OPTARG ;;
	o) out=$OPTARG ;;
	e) extra=$OPTARG ;;
	c) cmd=$OPTARG ;;
	C) cmdfile=$OPTARG ;;
	a) aml=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -gt 0 ]; then mods=("$@"); else read -ra mods <<<"${MODULES:-}"; fi

log() { echo "build-initramfs: $*" >&2; }
die() { log "error: $*"; exit 1; }

[ -n "$kdir" ] && [ -n "$out" ] || usage
[ -f "$kdir/clx-done" ] || die "$kdir is not a finished build-kernel.sh tree"
release=$(cat "$kdir/clx-release")
gen_init_cpio=$kdir/usr/gen_init_cpio
[ -x "$gen_init_cpio" ] || die "$gen_init_cpio missing (CONFIG_BLK_DEV_INITRD off?)"
for m in "${mods[@]}"; do
	[ -f "$m" ] || die "module $m not found"
done
[ -z "$extra" ] || [ -d "$extra" ] || die "EXTRA $extra is not a directory"
[ -z "$cmdfile" ] || [ -f "$cmdfile" ] || die "command file $cmdfile not found"
[ -z "$aml" ] || [ -d "$aml" ] || die "ACPI table dir $aml is not a directory"

# 1. Guest packages: downloaded once, as arm64 .debs, and kept. Steps 1 and 2 fill shared
# caches, so they run under a lock (concurrent VMs just wait for the first builder).
debdir=$CACHE/debs-arm64
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock-initramfs"
flock 9
if [ ! -f "$debdir/clx-done" ]; then
	log "downloading arm64 packages: $GUEST_PKGS"
	dpkg --print-foreign-architectures | grep -qx arm64 ||
		die "the arm64 dpkg architecture is missing (run tools/install-deps.sh)"
	tmp=$CACHE/.debs-tmp-$$
	rm -rf "$tmp"
	mkdir -p "$tmp"
	pkgs=()
	for p in $GUEST_PKGS; do pkgs+=("$p:arm64"); done
	(cd "$tmp" && apt-get download -q -o APT::Sandbox::User=root "${pkgs[@]}" >&2) ||
		die "apt-get download failed (apt-get update with the arm64 architecture added?)"
	ls "$tmp"/*.deb >"$tmp/clx-done"
	sed -i 's|.*/||' "$tmp/clx-done"
	rm -rf "$debdir"
	mv "$tmp" "$debdir"
fi

# 2. Base archive, cached per kernel tree + package set + recipe.
basekey=$( { cat "$kdir/clx-done" "$debdir/clx-done"; echo "recipe $RECIPE"; } |
	sha256sum | cut -c1-12)
base=$kdir/clx-initramfs-base-$basekey.cpio.gz
if [ ! -f "$base" ]; then
	log "building the base archive $base"
	root=$(mktemp -d "$CACHE/.rootfs-XXXXXX")
	trap 'rm -rf "$root"' EXIT
	while read -r deb; do
		dpkg-deb -x "$debdir/$deb" "$root"
	done <"$debdir/clx-done"
	# Only binaries, libraries and the loader are needed; drop docs, locales, gconv.
	rm -rf "$root/usr/share" "$root/usr/lib/aarch64-linux-gnu/gconv" "$root/etc/ld.so.conf.d"
	mkdir -p "$root/bin" "$root/sbin" "$root/lib" "$root/usr/bin" "$root/usr/sbin"
	# busybox-static puts the binary in /bin; make sure the loader is found at the path
	# the dynamic binaries ask for.
	[ -x "$root/bin/busybox" ] || die "busybox missing from busybox-static"
	[ -e "$root/lib/ld-linux-aarch64.so.1" ] ||
		ln -s aarch64-linux-gnu/ld-linux-aarch64.so.1 "$root/lib/ld-linux-aarch64.so.1"
	mkdir -p "$root/lib/modules"
	cp -a "$kdir/clx-modules/lib/modules/$release" "$root/lib/modules/"
	rm -f "$root/lib/modules/$release/build" "$root/lib/modules/$release/source"
	mkdir -p "$root/selftests"
	cp -a "$kdir/clx-selftests/gpio" "$root/selftests/"
	tmpbase=$base.tmp.$$
	(cd "$root" && find . -mindepth 1 | LC_ALL=C sort |
		cpio --quiet -o -H newc -R 0:0) | gzip -n -6 >"$tmpbase"
	mv "$tmpbase" "$base"
	rm -rf "$root"
	trap - EXIT
fi
flock -u 9
exec 9>&-

# 3. Overlay: /init, guest/* helpers (in /usr/local/bin), /cmd, the caller's modules, /extra,
# /dev/console. Made by the kernel's own gen_init_cpio, so no device node (and no root) is
# needed on the host.
work=$(mktemp -d "${TMPDIR:-/tmp}/clx-initramfs-XXXXXX")
trap 'rm -rf "$work"' EXIT
list=$work/list
{
	echo "dir /dev 0755 0 0"
	echo "nod /dev/console 0600 0 0 c 5 1"
	echo "nod /dev/null 0666 0 0 c 1 3"
	for d in /proc /sys /tmp /run /root /etc /extra /lib /lib/modules "/lib/modules/$release" \
		"/lib/modules/$release/clx"; do
		echo "dir $d 0755 0 0"
	done
	echo "file /init $here/init.sh 0755 0 0"
	echo "dir /usr 0755 0 0"
	echo "dir /usr/local 0755 0 0"
	echo "dir /usr/local/bin 0755 0 0"
	for f in "$here"/guest/*; do
		echo "file /usr/local/bin/$(basename "$f") $f 0755 0 0"
	done
} >"$list"

: >"$work/clx-modules"
i=0
for m in "${mods[@]}"; do
	# Numbered copies keep the load order and allow two modules of the same name.
	i=$((i + 1))
	name=$(printf '%02d-%s' "$i" "$(basename "$m")")
	echo "file /lib/modules/$release/clx/$name $(realpath "$m") 0644 0 0" >>"$list"
	echo "clx/$name" >>"$work/clx-modules"
done
echo "file /etc/clx-modules $work/clx-modules 0644 0 0" >>"$list"

if [ -n "$cmdfile" ]; then
	echo "file /cmd $(realpath "$cmdfile") 0755 0 0" >>"$list"
elif [ -n "$cmd" ]; then
	printf '#!/bin/sh\n%s\n' "$cmd" >"$work/cmd"
	echo "file /cmd $work/cmd 0755 0 0" >>"$list"
fi

if [ -n "$extra" ]; then
	extra=$(realpath "$extra")
	(cd "$extra" && find . -mindepth 1 | LC_ALL=C sort) | while read -r f; do
		f=${f#./}
		src=$extra/$f
		mode=$(stat -c %a "$src")
		if [ -L "$src" ]; then
			echo "slink /extra/$f $(readlink "$src") 0777 0 0"
		elif [ -d "$src" ]; then
			echo "dir /extra/$f $mode 0 0"
		elif [ -f "$src" ]; then
			echo "file /extra/$f $src $mode 0 0"
		fi
	done >>"$list"
fi

"$gen_init_cpio" "$list" | gzip -n -1 >"$work/overlay.cpio.gz"

# 4. Optional uncompressed ACPI-table cpio first, then base, then overlay.
{
	if [ -n "$aml" ]; then
		ls "$aml"/*.aml >/dev/null 2>&1 || die "no .aml files in $aml"
		{
			echo "dir /kernel 0755 0 0"
			echo "dir /kernel/firmware 0755 0 0"
			echo "dir /kernel/firmware/acpi 0755 0 0"
			for t in "$aml"/*.aml; do
				echo "file /kernel/firmware/acpi/$(basename "$t") $(realpath "$t") 0644 0 0"
			done
		} >"$work/aml-list"
		"$gen_init_cpio" "$work/aml-list"
	fi
	cat "$base" "$work/overlay.cpio.gz"
} >"$out.tmp"
mv "$out.tmp" "$out"
