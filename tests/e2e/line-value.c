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
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "line-uapi.h"

int main(int argc, char **argv)
{
	struct gpio_v2_line_values vals;
	struct gpio_v2_line_info info;
	unsigned long offset;
	int chip, line;

	if (argc != 3 || line_parse(argv[2], 1023, &offset)) {
		fprintf(stderr, "usage: line-value /dev/gpiochipN OFFSET(0-1023)\n");
		return 2;
	}
	/* as is: no flags, gpiolib changes neither direction nor bias */
	line = line_request("line-value", argv[1], offset, 0, 0, &chip);
	if (line < 0)
		return 2;
	memset(&vals, 0, sizeof(vals));
	vals.mask = 1;
	if (ioctl(line, GPIO_V2_LINE_GET_VALUES_IOCTL, &vals) < 0)
		return line_fail("line-value", "GPIO_V2_LINE_GET_VALUES_IOCTL");
	memset(&info, 0, sizeof(info));
	info.offset = offset;
	if (ioctl(chip, GPIO_V2_GET_LINEINFO_IOCTL, &info) < 0)
		return line_fail("line-value", "GPIO_V2_GET_LINEINFO_IOCTL");
	close(line);
	printf("%d %s\n", (int)(vals.bits & 1),
	       info.flags & GPIO_V2_LINE_FLAG_OUTPUT ? "out" : "in");
	return 0;
}
