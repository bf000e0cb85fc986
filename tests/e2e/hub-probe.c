// SPDX-License-Identifier: GPL-2.0
/*
 * hub-probe: the resource hub's uapi (compat/include/uapi/clxgpio_hub.h) end to end, run
 * in the guest by hub.sh against a simulated chip. Prints "PASS name" / "FAIL name: why".
 *
 *   hub-probe CHIP_LABEL GPIOCHIP_DEV SIM_SYSFS_DIR TOGGLES
 *   hub-probe --nobody      (as uid/gid 65534: opening the hub must be refused, EACCES)
 *   hub-probe --resource DT_NODE_PATH CONTROLLER PIN
 *                           (a device's resource: the node's first "gpios" entry must
 *                           open as PIN of CONTROLLER, read, and show in INFO)
 *
 * CHIP_LABEL names the controller (the simulated chip's label, 16 lines in banks of 8),
 * GPIOCHIP_DEV its /dev/gpiochipN (for the gpiolib side of the referee), SIM_SYSFS_DIR
 * its sim_gpioN attributes (the outside world and the lines' levels), TOGGLES the unpaced
 * ActiveBoth toggles. Exit 0 when every check passed.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../compat/include/uapi/clxgpio_hub.h"

#define STATUS_GPIO_OPERATION_DENIED 0xC000A125u
#define STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE 0xC000A126u
#define STATUS_BUFFER_TOO_SMALL 0xC0000023u
#define STATUS_INVALID_PARAMETER 0xC000000Du

static int failures;
static const char *label, *sysdir;

static void check(int ok, const char *name, const char *fmt, long a, long b)
{
	if (ok) {
		printf("PASS hub-%s\n", name);
		return;
	}
	printf("FAIL hub-%s: ", name);
	printf(fmt, a, b);
	printf("\n");
	failures++;
}

static int sim_attr(unsigned int pin, const char *attr, const char *val)
{
	char path[256], buf[16] = { 0 };
	int fd, n;

	snprintf(path, sizeof(path), "%s/sim_gpio%u/%s", sysdir, pin, attr);
	fd = open(path, val ? O_WRONLY : O_RDONLY);
	if (fd < 0)
		return -errno;
	n = val ? write(fd, val, strlen(val)) : read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return -errno;
	return val ? 0 : buf[0] == '1';
}

static struct clxhub_open io_req(unsigned int access, const unsigned short *pins, int n)
{
	struct clxhub_open o;

	memset(&o, 0, sizeof(o));
	o.version = CLXHUB_VERSION;
	o.kind = CLXHUB_KIND_IO;
	o.access = access;
	snprintf(o.controller, sizeof(o.controller), "%s", label);
	snprintf(o.consumer, sizeof(o.consumer), "hub-probe");
	o.pin_count = n;
	memcpy(o.pins, pins, n * sizeof(*pins));
	return o;
}

/* CLXHUB_IOC_OPEN: the connection fd, or -errno with *status set. */
static int hub_open(int hub, struct clxhub_open *o, unsigned int *status)
{
	int ret = ioctl(hub, CLXHUB_IOC_OPEN, o);

	*status = o->status;
	return ret < 0 ? -errno : o->fd;
}

static int pins_ioctl(int fd, unsigned long cmd, unsigned char *bits, unsigned int size,
		      unsigned int *status)
{
	struct clxhub_pins p;
	int ret;

	memset(&p, 0, sizeof(p));
	p.version = CLXHUB_VERSION;
	p.size = size;
	p.buffer[0] = *bits;
	ret = ioctl(fd, cmd, &p);
	*status = p.status;
	*bits = p.buffer[0];
	return ret < 0 ? -errno : (int)p.size;
}

