/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clxhost: the model-neutral chip host. One struct clxhost per engine chip owns
 * everything between a front end and the engine that is not a front end's business:
 * the engine chip and its storage, the lock policy, the interrupt service loop that
 * hands events to the front end's sink, per-pin debounce timers, the storm tick, power
 * management, and a registry that finds a host by firmware node, ACPI path or name.
 * The gpiolib front end (kernel/gpiolib/) is one user; the GpioClx-model front end
 * (compat/) will be another.
 *
 * LOCKING, the one rule (what clxgpio_abi.h calls "the chip lock" is this lock; the
 * engine takes none): every engine call on a host runs under clxhost_lock(), a raw
 * spinlock (irqsave) on memory-mapped controllers, callable from any context, or a
 * mutex on sleeping ones (bus controllers: the lock is held across bus transfers). Pin
 * I/O on CLX_CAP_ATOMIC_IO controllers takes no lock (clxhost_io_lock()): the engine
 * keeps no state for it and each hardware access is indivisible. Configuration calls
 * ([may sleep] in the ABI) take the same lock. The service loop of a memory-mapped
 * host runs in hard-IRQ context (chained handler, irq_work, hard hrtimer) and takes
 * the spinlock without saving flags (clxhost_lock_hardirq()).
 */
#ifndef CLXHOST_H
#define CLXHOST_H

#include <linux/hrtimer.h>
#include <linux/irq_work.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "../engine/clxgpio_abi.h"

struct device;
struct fwnode_handle;
struct clxhost;

/* One event, as the engine computed it when it serviced the pin. */
struct clxhost_event {
	unsigned int pin;	/* chip-relative */
	u8 kind;		/* enum clx_event_kind */
	u8 flags;		/* CLX_EVENT_ASSERTED: ActiveBoth entered the asserted state */
	u64 timestamp_ns;	/* ktime_get_ns() at the service; 0 for the native side */
};

/*
 * Where the host's events go: one call per event. Memory-mapped hosts call it in
 * hard-IRQ context, sleeping hosts in a thread (process context), never under the host
 * lock. The native front end (gpiolib) gives its sink to clxhost_init() and gets the
 * events of every pin the model side does not hold.
 */
struct clxhost_sink {
	void (*deliver)(struct clxhost *host, const struct clxhost_event *ev);
	/*
	 * [may sleep] The model side now holds pin (label says who) / let it go: show it
	 * to the native side's users (gpiolib: the line is used, by label).
	 */
	void (*model_holds)(struct clxhost *host, unsigned int pin, const char *label);
	void (*model_released)(struct clxhost *host, unsigned int pin);
};

/*
 * The model (GpioClx) front end on a host, attached with clxhost_attach_model(). It
 * gets the events of pins whose interrupt connection is a model one (the engine's
 * referee: clx_pin_holder() == CLX_HOLDER_MODEL), with a timestamp.
 */
struct clxhost_model {
	/*
	 * [may sleep] Under the registry lock: the front end's state for host (kept as
	 * host->model_priv until detach), or ERR_PTR. get() takes a reference on it for
	 * the caller of clxhost_model_get().
	 */
	void *(*attach)(struct clxhost *host);
	void (*get)(void *priv);
	/* As clxhost_sink.deliver, inside rcu_read_lock(). */
	void (*deliver)(struct clxhost *host, void *priv, const struct clxhost_event *ev);
	/*
	 * [may sleep] The host is going away (its device is unbound): disconnect everything
	 * on it now, while the engine chip still exists. Called once, not under any lock;
	 * no deliver() runs after it returns.
	 */
	void (*detach)(struct clxhost *host, void *priv);
};

/* Per-pin debounce timer (memory-mapped: hard hrtimer; sleeping: delayed work). */
struct clxhost_pin {
	struct clxhost *host;
	u16 pin;
	struct hrtimer debounce;
	struct delayed_work debounce_work;
};

