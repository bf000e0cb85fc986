// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio module: the PL061 driver, the simulated controller driver and its
 * gpio-sim compatible configfs interface, all on the clxgpio engine.
 */
#include <linux/module.h>

#include "../compat/kernel/clxcompat_hub.h"
#include "drivers/clxgpio_drivers.h"

static bool gpio_sim_compat;
module_param(gpio_sim_compat, bool, 0444);
MODULE_PARM_DESC(gpio_sim_compat,
		 "Register the simulator's configfs subsystem and driver as \"gpio-sim\" (upstream gpio-sim must not be loaded)");

static int __init clxgpio_init(void)
{
	const char *name = gpio_sim_compat ? "gpio-sim" : "clxgpio-sim";
	const char *subsys = gpio_sim_compat ? "gpio-sim" : "clxgpio";
	int ret;

	ret = clxgpio_pl061_register_driver();
	if (ret)
		return ret;
	ret = clxgpio_sim_register_driver(name);
	if (ret)
		goto err_pl061;
	ret = clxgpio_sim_configfs_init(subsys, name);
	if (ret)
		goto err_sim;
	ret = clxcompat_hub_register();
	if (ret)
		goto err_configfs;
	return 0;

err_configfs:
	clxgpio_sim_configfs_exit();
err_sim:
	clxgpio_sim_unregister_driver();
err_pl061:
	clxgpio_pl061_unregister_driver();
	return ret;
}
module_init(clxgpio_init);

static void __exit clxgpio_exit(void)
{
	clxcompat_hub_unregister();
	clxgpio_sim_configfs_exit();
	clxgpio_sim_unregister_driver();
	clxgpio_pl061_unregister_driver();
}
module_exit(clxgpio_exit);

MODULE_DESCRIPTION("clxgpio: one GPIO controller engine for gpiolib and the GpioClx model");
MODULE_LICENSE("GPL");
MODULE_VERSION("0.7.0");	/* = PACKAGE_VERSION in dkms.conf */
