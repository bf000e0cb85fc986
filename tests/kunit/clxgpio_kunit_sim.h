/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the KUnit suites that run on the real clxgpio.ko share: a simulated controller
 * registered as a "clxgpio-sim" platform device on software nodes, its outside world
 * driven and its lines read through the simulator's sysfs attributes
 * (sim_gpioN/pull, sim_gpioN/value), sysfs writes, and what gpiolib shows of a line.
 */
#ifndef CLXGPIO_KUNIT_SIM_H
#define CLXGPIO_KUNIT_SIM_H

#include <kunit/test.h>
#include <linux/platform_device.h>
#include <linux/property.h>

#include "../../kernel/gpiolib/clxgpio_gpiolib.h"

struct ksim {
	struct kunit *test;
	const struct software_node **nodes;
	struct platform_device *pdev;
	struct device *gpio_dev;  /* gpiochipN: holds sim_gpioN/{pull,value} */
};

/*
 * Registers nodes (NULL-terminated; nodes[0] is the device, nodes[1] its one chip) and a
 * clxgpio-sim platform device on nodes[0]. 0, or -errno with nothing left registered.
 */
int ksim_add(struct ksim *s, struct kunit *test, const struct software_node **nodes);
/* Unregisters what ksim_add() registered (nothing if it failed). */
void ksim_remove(struct ksim *s);
/* The outside world drives line offset to level (sim_gpioN/pull); asserts success. */
void ksim_drive(struct ksim *s, unsigned int offset, int level);
/* The line's level (sim_gpioN/value): 0, 1, or -errno. */
int ksim_level(struct ksim *s, unsigned int offset);
/* Writes val to a file (sysfs); the byte count or -errno. */
ssize_t ksim_write_file(const char *path, const char *val);
/* Does gpiolib show line offset of host's gpio_chip as requested by label? */
bool ksim_line_shows(struct clxhost *host, unsigned int offset, const char *label);

#endif /* CLXGPIO_KUNIT_SIM_H */