struct clxhost {
	struct device *dev;
	struct fwnode_handle *fwnode;
	const char *name;
	struct clx_chip *chip;
	struct clx_controller ctl;
	bool sleeping;          /* !CLX_CAP_MEMORY_MAPPED: mutex, service in a thread */
	bool io_lockless;       /* CLX_CAP_ATOMIC_IO: pin I/O takes no lock */
	bool has_irq;           /* the controller has the interrupt callbacks */
	u16 pins;
	u8 pins_per_bank;
	u16 banks;
	int parent_irq;         /* the controller's interrupt (chained), 0 if it has none */
	unsigned int wake_count; /* LOCKING: irq core's; pins whose interrupt may wake */
	raw_spinlock_t lock;    /* LOCKING: engine calls of memory-mapped hosts */
	struct mutex mlock;     /* LOCKING: engine calls of sleeping hosts */
	const struct clxhost_sink *sink;
	const struct clxhost_model __rcu *model; /* set once by clxhost_attach_model() */
	void *model_priv;
	bool gone;                       /* out of the registry: no attaching any more */
	struct clxhost_pin *pin_timers;
	struct irq_work raise_work;      /* memory-mapped: service from clxhost_raise() */
	struct work_struct raise_thread; /* sleeping: service from clxhost_raise() */
	bool dying;                      /* no more raises (teardown) */
	struct delayed_work storm_tick;  /* storm guard period (clxhost_storm.c) */
	unsigned long storm_period;      /* jiffies */
	struct list_head registry;
};

/*
 * [may sleep] Creates the engine chip for ctl (already initialised by the controller),
 * starts it and adds the host to the registry. Everything is undone (devm, in reverse)
 * when dev is unbound, after what the front end registered later on the same device.
 * @name: the chip's name (dev_name for a whole device, a label for one of several).
 */
int clxhost_init(struct clxhost *host, struct device *dev, struct fwnode_handle *fwnode,
		 const char *name, const struct clxhost_sink *sink);

/*
 * [may sleep] The front end has registered what consumers see (call it last in probe):
 * starts the storm tick, and on unbind stops raises and the tick first, before the
 * front end's objects go away.
 */
int clxhost_activate(struct clxhost *host);

/*
 * Service every bank with pending interrupts and deliver the events to the sink.
 * Memory-mapped hosts: hard-IRQ context. Sleeping hosts: process context.
 * Returns the number of events delivered.
 */
int clxhost_service(struct clxhost *host);

/*
 * [any context] The controller's interrupt line is asserted and nothing else will call
 * clxhost_service() (controllers without a parent interrupt, e.g. the simulated one):
 * service soon, from irq_work (memory-mapped) or a thread (sleeping).
 */
void clxhost_raise(struct clxhost *host);

/* [LOCKING: host lock] Start (or restart) the debounce timers of a bank's pins. */
void clxhost_debounce_start(struct clxhost *host, u16 bank, u64 pins);
/* [may sleep] Stop a pin's debounce timer and wait for it. Not under the host lock. */
void clxhost_debounce_cancel(struct clxhost *host, unsigned int pin);

/* Internal to the host (clxhost.c sets up what clxhost_service.c runs). */
void clxhost_pins_init(struct clxhost *host);
void clxhost_raise_init(struct clxhost *host);

/* [may sleep] Storm guard from the module parameters; no-op when they leave it off. */
int clxhost_storm_start(struct clxhost *host);

/*
 * [may sleep] A pin's interrupt may (on) or may no longer wake the system: the parent
 * interrupt's wake setting follows (irq_set_irq_wake), wake_count counts the pins.
 */
int clxhost_set_wake(struct clxhost *host, bool on);

int clxhost_suspend(struct clxhost *host);
int clxhost_resume(struct clxhost *host);

