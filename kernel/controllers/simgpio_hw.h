/* SPDX-License-Identifier: GPL-2.0 */
/*
 * simgpio_hw.h - the simulated controller's hardware: its registers (the map is
 * simgpio_regs.hpp) and the outside world, which sets the lines' pulls (gpio-sim's
 * sysfs `pull`; a line has one pull, shared with the PULL register, last write
 * wins). A controller's hardware, not engine: the
 * Linux module's simulated controller, the KUnit suites and the host tests drive the
 * same model through this header.
 *
 * LOCKING: none needed. Every register access and every drive is atomic in the model,
 * so they may run concurrently from any context (as lock-free CLX_CAP_ATOMIC_IO pin I/O
 * does against locked interrupt programming and the outside world).
 */
#ifndef CLX_SIMHW_H
#define CLX_SIMHW_H

#include "../engine/clxgpio_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

struct clx_simhw;

#define CLX_SIMHW_BANK_STRIDE 0x80u /* bytes of register window per bank */

/*
 * The interrupt output of a bank is a level: asserted while (STATUS & ENABLE) != 0.
 * The model raises it by calling line(line_ctx, bank) after every register write
 * (clx_simhw_bus.write32) and every clx_simhw_set_pull() that leaves the bank's output
 * asserted: once per such access, after the access took effect, in the writer's
 * context (possibly under the writer's locks, possibly hard IRQ: the callback must only
 * schedule the service). The check follows the access's own atomic operations, all
 * sequentially consistent, so of racing writers the last one to assert the output sees
 * it asserted: an output asserted once the writes are done has had a call after its
 * last assertion (none is missed). A call may find the output deasserted again by the
 * time it runs, and an access that leaves an already asserted output asserted calls
 * again: a level, so extra calls are harmless. line may be NULL (nothing wired).
 */
typedef void clx_simhw_line_fn(void *line_ctx, clx_u16 bank);

/* [may sleep] Bytes of storage the model needs, or -errno (as clx_chip_storage_size). */
long clx_simhw_storage_size(clx_u16 total_pins, clx_u8 pins_per_bank);
/*
 * [may sleep] Constructs the model at power-on reset in storage (aligned to 8); can be
 * called again on the same storage to reset it.
 */
int clx_simhw_init(void *storage, clx_size size, clx_u16 total_pins, clx_u8 pins_per_bank,
		   clx_simhw_line_fn *line, void *line_ctx, struct clx_simhw **out);
/*
 * Register access: base is the struct clx_simhw *, offset bank * CLX_SIMHW_BANK_STRIDE +
 * register.
 */
extern const struct clx_bus_ops clx_simhw_bus;
/*
 * Set a line's pull from outside (gpio-sim's sysfs `pull`): 0 down, 1 up. The same
 * setting as the line's PULL register bit: whichever was written last holds, and an
 * input reads it. Returns 1 if the pin's bank interrupt output is now asserted, else
 * 0; -errno on bad input.
 */
int clx_simhw_set_pull(struct clx_simhw *hw, clx_u16 pin, int up);
/* A line's pull (1 up, 0 down), whoever set it last, or -errno. */
int clx_simhw_pull(const struct clx_simhw *hw, clx_u16 pin);
/* Level the outside world sees on a pin (an output's latch, an input's pull), or -errno. */
int clx_simhw_level(const struct clx_simhw *hw, clx_u16 pin);
/* 1 if the bank's interrupt output is asserted, 0 if not, or -errno. */
int clx_simhw_irq_pending(const struct clx_simhw *hw, clx_u16 bank);

#ifdef __cplusplus
}
#endif

#endif /* CLX_SIMHW_H */
