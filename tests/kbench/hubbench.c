// SPDX-License-Identifier: GPL-2.0
/*
 * hubbench: per-operation cost of the resource hub's READ_PINS/WRITE_PINS against the
 * kernel's GPIO v2 character device (GPIO_V2_LINE_GET_VALUES_IOCTL / SET_VALUES, as
 * tests/e2e/line-events.c uses it) on the same 8 lines (0..7) of one chip, one after the
 * other in the same boot (make bench). Static arm64 guest tool, raw ioctls.
 *
 *   hubbench CHIP_LABEL /dev/gpiochipN ITERATIONS RUNS
 *       prints "read_pins=N v2_get=N write_pins=N v2_set=N": ns per call, the median of
 *       RUNS loops of ITERATIONS calls. Writes alternate 0x55/0xAA.
 *   hubbench edges CHIP_LABEL OFFSET PULL_FILE TOGGLES
 *       an ActiveBoth interrupt connection on OFFSET through the hub; PULL_FILE (the
 *       simulated line's sim_gpioN/pull) toggled TOGGLES times, each toggle waiting for
 *       its event (paced, as gpiobench edges BATCH 1 does for gpiolib); prints
 *       "events=N lost=L extra=X order_errors=E events_per_s=R".
 * Exit 1 with a message on stderr when something cannot be measured.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "../../compat/include/uapi/clxgpio_hub.h"

#define LINES 8
#define MAX_RUNS 4096

enum op { READ_PINS, WRITE_PINS, V2_GET, V2_SET };

static long iters, runs;
static double sample[MAX_RUNS];

static int fail(const char *what)
{
	fprintf(stderr, "hubbench: %s: %s\n", what, strerror(errno));
	exit(1);
}

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double measure(int fd, enum op op)
{
	struct gpio_v2_line_values v = { .mask = 0xFF };
	struct clxhub_pins p = { .version = CLXHUB_VERSION, .size = 1 };
	long r, i;
	int ret = 0;

	for (r = 0; r < runs; r++) {
		double t = now_ns();

		for (i = 0; i < iters; i++) {
			switch (op) {
			case READ_PINS:
				ret = ioctl(fd, CLXHUB_IOC_READ_PINS, &p);
				p.size = 1;
				break;
			case WRITE_PINS:
				p.buffer[0] = (i & 1) ? 0x55 : 0xAA;
				ret = ioctl(fd, CLXHUB_IOC_WRITE_PINS, &p);
				p.size = 1;
				break;
			case V2_GET:
				ret = ioctl(fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &v);
				break;
			case V2_SET:
				v.bits = (i & 1) ? 0x55 : 0xAA;
				ret = ioctl(fd, GPIO_V2_LINE_SET_VALUES_IOCTL, &v);
				break;
			}
			if (ret < 0)
				fail("ioctl");
		}
		sample[r] = (now_ns() - t) / iters;
	}
	qsort(sample, runs, sizeof(sample[0]), cmp);
	return sample[runs / 2];
}

/* A CLXHUB_IOC_OPEN request of kind on label, held by "hubbench"; pins left to the caller. */
static struct clxhub_open hub_request(const char *label, unsigned int kind)
{
	struct clxhub_open o;

	memset(&o, 0, sizeof(o));
	o.version = CLXHUB_VERSION;
	o.kind = kind;
	snprintf(o.controller, sizeof(o.controller), "%s", label);
	snprintf(o.consumer, sizeof(o.consumer), "hubbench");
	return o;
}

static double hub(const char *label, unsigned int access, enum op op)
{
	struct clxhub_open o = hub_request(label, CLXHUB_KIND_IO);
	int h = open(CLXHUB_DEVICE, O_RDWR), i;
	double ns;

	if (h < 0)
		fail(CLXHUB_DEVICE);
	o.access = access;
	o.pin_count = LINES;
	for (i = 0; i < LINES; i++)
		o.pins[i] = i;
	if (ioctl(h, CLXHUB_IOC_OPEN, &o) < 0)
		fail("CLXHUB_IOC_OPEN");
	ns = measure(o.fd, op);
	close(o.fd);
	close(h);
	return ns;
}

