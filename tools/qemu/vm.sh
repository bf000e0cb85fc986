#!/bin/bash
# vm.sh: boot the clxgpio test kernel in qemu-system-aarch64 (-M virt, cortex-a57, 1 GiB).
#
# Environment:
#   KERNEL=6.12|6.1   kernel (default 6.12); built or found by build-kernel.sh
#   VARIANT=debug     the debug kernel of that version (KASAN, UBSAN, kmemleak, debug
#                     objects: kernel-debug.config); modules must be built against it
#   KDIR=dir          use this finished build-kernel.sh tree instead (wins over KERNEL)
#   ACPI=1            UEFI + ACPI: -M virt-4.1 with QEMU_EFI.fd, acpi=force (PL061 = ARMH0061)
#   MODULES='a.ko b.ko'  insmod'ed in this order at boot
#   EXTRA=dir         copied to /extra in the guest
#   ACPI_TABLES=dir   *.aml loaded through the initrd table upgrade (needs ACPI=1)
#   QMP_SOCK=path     adds -qmp unix:path,server=on,wait=off
#   CMD='...'         run non-interactively: prints the guest console, exits with CMD's
#                     status; 125 if a module did not load or the guest died before
#                     reporting, 124 on timeout, 126 if CMD passed but a splat was logged
#                     (CMD's own non-zero status wins over the splat)
#   TIMEOUT=s         for CMD (default 180; 600 with VARIANT=debug, which boots and runs
#                     several times slower under TCG)
#   SMP=n             CPUs (default 2)
#   APPEND='...'      extra kernel command line
#   VERBOSE=1         full boot log on the console with CMD (default: quiet)
#   LOG=file          also keep the console output of a CMD run in this file
# Without CMD: an interactive shell on the console (Ctrl-A X quits QEMU).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${CLXGPIO_CACHE:-$HOME/.cache/clxgpio}
EFI_FW=/usr/share/qemu-efi-aarch64/QEMU_EFI.fd

log() { echo "vm: $*" >&2; }
die() { log "error: $*"; exit 1; }

if [ -n "${KDIR:-}" ] && [ -f "$KDIR/clx-done" ]; then
	kdir=$KDIR
else
	kdir=$(VARIANT=${VARIANT:-} "$here/build-kernel.sh")
fi
image=$kdir/arch/arm64/boot/Image
[ -f "$image" ] || die "$image missing"

work=$(mktemp -d "${TMPDIR:-/tmp}/clx-vm-XXXXXX")
trap 'rm -rf "$work"' EXIT
initrd=$work/initrd.cpio.gz
read -ra mods <<<"${MODULES:-}"
KDIR=$kdir CMD=${CMD:-} EXTRA=${EXTRA:-} ACPI_TABLES=${ACPI_TABLES:-} \
	"$here/build-initramfs.sh" -o "$initrd" -- "${mods[@]}"

append="console=ttyAMA0 panic=-1 softlockup_panic=1 ${APPEND:-}"
qemu=(qemu-system-aarch64 -cpu cortex-a57 -m 1024 -smp "${SMP:-2}" -no-reboot
	-kernel "$image" -initrd "$initrd")
if [ "${ACPI:-0}" = 1 ]; then
	[ -f "$EFI_FW" ] || die "$EFI_FW missing (qemu-efi-aarch64)"
	qemu+=(-M virt-4.1 -bios "$EFI_FW")
	append="$append acpi=force"
else
	qemu+=(-M virt)
fi
[ -z "${QMP_SOCK:-}" ] || qemu+=(-qmp "unix:$QMP_SOCK,server=on,wait=off")

if [ -z "${CMD:-}" ]; then
	exec "${qemu[@]}" -nographic -append "$append"
fi

[ "${VERBOSE:-0}" = 1 ] || append="$append quiet"
console=$work/console.log
timeout=${TIMEOUT:-$([ "${VARIANT:-}" = debug ] && echo 600 || echo 180)}
start=$(date +%s.%N)
set +e
timeout --foreground -k 5 "$timeout" "${qemu[@]}" -display none -monitor none \
	-serial stdio -append "$append" </dev/null | tee "$console"
qrc=${PIPESTATUS[0]}
set -e
elapsed=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
[ -z "${LOG:-}" ] || tr -d '\r' <"$console" >"$LOG"

status=$(tr -d '\r' <"$console" | sed -n 's/^CLX-EXIT=\([0-9]\{1,\}\)$/\1/p' | tail -n1)
splats=$(tr -d '\r' <"$console" | grep -c '^CLX-SPLAT: ' || true)
if [ "$qrc" = 124 ]; then
	log "timed out after $timeout s"
	exit 124
fi
if [ -z "$status" ]; then
	log "the guest stopped without reporting an exit status (qemu exit $qrc, ${elapsed} s):" \
		"a panic? VERBOSE=1 APPEND=earlycon shows the whole boot log"
	exit 125
fi
failed_mod=$(tr -d '\r' <"$console" | sed -n 's/^CLX-INSMOD-FAILED=//p')
[ -z "$failed_mod" ] || log "insmod failed in the guest: $failed_mod (CMD not run)"
log "CMD exit status $status, $splats splat line(s), ${elapsed} s boot to result"
if [ "$status" = 0 ] && [ "$splats" -gt 0 ]; then
	log "kernel splat(s) in dmesg: see the CLX-SPLAT lines"
	exit 126
fi
exit "$status"
