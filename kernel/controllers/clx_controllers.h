/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clx_controllers.h - the controllers built on the engine: each fills in a struct
 * clx_controller (description, client callbacks, context) for clx_chip_create().
 * Controllers are not engine: the engine ABI (clxgpio_abi.h) knows only the client
 * interface they implement.
 */
#ifndef CLX_CONTROLLERS_H
#define CLX_CONTROLLERS_H

#include "../engine/clxgpio_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * ARM PrimeCell PL061: 8 pins, one bank, one interrupt line. base is its register
 * window, reached through clx_shim_mmio_read32/write32 (direct calls: the kernel's
 * readl/writel, a host build's shim whatever it maps there).
 */
long clx_pl061_storage_size(void);
int clx_pl061_init(void *storage, clx_size size, void *base, struct clx_controller *out);

/* How the simulated controller's registers are reached. */
enum clx_sim_attach {
	/* Callbacks never sleep; banks of <= 32 pins get CLX_CAP_ATOMIC_IO. */
	CLX_SIM_MEMORY_MAPPED = 1,
	/* Every register access is a bus transfer that may sleep. */
	CLX_SIM_SLEEPING = 2,
};

/*
 * Simulated level-only controller (its hardware: simgpio_hw.h): banks of
 * pins_per_bank pins, 64-bit registers as two 32-bit words, polarity reprogrammable at
 * run time, no both-edge, no debounce. bus/base reach its registers.
 */
long clx_simgpio_storage_size(clx_u16 total_pins, clx_u8 pins_per_bank);
int clx_simgpio_init(void *storage, clx_size size, const struct clx_bus_ops *bus, void *base,
		     clx_u16 total_pins, clx_u8 pins_per_bank, enum clx_sim_attach attach,
		     struct clx_controller *out);

#ifdef __cplusplus
}
#endif

#endif /* CLX_CONTROLLERS_H */