static double v2(const char *chip, __u64 flags, enum op op)
{
	struct gpio_v2_line_request req;
	int c = open(chip, O_RDWR), i;
	double ns;

	if (c < 0)
		fail(chip);
	memset(&req, 0, sizeof(req));
	for (i = 0; i < LINES; i++)
		req.offsets[i] = i;
	req.num_lines = LINES;
	req.config.flags = flags;
	snprintf(req.consumer, sizeof(req.consumer), "hubbench");
	if (ioctl(c, GPIO_V2_GET_LINE_IOCTL, &req) < 0)
		fail("GPIO_V2_GET_LINE_IOCTL");
	ns = measure(req.fd, op);
	close(req.fd);
	close(c);
	return ns;
}

static int edges(const char *label, int offset, const char *pull_file, long toggles)
{
	long t, events = 0, lost = 0, extra = 0, order = 0;
	int h = open(CLXHUB_DEVICE, O_RDWR), pull = open(pull_file, O_WRONLY), last = -1;
	struct clxhub_event ev;
	struct clxhub_open o;
	double t0;

	if (h < 0 || pull < 0)
		fail(h < 0 ? CLXHUB_DEVICE : pull_file);
	if (write(pull, "pull-up", 7) != 7)	/* deasserted: asserted is low */
		fail("pull-up");
	o = hub_request(label, CLXHUB_KIND_INTERRUPT);
	o.pin_count = 1;
	o.pins[0] = offset;
	o.int_mode = CLXHUB_EDGE;
	o.polarity = CLXHUB_ACTIVE_BOTH;
	if (ioctl(h, CLXHUB_IOC_OPEN, &o) < 0)
		fail("CLXHUB_IOC_OPEN (interrupt)");
	t0 = now_ns();
	for (t = 0; t < toggles; t++) {
		struct pollfd p = { .fd = o.fd, .events = POLLIN };
		const char *v = t & 1 ? "pull-up" : "pull-down";

		if (write(pull, v, strlen(v)) < 0)
			fail(pull_file);
		if (poll(&p, 1, 1000) <= 0) {
			lost++;
			continue;
		}
		while (poll(&p, 1, 0) > 0 && read(o.fd, &ev, sizeof(ev)) == sizeof(ev)) {
			events++;
			if (ev.asserted == last)
				order++;
			last = ev.asserted;
			if (events > t + 1)
				extra++;
		}
	}
	printf("events=%ld lost=%ld extra=%ld order_errors=%ld events_per_s=%.0f\n", events,
	       lost, extra, order, events / ((now_ns() - t0) / 1e9));
	close(o.fd);
	close(pull);
	close(h);
	return 0;
}

int main(int argc, char **argv)
{
	double rp, vg, wp, vs;

	if (argc == 6 && !strcmp(argv[1], "edges"))
		return edges(argv[2], strtol(argv[3], NULL, 0), argv[4], strtol(argv[5], NULL, 0));
	if (argc != 5) {
		fprintf(stderr, "usage: hubbench CHIP_LABEL /dev/gpiochipN ITERATIONS RUNS\n"
				"       hubbench edges CHIP_LABEL OFFSET PULL_FILE TOGGLES\n");
		return 2;
	}
	iters = strtol(argv[3], NULL, 0);
	runs = strtol(argv[4], NULL, 0);
	if (iters < 1 || runs < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "hubbench: ITERATIONS >= 1, RUNS 1..%d\n", MAX_RUNS);
		return 2;
	}
	vg = v2(argv[2], GPIO_V2_LINE_FLAG_INPUT, V2_GET);
	rp = hub(argv[1], CLXHUB_ACCESS_READ, READ_PINS);
	vs = v2(argv[2], GPIO_V2_LINE_FLAG_OUTPUT, V2_SET);
	wp = hub(argv[1], CLXHUB_ACCESS_WRITE, WRITE_PINS);
	printf("read_pins=%.1f v2_get=%.1f write_pins=%.1f v2_set=%.1f\n", rp, vg, wp, vs);
	return 0;
}
