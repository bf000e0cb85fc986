#!/bin/bash
# run-distro.sh SERIES: the check-distro-<SERIES> stage (SERIES 6.1 or 6.12). clxgpio on
# Debian's own arm64 kernel of that series, as a user's board runs it:
#   1. fetch-kernel.sh: the newest linux-image/-headers of the series from the apt lists
#      (cached per package version)
#   2. `make module KDIR=<its linux-headers tree>` (no test kernel, no test modules)
#   3. dkms.conf through DKMS itself, in private trees (nothing system-wide changes):
#      dkms add / build / install, signed with a private key as dkms does on a Debian host;
#      the .ko's version, vermagic and srcversion are checked
#   4. boot Debian's kernel in QEMU virt with the dkms-built .ko: guest-distro.sh handover
#      (the host presses the power button over QMP when the guest asks)
#   5. boot again with initcall_blacklist=pl061_gpio_driver_init and the `make module` .ko:
#      guest-distro.sh blacklist
# Prints one PASS/FAIL line per check, records result distro-<SERIES>
# (tests/lib/results.sh) and keeps the logs in build/distro-<SERIES>/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
series=${1:-}
case $series in 6.1 | 6.12) ;; *) echo "usage: run-distro.sh 6.1|6.12" >&2; exit 2 ;; esac
stage=distro-$series
out=$top/build/$stage
rm -rf "$out"
mkdir -p "$out"

