/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clxgpio's gpiolib front end: a gpio_chip and an immutable irq_chip on a chip host
 * (kernel/host/clxhost.h). The host owns the engine chip, the lock, the service loop,
 * debounce timers, storm tick and PM; the front end translates gpiolib's and the IRQ
 * core's calls into engine calls under the host's lock and turns the host's events into
 * Linux interrupts. Controller drivers (the PL061, the simulated controller) fill in
 * host.ctl and call clxgpio_register().
 */
#ifndef CLXGPIO_GPIOLIB_H
#define CLXGPIO_GPIOLIB_H

#include <linux/gpio/driver.h>

#include "../host/clxhost.h"

struct clxgpio;

/*
 * Per-pin Linux interrupt state. What Linux wants (want_*, cfg) and what the engine
 * has (have_type): memory-mapped chips apply each change at once in the irq_chip
 * callback; sleeping chips record it and apply it in irq_bus_sync_unlock.
 */
struct clxgpio_line {
	struct clxgpio *cg;
	u16 pin;
	u8 want_type;    /* IRQ_TYPE_* asked by set_type; 0 = none */
	u8 have_type;    /* IRQ_TYPE_* the engine is connected with; 0 = not connected */
	bool want_masked;
	bool requested;
	bool mirroring;              /* gc->request/free of the mirror below: no claim */
	struct gpio_desc *mirror;    /* gpiolib's view of a model-side holder (clxgpio_holders.c) */
	u32 cfg_flags;               /* CLX_CONNECT_* for want_type */
	struct clx_irq_config cfg;   /* want_type as an engine configuration */
};

struct clxgpio {
	struct clxhost host;
	struct gpio_chip gc;
	struct clxgpio_line *lines;
	unsigned long *requested;    /* before 6.2: lines between gc->request and gc->free */
	struct mutex mirror_lock;    /* LOCKING: lines[].mirror, mirrors_closed */
	bool mirrors_closed;         /* the gpio_chip is going: no more mirrors */
	/* the simulated controller: gpio-sim's behaviour when a consumer frees a line */
	void (*line_released)(struct clxgpio *cg, unsigned int offset);
	void (*line_requested)(struct clxgpio *cg, unsigned int offset);
};

/*
 * [may sleep] Registers a gpio_chip (+ irqchip when the controller has interrupts) on
 * a new host for cg->host.ctl (initialised by the controller). @parent_irq: chained
 * parent interrupt, or 0 when the driver raises the service (clxhost_raise()).
 */
int clxgpio_register(struct device *dev, struct clxgpio *cg, struct fwnode_handle *fwnode,
		     const char *label, int parent_irq);

/* clxgpio_holders.c, for clxgpio_register() */
int clxgpio_holders_setup(struct clxgpio *cg);
void clxgpio_model_holds(struct clxhost *host, unsigned int pin, const char *label);
void clxgpio_model_released(struct clxhost *host, unsigned int pin);

/* clxgpio_irqchip.c, for clxgpio_register() */
void clxgpio_line_init(struct clxgpio *cg, struct clxgpio_line *line, u16 pin);
int clxgpio_irqchip_setup(struct clxgpio *cg, int parent_irq);
extern const struct clxhost_sink clxgpio_irq_sink;

#endif /* CLXGPIO_GPIOLIB_H */
