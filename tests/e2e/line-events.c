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
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "line-uapi.h"

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
	struct gpio_v2_line_event ev;
	unsigned long offset, debounce_us, seconds;
	long long deadline;
	int chip, line;

	if (argc != 5 || line_parse(argv[2], 63, &offset) ||
	    line_parse(argv[3], 1000000, &debounce_us) || line_parse(argv[4], 3600, &seconds)) {
		fprintf(stderr, "usage: line-events /dev/gpiochipN OFFSET(0-63) DEBOUNCE_US SECONDS\n");
		return 2;
	}
	line = line_request("line-events", argv[1], offset, GPIO_V2_LINE_FLAG_INPUT |
			    GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING,
			    debounce_us, &chip);
	if (line < 0)
		return 2;
	printf("ready\n");
	fflush(stdout);

	deadline = now_ms() + seconds * 1000;
	for (;;) {
		struct pollfd pfd = { .fd = line, .events = POLLIN };
		long long left = deadline - now_ms();
		int n;

		if (left <= 0)
			break;
		n = poll(&pfd, 1, (int)left);
		if (n < 0 && errno != EINTR)
			return line_fail("line-events", "poll");
		if (n <= 0)
			continue;
		if (read(line, &ev, sizeof(ev)) != (ssize_t)sizeof(ev))
			return line_fail("line-events", "read event");
		printf("%s %llu %u\n", ev.id == GPIO_V2_LINE_EVENT_RISING_EDGE ? "RISING" : "FALLING",
		       (unsigned long long)ev.timestamp_ns, ev.line_seqno);
		fflush(stdout);
	}
	return 0;
}