main() {
	pass=0 fail=0 start=$(date +%s)
	ok() { echo "PASS $1"; pass=$((pass + 1)); }
	ko() { echo "FAIL $1: $2"; fail=$((fail + 1)); }
	finish() {
		"$top/tests/lib/results.sh" record "$stage" "$pass" "$fail" || true
		echo "$stage: $(($(date +%s) - start)) s; logs in $out"
	}
	trap finish EXIT
	# step NAME CMD...: runs CMD with its output in $out/NAME.log; PASS, or FAIL with the tail.
	step() {
		local name=$1 t=$SECONDS; shift
		if "$@" >"$out/$name.log" 2>&1; then
			ok "$name ($((SECONDS - t)) s)"
		else
			ko "$name" "exit $? after $((SECONDS - t)) s, $out/$name.log:"
			tail -n 20 "$out/$name.log" | sed 's/^/  | /'
			return 1
		fi
	}
	expect() { # expect NAME GOT WANT
		if [ "$2" = "$3" ]; then ok "$1 ($2)"; else ko "$1" "got '$2', want '$3'"; fi
	}

	# 1. Debian's kernel.
	step fetch "$here/fetch-kernel.sh" "$series" || exit 1
	dir=$(tail -n1 "$out/fetch.log")
	info() { sed -n "s/^$1=//p" "$dir/info"; }
	release=$(info release) version=$(info version) boot=$(info boot) packages=$(info packages)
	echo "  $release ($version), boot: $boot; packages: $packages"
	echo "  config: $(grep -E '^(# )?CONFIG_(GPIO_PL061|GPIO_SIM|CONFIGFS_FS|KEYBOARD_GPIO|KUNIT|MODULE_SIG|MODULE_SIG_FORCE|MODULE_COMPRESS_XZ|DEBUG_INFO_BTF_MODULES)[= ]' \
		"$dir/vm/config" | sed 's/^# \(CONFIG_[A-Z0-9_]*\) is not set/\1=n/' | tr '\n' ' ')"
	kdir=$(readlink -f "$dir/kdir")

	# 2. make module against the headers package.
	modko=$top/build/module-linux-headers-$release/clxgpio.ko
	if step module make -C "$top" --no-print-directory module KDIR="$kdir" \
		MODULE_DIR="$(dirname "$modko")"; then
		expect module-vermagic "$(modinfo -F vermagic "$modko" | cut -d' ' -f1)" "$release"
	fi

	# 3. DKMS, private trees. sign_file and the MOK key come from the environment (dkms reads
	# them from framework.conf otherwise): the kernel's own sign-file from linux-kbuild.
	dk=$out/dkms
	pkgver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$top/dkms.conf")
	mkdir -p "$dk/src" "$dk/tree" "$dk/install/lib/modules/$release" "$dk/stage"
	rsync -a --exclude=/build/ --exclude=/.git/ "$top/" "$dk/stage/clxgpio/"
	trees=(--dkmstree "$dk/tree" --sourcetree "$dk/src" --installtree "$dk/install/lib/modules")
	kargs=(-m clxgpio -v "$pkgver" -k "$release" -a aarch64 --kernelsourcedir "$kdir")
	sign=$(find "$dir"/root/usr/lib/linux-kbuild-*/scripts -name sign-file 2>/dev/null | head -n1)
	export sign_file=${sign:-/nonexistent} mok_signing_key=$dk/mok.key mok_certificate=$dk/mok.pub
	dkmsko=$dk/install/lib/modules/$release/updates/dkms/clxgpio.ko
	echo "  dkms add $dk/stage/clxgpio ${trees[*]}"
	echo "  dkms build|install ${kargs[*]} ${trees[*]} (install: --no-depmod)"
	if step dkms-add dkms add "$dk/stage/clxgpio" "${trees[@]}" &&
		step dkms-build dkms build "${kargs[@]}" "${trees[@]}" &&
		step dkms-install dkms install --no-depmod "${kargs[@]}" "${trees[@]}"; then
		expect dkms-status "$(dkms status "${trees[@]}" | tr -d '\n')" \
			"clxgpio/$pkgver, $release, aarch64: installed"
		expect dkms-version "$(modinfo -F version "$dkmsko")" "$pkgver"
		expect dkms-vermagic "$(modinfo -F vermagic "$dkmsko" | cut -d' ' -f1)" "$release"
		expect dkms-srcversion "$(modinfo -F srcversion "$dkmsko")" \
			"$(modinfo -F srcversion "$modko" 2>/dev/null)"
		[ -z "$sign" ] || expect dkms-signer "$(modinfo -F signer "$dkmsko")" "DKMS module signing key"
	fi
	unset sign_file mok_signing_key mok_certificate

	# 4./5. The two boots. vm.sh exits 0/1 with the guest script's status; anything else (a
	# splat, a timeout, a panic) is one more failure.
	boot() { # boot NAME MODE KO [APPEND]
		local name=$1 mode=$2 ko=$3 extra=$out/extra-$1 sock=$out/qmp-$1 rc=0 t=$SECONDS
		if [ ! -f "$ko" ]; then ko "$name" "no $ko to boot with"; return; fi
		mkdir -p "$extra"
		cp "$here/guest-distro.sh" "$top/tools/handover.sh" "$top/tests/lib/guest-lib.sh" \
			"$top/tests/e2e/selftest-gpio-sim.sh" "$extra/"
		cp "$ko" "$extra/clxgpio.ko"
		KDIR=$dir/vm EXTRA=$extra QMP_SOCK=$sock LOG=$out/$name.log APPEND=${4:-} TIMEOUT=400 \
			CMD="sh /extra/guest-distro.sh $mode $release" "$top/tools/qemu/vm.sh" \
			>"$out/$name.console" 2>&1 &
		local vm=$!
		# The power button: QMP system_powerdown once the guest listens for it.
		while kill -0 $vm 2>/dev/null; do
			if grep -q '^CLX-DISTRO-POWER-READY' "$out/$name.console" 2>/dev/null; then
				python3 "$top/tools/qemu/qmp.py" "$sock" system_powerdown >/dev/null || true
				break
			fi
			sleep 0.2
		done
		wait $vm || rc=$?
		tr -d '\r' <"$out/$name.console" | grep -E '^(PASS|FAIL) ' |
			sed "s/^\(PASS\|FAIL\) /\1 $name:/" | tee "$out/$name.results" || true
		local p f
		p=$(grep -c '^PASS ' "$out/$name.results" || true)
		f=$(grep -c '^FAIL ' "$out/$name.results" || true)
		pass=$((pass + p)) fail=$((fail + f))
		case $rc in
		0 | 1) echo "  $name: $p passed, $f failed in the guest ($((SECONDS - t)) s)" ;;
		*) ko "$name-vm" "vm.sh exit $rc (126 splat, 124 timeout, 125 no result): $out/$name.console"
			grep -E '^CLX-SPLAT|^vm:' "$out/$name.console" | tail -n 10 | sed 's/^/  | /' ;;
		esac
		[ $((p + f)) -gt 0 ] || ko "$name" "no result from the guest: $out/$name.console"
	}
	boot handover handover "$dkmsko"
	boot blacklist blacklist "$modko" initcall_blacklist=pl061_gpio_driver_init
	[ "$fail" -eq 0 ]
}

main 2>&1 | tee "$out/stage.log"
exit "${PIPESTATUS[0]}"
