// SPDX-License-Identifier: GPL-2.0
/*
 * The GpioClx-model front end on a chip host: attaching to a host on first use
 * (clxhost_model_get()), the per-pin holder records gpiolib is told about, and the
 * host's detach when its device is unbound (every connection on it is disconnected and
 * answers -ENODEV from then on; its memory stays its owner's until closed).
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "clxcompat_internal.h"

DEFINE_SRCU(clxcompat_srcu);

static void *clxcompat_attach(struct clxhost *host)
{
	struct clxcompat_chip *cc;
	u16 i;

	cc = kzalloc(struct_size(cc, pin, host->pins), GFP_KERNEL);
	if (!cc)
		return ERR_PTR(-ENOMEM);
	kref_init(&cc->ref);	/* the host's reference, dropped after detach */
	cc->host = host;
	cc->pins = host->pins;
	cc->pins_per_bank = host->pins_per_bank;
	strscpy(cc->name, host->name, sizeof(cc->name));
	mutex_init(&cc->lock);
	INIT_LIST_HEAD(&cc->ios);
	INIT_LIST_HEAD(&cc->irqs);
	for (i = 0; i < cc->pins; i++)
		INIT_HLIST_HEAD(&cc->pin[i].irqs);
	return cc;
}

static void clxcompat_get(void *priv)
{
	kref_get(&((struct clxcompat_chip *)priv)->ref);
}

static void clxcompat_release(struct kref *ref)
{
	struct clxcompat_chip *cc = container_of(ref, struct clxcompat_chip, ref);

	mutex_destroy(&cc->lock);
	kfree(cc);
}

void clxcompat_chip_put(struct clxcompat_chip *cc)
{
	kref_put(&cc->ref, clxcompat_release);
}

/*
 * The host is going (its device is unbound): no deliver() runs any more (the host
 * waited for RCU). Mark the chip dead, wait for reads and writes in flight, then let
 * the engine and gpiolib go of every connection.
 */
static void clxcompat_detach(struct clxhost *host, void *priv)
{
	struct clxcompat_chip *cc = priv;
	struct clxcompat_io *io, *io_next;
	struct clxcompat_irq *irq, *irq_next;

	mutex_lock(&cc->lock);
	WRITE_ONCE(cc->dead, true);
	mutex_unlock(&cc->lock);
	synchronize_srcu(&clxcompat_srcu);

	mutex_lock(&cc->lock);
	if (!list_empty(&cc->ios) || !list_empty(&cc->irqs))
		dev_warn(host->dev, "%s removed with GpioClx-model connections open: disconnected\n",
			 host->name);
	list_for_each_entry_safe(io, io_next, &cc->ios, node)
		clxcompat_io_detach_locked(io);
	list_for_each_entry_safe(irq, irq_next, &cc->irqs, node)
		clxcompat_irq_detach_locked(irq);
	cc->host = NULL;
	mutex_unlock(&cc->lock);
	clxcompat_chip_put(cc);
}

static const struct clxhost_model clxcompat_model = {
	.attach = clxcompat_attach,
	.get = clxcompat_get,
	.deliver = clxcompat_irq_deliver,
	.detach = clxcompat_detach,
};

/* [may sleep] The front end's state on a controller, with a reference; ERR_PTR. */
struct clxcompat_chip *clxcompat_chip_get(const char *controller)
{
	if (!controller || !controller[0])
		return ERR_PTR(-EINVAL);
	return clxhost_model_get(controller, &clxcompat_model);
}

void clxcompat_hold_locked(struct clxcompat_chip *cc, u16 pin, const char *holder)
{
	struct clxcompat_pin *p = &cc->pin[pin];

	lockdep_assert_held(&cc->lock);
	if (p->holders++ == 0) {
		p->shown = holder;
		clxhost_model_holds(cc->host, pin, holder);
	}
}

/* Another connection holding pin, other than the one with label except, or NULL. */
static const char *clxcompat_other_holder(struct clxcompat_chip *cc, u16 pin,
					  const char *except)
{
	struct clxcompat_io *io;
	struct clxcompat_irq *irq;
	u16 i;

	list_for_each_entry(irq, &cc->irqs, node)
		if (irq->pin == pin && irq->holder != except)
			return irq->holder;
	list_for_each_entry(io, &cc->ios, node) {
		if (io->holder == except)
			continue;
		for (i = 0; i < io->plan.pin_count; i++)
			if (io->plan.pins[i].bank * cc->pins_per_bank + io->plan.pins[i].bit == pin)
				return io->holder;
	}
	return NULL;
}

void clxcompat_let_go_locked(struct clxcompat_chip *cc, u16 pin, const char *holder)
{
	struct clxcompat_pin *p = &cc->pin[pin];
	const char *next;

	lockdep_assert_held(&cc->lock);
	if (WARN_ON_ONCE(!p->holders))
		return;
	if (--p->holders == 0 || p->shown == holder)
		clxhost_model_released(cc->host, pin);
	if (p->holders == 0) {
		p->shown = NULL;
	} else if (p->shown == holder) {
		/* gpiolib showed this holder's label: show a remaining holder's */
		next = clxcompat_other_holder(cc, pin, holder);
		p->shown = next;
		if (next)
			clxhost_model_holds(cc->host, pin, next);
	}
}

int clxcompat_pull_of(u8 pin_config, enum clx_pull *pull)
{
	switch (pin_config) {
	case CLX_ACPI_PIN_DEFAULT:
		*pull = CLX_PULL_DEFAULT;
		return 0;
	case CLX_ACPI_PULL_UP:
		*pull = CLX_PULL_UP;
		return 0;
	case CLX_ACPI_PULL_DOWN:
		*pull = CLX_PULL_DOWN;
		return 0;
	case CLX_ACPI_PULL_NONE:
		*pull = CLX_PULL_NONE;
		return 0;
	default:	/* vendor-defined 0x80..0xFF: no controller here knows one */
		return -EOPNOTSUPP;
	}
}