static void io_checks(int hub)
{
	static const unsigned short table[] = { 7, 8, 3, 12 }, dup[] = { 4, 5, 4 },
				    far[] = { 4, 16 }, one[] = { 6 };
	unsigned char bits = 0x0A;
	unsigned int st;
	struct clxhub_open o = io_req(CLXHUB_ACCESS_WRITE, table, 4);
	int fd = hub_open(hub, &o, &st), fd2, n;

	check(fd >= 0 && st == 0, "open-write", "fd %ld status %#lx", fd, st);
	if (fd < 0)
		return;
	n = pins_ioctl(fd, CLXHUB_IOC_WRITE_PINS, &bits, 1, &st);
	check(n == 1 && sim_attr(7, "value", NULL) == 0 && sim_attr(8, "value", NULL) == 1 &&
	      sim_attr(3, "value", NULL) == 0 && sim_attr(12, "value", NULL) == 1,
	      "write-bits", "size %ld status %#lx (pins 7, 8, 3, 12 from bits 0..3)", n, st);
	bits = 0xFF;
	n = pins_ioctl(fd, CLXHUB_IOC_READ_PINS, &bits, 8, &st);
	check(n == 1 && bits == 0x0A, "read-latches", "size %ld bits %#lx", n, bits);
	n = pins_ioctl(fd, CLXHUB_IOC_WRITE_PINS, &bits, 0, &st);
	check(n == -ENOBUFS && st == STATUS_BUFFER_TOO_SMALL, "short-buffer",
	      "errno %ld status %#lx", -n, st);
	n = pins_ioctl(fd, CLXHUB_IOC_WRITE_PINS, &bits, 9, &st);
	check(n == -EINVAL && st == STATUS_INVALID_PARAMETER, "oversized-buffer",
	      "errno %ld status %#lx", -n, st);
	check(ioctl(fd, _IOWR(CLXHUB_IOC_MAGIC, 0x7F, struct clxhub_pins), &bits) < 0 &&
	      errno == ENOTTY, "unknown-ioctl", "errno %ld %ld", errno, 0);
	{	/* a struct one byte off its alignment; one of another size */
		static unsigned char raw[sizeof(struct clxhub_pins) + 8] __attribute__((aligned(8)));
		struct clxhub_pins *odd = (struct clxhub_pins *)(raw + 1);

		check(ioctl(fd, CLXHUB_IOC_READ_PINS, odd) < 0 && errno == EINVAL,
		      "misaligned-struct", "errno %ld %ld", errno, 0);
		check(ioctl(fd, _IOWR(CLXHUB_IOC_MAGIC, 0x02, __u32), raw) < 0 &&
		      errno == ENOTTY, "short-struct", "errno %ld %ld", errno, 0);
	}
	fd2 = hub_open(hub, &o, &st);
	check(fd2 == -EBUSY && st == STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, "exclusive",
	      "errno %ld status %#lx", -fd2, st);
	close(fd);
	check(sim_attr(8, "value", NULL) == 0, "close-default", "pin 8 %ld %ld",
	      sim_attr(8, "value", NULL), 0);

	o = io_req(CLXHUB_ACCESS_READ, one, 1);
	fd = hub_open(hub, &o, &st);
	bits = 1;
	n = pins_ioctl(fd, CLXHUB_IOC_WRITE_PINS, &bits, 1, &st);
	check(n == -EPERM && st == STATUS_GPIO_OPERATION_DENIED, "write-on-read",
	      "errno %ld status %#lx", -n, st);
	close(fd);

	o = io_req(CLXHUB_ACCESS_READ, dup, 3);
	fd = hub_open(hub, &o, &st);
	check(fd == -EINVAL && st == STATUS_INVALID_PARAMETER, "duplicate-pins",
	      "errno %ld status %#lx", -fd, st);
	o = io_req(CLXHUB_ACCESS_READ, far, 2);
	fd = hub_open(hub, &o, &st);
	check(fd == -EINVAL, "pin-out-of-range", "errno %ld status %#lx", -fd, st);
	o = io_req(CLXHUB_ACCESS_READ, one, 1);
	o.pin_count = CLXHUB_MAX_PINS + 1;
	fd = hub_open(hub, &o, &st);
	check(fd == -EINVAL && st == STATUS_INVALID_PARAMETER, "too-many-pins",
	      "errno %ld status %#lx", -fd, st);
	o = io_req(CLXHUB_ACCESS_READ, one, 1);
	o.reserved[3] = 1;
	fd = hub_open(hub, &o, &st);
	check(fd == -EINVAL, "reserved-nonzero", "errno %ld status %#lx", -fd, st);
	o = io_req(CLXHUB_ACCESS_READ, one, 1);
	o.version = 2;
	fd = hub_open(hub, &o, &st);
	check(fd == -EINVAL, "bad-version", "errno %ld status %#lx", -fd, st);
}

