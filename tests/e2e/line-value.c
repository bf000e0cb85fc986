// SPDX-License-Identifier: GPL-2.0
/*
 * line-value: request one GPIO line "as is" (no direction, no bias: libgpiod 2's
 * gpioget --as-is, which libgpiod 1.6's gpioget cannot do), read its value through the
 * v2 character-device uAPI and release it. Guest tool for the end-to-end tests; built
 * statically for arm64 by tests/e2e/run-e2e.sh.
 *
 *   line-value /dev/gpiochipN OFFSET
 *
 * Prints "<value> <in|out>" (the value read, the direction the line had while
 * requested). Exit 0, or 2 with a message on an error.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int fail(const char *what)
{
	fprintf(stderr, "line-value: %s: %s\n", what, strerror(errno));
	return 2;
}

int main(int argc, char **argv)
{
	struct gpio_v2_line_request req;
	struct gpio_v2_line_values vals;
	struct gpio_v2_line_info info;
	unsigned long offset;
	char *end;
	int chip;

	if (argc != 3) {
		fprintf(stderr, "usage: line-value /dev/gpiochipN OFFSET\n");
		return 2;
	}
	errno = 0;
	offset = strtoul(argv[2], &end, 0);
	if (errno || *end || end == argv[2] || offset > 1023) {
		fprintf(stderr, "line-value: bad offset '%s'\n", argv[2]);
		return 2;
	}
	chip = open(argv[1], O_RDWR | O_CLOEXEC);
	if (chip < 0)
		return fail(argv[1]);

	memset(&req, 0, sizeof(req));
	req.offsets[0] = offset;
	req.num_lines = 1;
	strcpy(req.consumer, "line-value");
	req.config.flags = 0; /* as is: gpiolib changes neither direction nor bias */
	if (ioctl(chip, GPIO_V2_GET_LINE_IOCTL, &req) < 0)
		return fail("GPIO_V2_GET_LINE_IOCTL");
	memset(&vals, 0, sizeof(vals));
	vals.mask = 1;
	if (ioctl(req.fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &vals) < 0)
		return fail("GPIO_V2_LINE_GET_VALUES_IOCTL");
	memset(&info, 0, sizeof(info));
	info.offset = offset;
	if (ioctl(chip, GPIO_V2_GET_LINEINFO_IOCTL, &info) < 0)
		return fail("GPIO_V2_GET_LINEINFO_IOCTL");
	close(req.fd);
	printf("%d %s\n", (int)(vals.bits & 1),
	       info.flags & GPIO_V2_LINE_FLAG_OUTPUT ? "out" : "in");
	return 0;
}
