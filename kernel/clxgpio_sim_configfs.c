// SPDX-License-Identifier: GPL-2.0
/* Placeholder until the gpio-sim compatible configfs interface lands. */
#include "clxgpio.h"

int clxgpio_sim_configfs_init(const char *subsys_name, const char *driver_name)
{
	return 0;
}

void clxgpio_sim_configfs_exit(void)
{
}