/* The referee with gpiolib, both ways, and the holder's name in the line info. */
static void referee_checks(int hub, const char *gpiochip)
{
	static const unsigned short five[] = { 5 };
	struct gpio_v2_line_request req;
	struct gpio_v2_line_info info;
	unsigned int st;
	struct clxhub_open o = io_req(CLXHUB_ACCESS_READ, five, 1);
	int fd = hub_open(hub, &o, &st), chip = open(gpiochip, O_RDWR), r;

	memset(&info, 0, sizeof(info));
	info.offset = 5;
	r = ioctl(chip, GPIO_V2_GET_LINEINFO_IOCTL, &info);
	check(fd >= 0 && r == 0 && (info.flags & GPIO_V2_LINE_FLAG_USED) &&
	      !strcmp(info.consumer, "hub-probe"), "gpioinfo-holder", "fd %ld flags %#lx",
	      fd, info.flags);
	memset(&req, 0, sizeof(req));
	req.offsets[0] = 5;
	req.num_lines = 1;
	req.config.flags = GPIO_V2_LINE_FLAG_INPUT;
	r = ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &req);
	check(r < 0 && errno == EBUSY, "gpiolib-refused", "ret %ld errno %ld", r, errno);
	close(fd);
	r = ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &req);
	check(r == 0, "gpiolib-after-close", "ret %ld errno %ld", r, errno);
	fd = hub_open(hub, &o, &st);
	check(fd == -EBUSY && st == STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE, "hub-refused",
	      "errno %ld status %#lx", -fd, st);
	if (r == 0)
		close(req.fd);
	close(chip);
}

/*
 * Two processes: an Exclusive pin of one refuses the other, Shared read opens join, and
 * killing one releases exactly its pins (the survivor's connection still works).
 */
