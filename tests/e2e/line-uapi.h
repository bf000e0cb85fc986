/* SPDX-License-Identifier: GPL-2.0 */
/*
 * line-uapi.h: what the e2e guest tools (line-events.c, line-value.c, line-multi.c)
 * share: argument parsing, errors, and requesting lines through the v2 character-device
 * uAPI.
 * Header-only, so each tool stays one static binary built from one .c file.
 */
#ifndef LINE_UAPI_H
#define LINE_UAPI_H

#include <errno.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

/* Prints "TOOL: WHAT: <errno text>" and returns the tools' error status, 2. */
static inline int line_fail(const char *tool, const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", tool, what, strerror(errno));
	return 2;
}

/* A whole decimal/hex/octal number in 0..max, or -1. */
static inline int line_parse(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 0);
	return errno || *end || end == s || *out > max ? -1 : 0;
}

/*
 * Opens the chip (*chip) and requests the n lines of offsets[] as TOOL with FLAGS
 * (GPIO_V2_LINE_FLAG_*), output values from the bits of values (bit i: offsets[i]) when
 * FLAGS ask for outputs and, when debounce_us > 0, a debounce period. Returns the
 * request's fd, or -1 with errno set and a message printed.
 */
static inline int line_request_lines(const char *tool, const char *path,
				     const unsigned int *offsets, unsigned int n, __u64 flags,
				     __u64 values, unsigned long debounce_us, int *chip)
{
	struct gpio_v2_line_request req;
	unsigned int i;
	__u64 all = n < 64 ? (1ULL << n) - 1 : ~0ULL;

	*chip = open(path, O_RDWR | O_CLOEXEC);
	if (*chip < 0) {
		line_fail(tool, path);
		return -1;
	}
	memset(&req, 0, sizeof(req));
	for (i = 0; i < n; i++)
		req.offsets[i] = offsets[i];
	req.num_lines = n;
	snprintf(req.consumer, sizeof(req.consumer), "%s", tool);
	req.config.flags = flags;
	if (flags & GPIO_V2_LINE_FLAG_OUTPUT) {
		req.config.attrs[req.config.num_attrs].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
		req.config.attrs[req.config.num_attrs].attr.values = values;
		req.config.attrs[req.config.num_attrs].mask = all;
		req.config.num_attrs++;
	}
	if (debounce_us) {
		req.config.attrs[req.config.num_attrs].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
		req.config.attrs[req.config.num_attrs].attr.debounce_period_us = debounce_us;
		req.config.attrs[req.config.num_attrs].mask = all;
		req.config.num_attrs++;
	}
	if (ioctl(*chip, GPIO_V2_GET_LINE_IOCTL, &req) < 0) {
		line_fail(tool, "GPIO_V2_GET_LINE_IOCTL");
		return -1;
	}
	return req.fd;
}

/* One line: line_request_lines() for offset alone, no output value. */
static inline int line_request(const char *tool, const char *path, unsigned long offset,
			       __u64 flags, unsigned long debounce_us, int *chip)
{
	unsigned int off = offset;

	return line_request_lines(tool, path, &off, 1, flags, 0, debounce_us, chip);
}

#endif /* LINE_UAPI_H */
