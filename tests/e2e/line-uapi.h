/* SPDX-License-Identifier: GPL-2.0 */
/*
 * line-uapi.h: what the e2e guest tools (line-events.c, line-value.c) share: argument
 * parsing, errors, and requesting one line through the v2 character-device uAPI.
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
static int line_fail(const char *tool, const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", tool, what, strerror(errno));
	return 2;
}

/* A whole decimal/hex/octal number in 0..max, or -1. */
static int line_parse(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 0);
	return errno || *end || end == s || *out > max ? -1 : 0;
}

/*
 * Opens the chip (*chip) and requests one line as TOOL with FLAGS (GPIO_V2_LINE_FLAG_*)
 * and, when debounce_us > 0, a debounce period. Returns the request's fd, or -1 with
 * errno set and a message printed.
 */
static int line_request(const char *tool, const char *path, unsigned long offset, __u64 flags,
			unsigned long debounce_us, int *chip)
{
	struct gpio_v2_line_request req;

	*chip = open(path, O_RDWR | O_CLOEXEC);
	if (*chip < 0) {
		line_fail(tool, path);
		return -1;
	}
	memset(&req, 0, sizeof(req));
	req.offsets[0] = offset;
	req.num_lines = 1;
	snprintf(req.consumer, sizeof(req.consumer), "%s", tool);
	req.config.flags = flags;
	if (debounce_us) {
		req.config.num_attrs = 1;
		req.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
		req.config.attrs[0].attr.debounce_period_us = debounce_us;
		req.config.attrs[0].mask = 1;
	}
	if (ioctl(*chip, GPIO_V2_GET_LINE_IOCTL, &req) < 0) {
		line_fail(tool, "GPIO_V2_GET_LINE_IOCTL");
		return -1;
	}
	return req.fd;
}

#endif /* LINE_UAPI_H */
