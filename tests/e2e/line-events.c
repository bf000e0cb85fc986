// SPDX-License-Identifier: GPL-2.0
/*
 * line-events: watch one GPIO line's edges through the v2 character-device uAPI, with an
 * optional debounce period (libgpiod 1.6's tools cannot set one). Guest tool for the
 * end-to-end tests; built statically for arm64 by tests/e2e/run-e2e.sh.
 *
 *   line-events /dev/gpiochipN OFFSET DEBOUNCE_US SECONDS
 *
 * Prints "ready" once the request is live, then one "RISING|FALLING <ns> <line_seqno>"
 * line per event until SECONDS have passed. Exit 0, or 2 with a message on an error.
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

static int fail(const char *what)
{
	fprintf(stderr, "line-events: %s: %s\n", what, strerror(errno));
	return 2;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int parse(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 0);
	return errno || *end || end == s || *out > max ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct gpio_v2_line_request req;
	struct gpio_v2_line_event ev;
	unsigned long offset, debounce_us, seconds;
	long long deadline;
	int chip;

	if (argc != 5 || parse(argv[2], 63, &offset) || parse(argv[3], 1000000, &debounce_us) ||
	    parse(argv[4], 3600, &seconds)) {
		fprintf(stderr, "usage: line-events /dev/gpiochipN OFFSET(0-63) DEBOUNCE_US SECONDS\n");
		return 2;
	}
	chip = open(argv[1], O_RDWR | O_CLOEXEC);
	if (chip < 0)
		return fail(argv[1]);

	memset(&req, 0, sizeof(req));
	req.offsets[0] = offset;
	req.num_lines = 1;
	strcpy(req.consumer, "line-events");
	req.config.flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_RISING |
			   GPIO_V2_LINE_FLAG_EDGE_FALLING;
	if (debounce_us) {
		req.config.num_attrs = 1;
		req.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
		req.config.attrs[0].attr.debounce_period_us = debounce_us;
		req.config.attrs[0].mask = 1;
	}
	if (ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &req) < 0)
		return fail("GPIO_V2_GET_LINE_IOCTL");
	printf("ready\n");
	fflush(stdout);

	deadline = now_ms() + seconds * 1000;
	for (;;) {
		struct pollfd pfd = { .fd = req.fd, .events = POLLIN };
		long long left = deadline - now_ms();
		int n;

		if (left <= 0)
			break;
		n = poll(&pfd, 1, (int)left);
		if (n < 0 && errno != EINTR)
			return fail("poll");
		if (n <= 0)
			continue;
		if (read(req.fd, &ev, sizeof(ev)) != (ssize_t)sizeof(ev))
			return fail("read event");
		printf("%s %llu %u\n", ev.id == GPIO_V2_LINE_EVENT_RISING_EDGE ? "RISING" : "FALLING",
		       (unsigned long long)ev.timestamp_ns, ev.line_seqno);
		fflush(stdout);
	}
	return 0;
}