/*
 * Registry. [may sleep] Returns the host whose firmware node is fwnode (a DT node or an
 * ACPI device), whose ACPI namespace path is path (e.g. "\\_SB.GPI0", as an ACPI
 * ResourceSource names it) or whose name is name, or NULL. The host stays valid while
 * its device is bound: callers hold a device link or reference on host->dev.
 */
struct clxhost *clxhost_find_by_fwnode(const struct fwnode_handle *fwnode);
struct clxhost *clxhost_find_by_acpi_path(const char *path);
struct clxhost *clxhost_find_by_name(const char *name);
/*
 * [may sleep] The name of the host whose firmware node is fwnode, copied into name (len
 * bytes) under the registry lock, for a caller that holds no reference on the host:
 * 0, -ENODEV, -ENAMETOOLONG.
 */
int clxhost_name_of_fwnode(const struct fwnode_handle *fwnode, char *name, size_t len);

/*
 * [may sleep] The model front end's state on the controller named @controller (a host
 * name, or an ACPI path such as "\\_SB.GPI0" as a ResourceSource names it), attaching
 * it first (model->attach) if the host has none yet, with a reference taken
 * (model->get); all under the registry lock, so the host cannot go meanwhile. Its
 * detach() runs when the host goes away. ERR_PTR(-ENODEV): no such controller;
 * ERR_PTR(-EBUSY): another model front end is attached.
 */
void *clxhost_model_get(const char *controller, const struct clxhost_model *model);

/*
 * [may sleep] The model front end tells the native one that it holds pin (after the
 * engine granted the connection) or let it go (after the disconnect). @label stays
 * valid until the matching clxhost_model_released().
 */
static inline void clxhost_model_holds(struct clxhost *host, unsigned int pin,
				       const char *label)
{
	if (host->sink->model_holds)
		host->sink->model_holds(host, pin, label);
}

static inline void clxhost_model_released(struct clxhost *host, unsigned int pin)
{
	if (host->sink->model_released)
		host->sink->model_released(host, pin);
}

static inline unsigned long clxhost_lock(struct clxhost *host)
	__acquires(&host->lock)
{
	unsigned long flags = 0;

	if (host->sleeping) {
		mutex_lock(&host->mlock);
		__acquire(&host->lock);
	} else {
		raw_spin_lock_irqsave(&host->lock, flags);
	}
	return flags;
}

static inline void clxhost_unlock(struct clxhost *host, unsigned long flags)
	__releases(&host->lock)
{
	if (host->sleeping) {
		__release(&host->lock);
		mutex_unlock(&host->mlock);
	} else {
		raw_spin_unlock_irqrestore(&host->lock, flags);
	}
}

/* Pin I/O (get/set and their multiple forms): no lock on CLX_CAP_ATOMIC_IO hosts. */
static inline unsigned long clxhost_io_lock(struct clxhost *host)
	__acquires(&host->lock)
{
	if (host->io_lockless) {
		__acquire(&host->lock);
		return 0;
	}
	return clxhost_lock(host);
}

static inline void clxhost_io_unlock(struct clxhost *host, unsigned long flags)
	__releases(&host->lock)
{
	if (host->io_lockless)
		__release(&host->lock);
	else
		clxhost_unlock(host, flags);
}

/*
 * The service loop's lock: hard-IRQ context on memory-mapped hosts (interrupts are
 * off already, no flags to save), a thread on sleeping ones.
 */
static inline void clxhost_lock_service(struct clxhost *host)
	__acquires(&host->lock)
{
	if (host->sleeping) {
		mutex_lock(&host->mlock);
		__acquire(&host->lock);
	} else {
		lockdep_assert_irqs_disabled();
		raw_spin_lock(&host->lock);
	}
}

static inline void clxhost_unlock_service(struct clxhost *host)
	__releases(&host->lock)
{
	if (host->sleeping) {
		__release(&host->lock);
		mutex_unlock(&host->mlock);
	} else {
		raw_spin_unlock(&host->lock);
	}
}

#endif /* CLXHOST_H */
