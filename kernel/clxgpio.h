/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clxgpio Linux glue: one struct clxgpio per engine chip, wrapping a gpio_chip
 * and an immutable irq_chip around the engine's C ABI.
 */
#ifndef CLXGPIO_H
#define CLXGPIO_H

#include <linux/gpio/driver.h>
#include <linux/hrtimer.h>
#include <linux/irq_work.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "engine/clxgpio_abi.h"

struct clxgpio;

/* Per-pin Linux interrupt state, reconciled with the engine under the chip lock. */
struct clxgpio_line {
	struct clxgpio *cg;
	u16 pin;
	u8 want_type;    /* IRQ_TYPE_* asked by set_type; 0 = none */
	u8 have_type;    /* IRQ_TYPE_* the engine is connected with; 0 = not connected */
	bool want_masked;
	bool requested;
	struct hrtimer debounce;          /* memory-mapped chips: hard-IRQ timer */
	struct delayed_work debounce_work; /* sleeping chips */
};

struct clxgpio {
	struct gpio_chip gc;
	struct device *dev;
	struct clx_chip *chip;
	struct clx_controller ctl;
	bool sleeping;          /* !CLX_CAP_MEMORY_MAPPED: mutex, threaded nested IRQs */
	bool io_lockless;       /* CLX_CAP_ATOMIC_IO: pin I/O takes no lock */
	raw_spinlock_t lock;    /* LOCKING: engine calls of memory-mapped chips */
	struct mutex mlock;     /* LOCKING: engine calls of sleeping chips */
	struct clxgpio_line *lines;
	int parent_irq;              /* chained parent (PL061), 0 if the caller services */
	unsigned int wake_count;     /* pins with wake enabled */
	struct work_struct sleeping_irq; /* sleeping chips: service banks in a thread */
	unsigned long *requested;    /* before 6.2: lines between gc->request and gc->free */
	struct delayed_work storm_tick;  /* storm guard period (clxgpio_storm.c) */
	unsigned long storm_period;      /* jiffies */
};

/*
 * Registers a gpio_chip (+ irqchip when the controller has interrupts) for an
 * initialised controller. @parent_irq: chained parent interrupt, or 0 when the
 * caller raises the service itself (clxgpio_service_banks).
 */
int clxgpio_register(struct device *dev, struct clxgpio *cg, struct fwnode_handle *fwnode,
		     const char *label, int parent_irq);

/*
 * Service every bank with pending interrupts and deliver events. Memory-mapped
 * chips: hard-IRQ context. Sleeping chips: process context (handle_nested_irq).
 * Returns the number of events delivered.
 */
int clxgpio_service_banks(struct clxgpio *cg);

/* clxgpio_irq.c, for clxgpio_register() */
void clxgpio_line_init(struct clxgpio *cg, struct clxgpio_line *line, u16 pin);
int clxgpio_irq_setup(struct clxgpio *cg, int parent_irq);

/* clxgpio_storm.c: storm guard from the module parameters, tick per chip. */
int clxgpio_storm_start(struct clxgpio *cg);

int clxgpio_suspend(struct clxgpio *cg);
int clxgpio_resume(struct clxgpio *cg);

/*
 * Lock helpers: raw spinlock (irqsave) for memory-mapped chips, mutex otherwise. For
 * sparse, either kind counts as holding cg->lock (__acquire/__release in the mutex
 * branch), so callers balance as with spin_lock_irqsave().
 */
static inline unsigned long clxgpio_lock(struct clxgpio *cg)
	__acquires(&cg->lock)
{
	unsigned long flags = 0;

	if (cg->sleeping) {
		mutex_lock(&cg->mlock);
		__acquire(&cg->lock);
	} else {
		raw_spin_lock_irqsave(&cg->lock, flags);
	}
	return flags;
}

static inline void clxgpio_unlock(struct clxgpio *cg, unsigned long flags)
	__releases(&cg->lock)
{
	if (cg->sleeping) {
		__release(&cg->lock);
		mutex_unlock(&cg->mlock);
	} else {
		raw_spin_unlock_irqrestore(&cg->lock, flags);
	}
}

/*
 * Pin I/O (get/set and their _multiple forms) on CLX_CAP_ATOMIC_IO chips needs no lock:
 * the engine touches no state and the hardware access is indivisible (see the ABI).
 */
static inline unsigned long clxgpio_io_lock(struct clxgpio *cg)
	__acquires(&cg->lock)
{
	if (cg->io_lockless) {
		__acquire(&cg->lock);
		return 0;
	}
	return clxgpio_lock(cg);
}

static inline void clxgpio_io_unlock(struct clxgpio *cg, unsigned long flags)
	__releases(&cg->lock)
{
	if (cg->io_lockless)
		__release(&cg->lock);
	else
		clxgpio_unlock(cg, flags);
}

int clxgpio_pl061_register_driver(void);
void clxgpio_pl061_unregister_driver(void);
int clxgpio_sim_register_driver(const char *name);
void clxgpio_sim_unregister_driver(void);
int clxgpio_sim_configfs_init(const char *subsys_name, const char *driver_name);
void clxgpio_sim_configfs_exit(void);

#endif /* CLXGPIO_H */
