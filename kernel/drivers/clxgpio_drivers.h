/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Linux drivers that create clxgpio chips, as module init (clxgpio_main.c) sees them:
 * the PL061 AMBA/ACPI driver, the simulated controller's platform driver and its
 * gpio-sim compatible configfs interface. [may sleep] all of them.
 */
#ifndef CLXGPIO_DRIVERS_H
#define CLXGPIO_DRIVERS_H

int clxgpio_pl061_register_driver(void);
void clxgpio_pl061_unregister_driver(void);
int clxgpio_sim_register_driver(const char *name);
void clxgpio_sim_unregister_driver(void);
int clxgpio_sim_configfs_init(const char *subsys_name, const char *driver_name);
void clxgpio_sim_configfs_exit(void);

#endif /* CLXGPIO_DRIVERS_H */
