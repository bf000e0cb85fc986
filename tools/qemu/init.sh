#!/bin/busybox sh
# /init of the clxgpio test initramfs (built by build-initramfs.sh).
#
# Mounts the pseudo file systems, loads the modules listed in /etc/clx-modules in order,
# then either runs /cmd (non-interactive) or starts a shell on the console.
# Markers printed on the console for vm.sh:
#   CLX-INSMOD-FAILED=<module>    a listed module did not load (the command is not run)
#   CLX-SPLAT: <dmesg line>       a lockdep report, BUG, WARNING, Oops, ... was logged
#   CLX-EXIT=<n>                  exit status of /cmd (125: a module did not load)
# Kernel command line: clx.shell forces the shell even when /cmd exists.

/bin/busybox mkdir -p /bin /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
export PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=${TERM:-vt100} PS1='\h:\w# '

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm /tmp /run /root
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mount -t configfs configfs /sys/kernel/config
mount -t debugfs debugfs /sys/kernel/debug
[ -e /dev/fd ] || ln -s /proc/self/fd /dev/fd
[ -e /dev/stdin ] || ln -s /proc/self/fd/0 /dev/stdin
[ -e /dev/stdout ] || ln -s /proc/self/fd/1 /dev/stdout
[ -e /dev/stderr ] || ln -s /proc/self/fd/2 /dev/stderr
hostname clxgpio-vm
# Let the kernel run a modprobe of its own (request_module) through busybox.
[ -w /proc/sys/kernel/modprobe ] && echo /sbin/modprobe >/proc/sys/kernel/modprobe

release=$(uname -r)
status=0
if [ -f /etc/clx-modules ]; then
	while read -r m; do
		[ -n "$m" ] || continue
		if ! insmod "/lib/modules/$release/$m"; then
			echo "CLX-INSMOD-FAILED=$m"
			status=125
			break
		fi
	done </etc/clx-modules
fi

# Prints one CLX-SPLAT line per suspicious dmesg line, then the whole log once.
check_splats() {
	dmesg >/tmp/dmesg.txt
	# Lockdep, RCU and sleep-in-atomic reports start with "WARNING:" or "BUG:".
	grep -E 'WARNING:|BUG:|Oops|Internal error:|Unable to handle kernel|Kernel panic|Call trace:|lockdep is turned off|INFO: trying to register non-static key|DEBUG_LOCKS_WARN_ON|INFO: task .* blocked|INFO: rcu_.* stall|UBSAN:|KASAN:|refcount_t:|list_(add|del) corruption' \
		/tmp/dmesg.txt >/tmp/splats.txt
	if [ -s /tmp/splats.txt ]; then
		sed 's/^/CLX-SPLAT: /' /tmp/splats.txt
		echo "CLX-DMESG-BEGIN"
		cat /tmp/dmesg.txt
		echo "CLX-DMESG-END"
	fi
}

if [ -f /cmd ] && ! grep -qw clx.shell /proc/cmdline; then
	if [ "$status" -eq 0 ]; then
		cd /
		sh /cmd </dev/null
		status=$?
		echo	# the markers must start a line even if the output did not end one
	fi
	check_splats
	echo "CLX-EXIT=$status"
	sync
	poweroff -f
fi

echo "clxgpio test VM: $(uname -r); modules loaded: $(cat /etc/clx-modules 2>/dev/null | tr '\n' ' ')"
[ -f /cmd ] && echo "clx.shell: the non-interactive command is in /cmd (sh /cmd)"
echo "poweroff -f (or exit) ends the VM"
cd /root
setsid cttyhack sh -l
check_splats
poweroff -f