static void process_checks(int hub)
{
	static const unsigned short excl[] = { 0, 1 }, shared[] = { 9 }, one[] = { 1 };
	int ready[2], fd, fd2, mine, n;
	unsigned char bits = 0;
	unsigned int st;
	pid_t child;
	struct clxhub_open o;
	char c;

	if (pipe(ready))
		return;
	child = fork();
	if (child == 0) {
		o = io_req(CLXHUB_ACCESS_WRITE, excl, 2);
		fd = hub_open(hub, &o, &st);
		o = io_req(CLXHUB_ACCESS_READ, shared, 1);
		o.flags = CLXHUB_OPEN_SHARED;
		fd2 = hub_open(hub, &o, &st);
		c = fd >= 0 && fd2 >= 0 ? 'y' : 'n';
		if (write(ready[1], &c, 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	if (read(ready[0], &c, 1) != 1 || c != 'y') {
		check(0, "process-child-open", "child could not open (%ld) %ld", c, 0);
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		return;
	}
	o = io_req(CLXHUB_ACCESS_READ, one, 1);
	fd = hub_open(hub, &o, &st);
	check(fd == -EBUSY && st == STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE,
	      "process-exclusive-refused", "errno %ld status %#lx", -fd, st);
	o = io_req(CLXHUB_ACCESS_READ, shared, 1);
	o.flags = CLXHUB_OPEN_SHARED;
	mine = hub_open(hub, &o, &st);
	check(mine >= 0, "process-shared-joins", "errno %ld status %#lx", -mine, st);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	o = io_req(CLXHUB_ACCESS_READ, excl, 2);
	fd = hub_open(hub, &o, &st);
	check(fd >= 0, "process-death-releases", "errno %ld status %#lx", -fd, st);
	if (fd >= 0)
		close(fd);
	n = mine >= 0 ? pins_ioctl(mine, CLXHUB_IOC_READ_PINS, &bits, 1, &st) : -1;
	check(n == 1, "process-survivor-keeps", "read %ld status %#lx", n, st);
	if (mine >= 0)
		close(mine);
	close(ready[0]);
	close(ready[1]);
}

/*
 * ActiveBoth under unpaced toggles of the outside world: the events strictly alternate,
 * losses (seqno gaps) come in pairs, and the last event matches the line's level.
 */
static void active_both_checks(int hub, long toggles, const char *tag)
{
	static struct clxhub_event ev[4096];
	struct clxhub_info info;
	char name[64];
	struct clxhub_open o;
	unsigned int st, bad = 0, odd_gaps = 0;
	unsigned long long prev_seq = 0, got = 0;
	int fd, n, i, last = -1, level;
	long t;

	sim_attr(2, "pull", "pull-up");		/* deasserted (asserted is low) */
	memset(&o, 0, sizeof(o));
	o.version = CLXHUB_VERSION;
	o.kind = CLXHUB_KIND_INTERRUPT;
	snprintf(o.controller, sizeof(o.controller), "%s", label);
	o.pin_count = 1;
	o.pins[0] = 2;
	o.int_mode = CLXHUB_EDGE;
	o.polarity = CLXHUB_ACTIVE_BOTH;
	fd = hub_open(hub, &o, &st);
	check(fd >= 0, "irq-open", "errno %ld status %#lx", -fd, st);
	if (fd < 0)
		return;
	for (t = 0; t < toggles; t++)
		sim_attr(2, "pull", t & 1 ? "pull-up" : "pull-down");
	usleep(300000);
	level = sim_attr(2, "value", NULL);
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };

		if (poll(&p, 1, 200) <= 0)
			break;
		n = read(fd, ev, sizeof(ev));
		if (n <= 0)
			break;
		for (i = 0; i < n / (int)sizeof(ev[0]); i++, got++) {
			if (last >= 0 && ev[i].asserted == last)
				bad++;
			if (prev_seq && (ev[i].seqno - prev_seq - 1) % 2)
				odd_gaps++;
			prev_seq = ev[i].seqno;
			last = ev[i].asserted;
		}
	}
	memset(&info, 0, sizeof(info));
	info.version = CLXHUB_VERSION;
	if (ioctl(fd, CLXHUB_IOC_INFO, &info) < 0)
		info.dropped = ~0ULL;
	printf("INFO hub-%s: %ld toggles, %llu events read, last seqno %llu, %llu dropped\n",
	       tag, toggles, got, prev_seq, (unsigned long long)info.dropped);
	snprintf(name, sizeof(name), "%s-alternates", tag);
	check(got > 0 && bad == 0, name, "%ld events, %ld repeats", (long)got, bad);
	snprintf(name, sizeof(name), "%s-pairs", tag);
	check(odd_gaps == 0 && info.dropped % 2 == 0 && got + info.dropped == prev_seq, name,
	      "%ld odd gaps, %ld dropped", odd_gaps, (long)info.dropped);
	/* asserted is low: the last event is asserted exactly when the line is low */
	snprintf(name, sizeof(name), "%s-last-level", tag);
	check(last == !level, name, "last asserted %ld, level %ld", last, level);
	close(fd);
}

int main(int argc, char **argv)
{
	int hub;

	if (argc == 2 && !strcmp(argv[1], "--nobody")) {
		if (setgid(65534) || setuid(65534)) {
			perror("hub-probe: setuid");
			return 2;
		}
		hub = open(CLXHUB_DEVICE, O_RDWR);
		check(hub < 0 && errno == EACCES, "non-root-refused", "fd %ld errno %ld", hub,
		      errno);
		return failures ? 1 : 0;
	}
	if (argc == 5 && !strcmp(argv[1], "--resource")) {
		struct clxhub_open o;
		struct clxhub_info info;
		unsigned char bits = 0;
		unsigned int st;
		int fd, n;

		hub = open(CLXHUB_DEVICE, O_RDWR);
		memset(&o, 0, sizeof(o));
		o.version = CLXHUB_VERSION;
		o.kind = CLXHUB_KIND_IO;
		o.access = CLXHUB_ACCESS_READ;
		o.flags = CLXHUB_OPEN_BY_RESOURCE;
		snprintf(o.device, sizeof(o.device), "%s", argv[2]);
		fd = hub_open(hub, &o, &st);
		check(fd >= 0, "resource-open", "errno %ld status %#lx", -fd, st);
		memset(&info, 0, sizeof(info));
		info.version = CLXHUB_VERSION;
		n = fd >= 0 ? ioctl(fd, CLXHUB_IOC_INFO, &info) : -1;
		check(n == 0 && !strcmp(info.controller, argv[3]) && info.pin_count == 1 &&
		      info.pins[0] == strtol(argv[4], NULL, 0), "resource-info",
		      "pin count %ld, pin %ld (controller must be the argument)",
		      info.pin_count, info.pins[0]);
		n = fd >= 0 ? pins_ioctl(fd, CLXHUB_IOC_READ_PINS, &bits, 1, &st) : -1;
		check(n == 1, "resource-read", "size %ld status %#lx", n, st);
		if (fd >= 0)
			close(fd);
		snprintf(o.device, sizeof(o.device), "/no/such/node");
		fd = hub_open(hub, &o, &st);
		check(fd == -ENODEV, "resource-missing", "errno %ld status %#lx", -fd, st);
		return failures ? 1 : 0;
	}
	if (argc != 5) {
		fprintf(stderr, "usage: hub-probe CHIP_LABEL GPIOCHIP_DEV SIM_SYSFS_DIR TOGGLES\n");
		return 2;
	}
	label = argv[1];
	sysdir = argv[3];
	hub = open(CLXHUB_DEVICE, O_RDWR);
	check(hub >= 0, "open-device", "errno %ld %ld", errno, 0);
	if (hub < 0)
		return 1;
	io_checks(hub);
	referee_checks(hub, argv[2]);
	process_checks(hub);
	active_both_checks(hub, strtol(argv[4], NULL, 0), "active-both");
	/* three rings' worth, unread while toggling: the ring drops its oldest pairs */
	active_both_checks(hub, 3 * 1024, "active-both-overflow");
	close(hub);
	return failures ? 1 : 0;
}
