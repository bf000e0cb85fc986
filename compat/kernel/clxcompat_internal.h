/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GpioClx-model front end's own state (compat/kernel/): one struct clxcompat_chip per
 * host it is attached to (clxhost_model_get()), the open I/O and interrupt connections
 * on it, and the pieces the files share.
 *
 * LOCKING: cc->lock (a mutex) serialises opens, closes and the host's detach, and
 * guards the lists and the per-pin holder records. Reads, writes and event delivery do
 * not take it: they run inside clxcompat_srcu (I/O) or RCU (delivery, the host's) and
 * check cc->dead; the detach sets dead and waits for both before it disconnects.
 */
#ifndef CLXCOMPAT_INTERNAL_H
#define CLXCOMPAT_INTERNAL_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/srcu.h>

#include "../../kernel/host/clxhost.h"
#include "../include/clx_acpi.h"
#include "../include/clx_ntstatus.h"
#include "clxcompat.h"

/* Banks one resource may span: its bank values live on the stack of a read or write. */
#define CLXCOMPAT_MAX_GROUPS 16

extern struct srcu_struct clxcompat_srcu;

struct clxcompat_pin {
	struct hlist_head irqs;   /* RCU: interrupt connections of the pin */
	u16 holders;              /* connections holding the pin (I/O and interrupt) */
	const char *shown;        /* the holder label gpiolib shows, one holder's copy */
};

struct clxcompat_chip {
	struct kref ref;
	struct clxhost *host;     /* valid while !dead */
	struct mutex lock;
	bool dead;                /* the host went away: every call is -ENODEV */
	struct list_head ios;     /* struct clxcompat_io, open */
	struct list_head irqs;    /* struct clxcompat_irq, connected */
	char name[64];            /* the host's name, kept past its detach */
	u16 pins;
	u8 pins_per_bank;
	struct clxcompat_pin pin[];
};

struct clxcompat_io {
	struct clxcompat_chip *cc;
	struct list_head node;    /* cc->ios, while connected */
	u32 access;               /* enum clx_res_access */
	u8 mode;                  /* enum clx_res_mode */
	bool preserve;            /* NoneAndPreserve: closing leaves the pins as they are */
	bool connected;           /* the engine holds the pins for it (false after detach) */
	struct clx_res_plan plan;
	char *holder;
	u8 plan_storage[];
};

struct clxcompat_irq {
	struct clxcompat_chip *cc;
	struct list_head node;    /* cc->irqs, while connected */
	struct hlist_node pin_node; /* cc->pin[pin].irqs */
	u16 pin;
	u8 int_mode, polarity;    /* enum clx_acpi_int_mode, enum clx_acpi_polarity */
	bool wake;
	bool connected;
	clxcompat_irq_handler_t handler;
	void *ctx;
	char *holder;
};

/* clxcompat_chip.c */
struct clxcompat_chip *clxcompat_chip_get(const char *controller);
void clxcompat_chip_put(struct clxcompat_chip *cc);
/* [may sleep] LOCKING: cc->lock. The connection now holds / no longer holds pin. */
void clxcompat_hold_locked(struct clxcompat_chip *cc, u16 pin, const char *holder);
void clxcompat_let_go_locked(struct clxcompat_chip *cc, u16 pin, const char *holder);

/* The status of a -errno, stored where the caller asked; returns err. */
static inline int clxcompat_fail(int err, u32 *status)
{
	if (status)
		*status = clx_ntstatus_from_errno(err);
	return err;
}

/* A clx_res_* error (-CLX_RES_E_*) as -errno, with its own status stored. */
static inline int clxcompat_rule_fail(int res_err, u32 *status)
{
	u32 st = clx_res_error_status(res_err);

	if (status)
		*status = st;
	return clx_ntstatus_to_errno(st);
}

/*
 * clxcompat_acpi.c: GPIO descriptor number index of a resource template, or the single
 * descriptor at buf (index 0), of the given enum clx_acpi_gpio_type; -EINVAL (the
 * codec's reason logged) for a malformed buffer, a missing index or another type.
 */
int clxcompat_acpi_find(const void *buf, size_t len, unsigned int index, u8 type,
			struct clx_acpi_gpio_entry *e);

/* The engine's pull for a GpioIo/GpioInt PinConfig; -EOPNOTSUPP for vendor values. */
int clxcompat_pull_of(u8 pin_config, enum clx_pull *pull);

/* clxcompat_io.c, clxcompat_irq.c: the host went away, drop the engine state. */
void clxcompat_io_detach_locked(struct clxcompat_io *io);
void clxcompat_irq_detach_locked(struct clxcompat_irq *irq);
/* clxcompat_irq.c: the host's model deliver() */
void clxcompat_irq_deliver(struct clxhost *host, void *priv, const struct clxhost_event *ev);

#endif /* CLXCOMPAT_INTERNAL_H */
