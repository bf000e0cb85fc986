// SPDX-License-Identifier: GPL-2.0
/*
 * line-multi: drive several lines of one chip with one GPIO_V2_LINE_SET_VALUES_IOCTL,
 * which gpiolib turns into one call of the chip's set_multiple (gpioset only requests
 * lines with initial values: a direction_output per line). Guest tool for the end-to-end
 * tests; built statically for arm64 by tests/e2e/run-e2e.sh.
 *
 *   line-multi /dev/gpiochipN HOLD_MS OFFSET=VALUE...
 *
 * Requests the lines as outputs at the complement of VALUE (so every bit must move), sets
 * them all to their VALUEs at once, reads them back with one GPIO_V2_LINE_GET_VALUES_IOCTL
 * (the chip's get_multiple) and prints "set <values read back, in argument order>"; then
 * holds the lines for HOLD_MS so a checker can look at them, and releases them.
 * Exit 0, or 2 with a message on an error.
 */
#include <time.h>
#include <unistd.h>

#include "line-uapi.h"

int main(int argc, char **argv)
{
	unsigned int offsets[GPIO_V2_LINES_MAX];
	struct gpio_v2_line_values vals;
	unsigned long hold_ms, off;
	struct timespec hold;
	__u64 want = 0, all;
	unsigned int n, i;
	int chip, line;

	if (argc < 4 || argc - 3 > GPIO_V2_LINES_MAX || line_parse(argv[2], 60000, &hold_ms))
		goto usage;
	n = argc - 3;
	for (i = 0; i < n; i++) {
		char *eq = strchr(argv[3 + i], '=');

		if (!eq || (strcmp(eq, "=0") && strcmp(eq, "=1")))
			goto usage;
		*eq = '\0';
		if (line_parse(argv[3 + i], 1023, &off))
			goto usage;
		offsets[i] = off;
		if (eq[1] == '1')
			want |= 1ULL << i;
	}
	all = n < 64 ? (1ULL << n) - 1 : ~0ULL;
	line = line_request_lines("line-multi", argv[1], offsets, n, GPIO_V2_LINE_FLAG_OUTPUT,
				  ~want & all, 0, &chip);
	if (line < 0)
		return 2;
	memset(&vals, 0, sizeof(vals));
	vals.mask = all;
	vals.bits = want;
	if (ioctl(line, GPIO_V2_LINE_SET_VALUES_IOCTL, &vals) < 0)
		return line_fail("line-multi", "GPIO_V2_LINE_SET_VALUES_IOCTL");
	memset(&vals, 0, sizeof(vals));
	vals.mask = all;
	if (ioctl(line, GPIO_V2_LINE_GET_VALUES_IOCTL, &vals) < 0)
		return line_fail("line-multi", "GPIO_V2_LINE_GET_VALUES_IOCTL");
	printf("set");
	for (i = 0; i < n; i++)
		printf(" %d", (int)((vals.bits >> i) & 1));
	printf("\n");
	fflush(stdout);
	hold.tv_sec = hold_ms / 1000;
	hold.tv_nsec = (long)(hold_ms % 1000) * 1000000L;
	nanosleep(&hold, NULL);
	close(line);
	close(chip);
	return 0;
usage:
	fprintf(stderr, "usage: line-multi /dev/gpiochipN HOLD_MS(0-60000) OFFSET=0|1... (at most %d)\n",
		GPIO_V2_LINES_MAX);
	return 2;
}
