// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio gpiolib front end: the immutable irq_chip on a chip host.
 *
 * Linux asks for a trigger (set_type) and masks/unmasks; the engine connects the pin
 * (enable on first connect), runs both-edge, edge and debounce emulation where the
 * hardware lacks them, and the host's service loop hands the events to
 * clxgpio_irq_deliver(). set_type translates the Linux type into an engine
 * configuration once (kept in the line). Memory-mapped chips apply each change at once
 * under the host lock; sleeping chips (bus lock) record it and apply every pending
 * change in irq_bus_sync_unlock (clxgpio_line_sync_locked). The engine clears a
 * serviced pin's status during dispatch (GpioClx order), so irq_ack has nothing left
 * to do: handle_edge_irq calls it unconditionally, hence the empty callback.
 */
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqchip/chained_irq.h>

#include "clxgpio_gpiolib.h"

static struct clxgpio_line *clxgpio_line_of(struct irq_data *d)
{
	struct clxgpio *cg = gpiochip_get_data(irq_data_get_irq_chip_data(d));

	return &cg->lines[irqd_to_hwirq(d)];
}

/* The Linux trigger type as an engine configuration; -EINVAL for anything else. */
static int clxgpio_irq_config_of(struct clxgpio *cg, u16 pin, unsigned int type,
				 struct clx_irq_config *cfg, u32 *flags)
{
	static const struct {
		unsigned int type;
		enum clx_irq_mode mode;
		enum clx_polarity polarity;
		u32 flags;
	} map[] = {
		{ IRQ_TYPE_EDGE_RISING, CLX_IRQ_EDGE, CLX_POL_HIGH, 0 },
		{ IRQ_TYPE_EDGE_FALLING, CLX_IRQ_EDGE, CLX_POL_LOW, 0 },
		/* Linux edges: no initial event, unlike ActiveBoth */
		{ IRQ_TYPE_EDGE_BOTH, CLX_IRQ_EDGE, CLX_POL_BOTH, CLX_CONNECT_EDGE_SEMANTICS },
		{ IRQ_TYPE_LEVEL_HIGH, CLX_IRQ_LEVEL, CLX_POL_HIGH, 0 },
		{ IRQ_TYPE_LEVEL_LOW, CLX_IRQ_LEVEL, CLX_POL_LOW, 0 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(map); i++) {
		if (map[i].type != type)
			continue;
		cfg->mode = map[i].mode;
		cfg->polarity = map[i].polarity;
		cfg->pull = CLX_PULL_DEFAULT;
		/* gpiolib's consumers are the native side of the engine's referee */
		*flags = map[i].flags | CLX_CONNECT_NATIVE;
		return clx_pin_debounce(cg->host.chip, pin, &cfg->debounce_timeout);
	}
	return -EINVAL;
}

/* LOCKING: host lock held. Connects, reconfigures or disconnects to match want_type. */
static int clxgpio_line_apply_type_locked(struct clxgpio *cg, struct clxgpio_line *l)
{
	struct clx_chip *chip = cg->host.chip;
	int ret;

	if (l->want_type == l->have_type)
		return 0;
	if (!l->want_type)
		ret = clx_irq_disconnect(chip, l->pin);
	else if (l->have_type)
		ret = clx_irq_reconfigure(chip, l->pin, &l->cfg, l->cfg_flags);
	else
		ret = clx_irq_connect(chip, l->pin, &l->cfg, l->cfg_flags);
	if (!ret)
		l->have_type = l->want_type;
	return ret;
}

/* LOCKING: host lock held. */
static int clxgpio_line_apply_mask_locked(struct clxgpio *cg, struct clxgpio_line *l)
{
	if (!l->have_type)
		return 0;
	return l->want_masked ? clx_irq_mask(cg->host.chip, l->pin) :
				clx_irq_unmask(cg->host.chip, l->pin);
}

/* LOCKING: host lock held. Sleeping chips: everything recorded since the bus lock. */
static int clxgpio_line_sync_locked(struct clxgpio *cg, struct clxgpio_line *l)
{
	int ret = clxgpio_line_apply_type_locked(cg, l);

	return ret ?: clxgpio_line_apply_mask_locked(cg, l);
}

/* Memory-mapped chips: the irq_chip callbacks run with the descriptor lock, irqs off. */
static void clxgpio_irqchip_mask(struct irq_data *d)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	struct clxgpio *cg = l->cg;

	l->want_masked = true;
	if (!cg->host.sleeping) {
		raw_spin_lock(&cg->host.lock);
		clxgpio_line_apply_mask_locked(cg, l);
		raw_spin_unlock(&cg->host.lock);
	}
	gpiochip_disable_irq(&cg->gc, l->pin);
}

static void clxgpio_irqchip_unmask(struct irq_data *d)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	struct clxgpio *cg = l->cg;

	gpiochip_enable_irq(&cg->gc, l->pin);
	l->want_masked = false;
	if (!cg->host.sleeping) {
		raw_spin_lock(&cg->host.lock);
		clxgpio_line_apply_mask_locked(cg, l);
		raw_spin_unlock(&cg->host.lock);
	}
}

static void clxgpio_irqchip_ack(struct irq_data *d)
{
}

static int clxgpio_irqchip_set_type(struct irq_data *d, unsigned int type)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	struct clxgpio *cg = l->cg;
	struct clxgpio_line old = *l;
	int ret;

	type &= IRQ_TYPE_SENSE_MASK;
	ret = clxgpio_irq_config_of(cg, l->pin, type, &l->cfg, &l->cfg_flags);
	if (ret) {
		*l = old;
		return ret;
	}
	l->want_type = type;
	if (cg->host.sleeping)
		return 0;	/* applied in irq_bus_sync_unlock */
	raw_spin_lock(&cg->host.lock);
	ret = clxgpio_line_sync_locked(cg, l);
	raw_spin_unlock(&cg->host.lock);
	if (ret) {
		*l = old;
		return ret;
	}
	irq_set_handler_locked(d, type & IRQ_TYPE_LEVEL_MASK ? handle_level_irq :
							      handle_edge_irq);
	return 0;
}

static int clxgpio_irqchip_set_wake(struct irq_data *d, unsigned int on)
{
	return clxhost_set_wake(&clxgpio_line_of(d)->cg->host, on);
}

static int clxgpio_irqchip_reqres(struct irq_data *d)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	int ret = gpiochip_reqres_irq(&l->cg->gc, l->pin);

	if (!ret)
		l->requested = true;
	return ret;
}

/* LOCKING: host lock held (the bus lock on sleeping hosts). */
static void clxgpio_line_release_locked(struct clxgpio *cg, struct clxgpio_line *l)
{
	l->want_type = 0;
	if (clxgpio_line_apply_type_locked(cg, l))
		dev_warn(cg->host.dev, "pin %u: interrupt disconnect failed\n", l->pin);
}

/*
 * Process context, request_mutex held. free_irq() calls this inside
 * irq_bus_lock/irq_bus_sync_unlock, so on sleeping chips the host mutex is already held
 * here (the bus lock); it is dropped only around the debounce work cancel, since that
 * work takes the mutex itself.
 */
static void clxgpio_irqchip_relres(struct irq_data *d)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	struct clxgpio *cg = l->cg;
	struct clxhost *host = &cg->host;
	unsigned long flags;

	if (host->sleeping) {
		lockdep_assert_held(&host->mlock);
		mutex_unlock(&host->mlock);
		clxhost_debounce_cancel(host, l->pin);
		mutex_lock(&host->mlock);
		clxgpio_line_release_locked(cg, l);
	} else {
		clxhost_debounce_cancel(host, l->pin);
		flags = clxhost_lock(host);
		clxgpio_line_release_locked(cg, l);
		clxhost_unlock(host, flags);
	}
	l->requested = false;
	gpiochip_relres_irq(&cg->gc, l->pin);
}

static void clxgpio_irqchip_bus_lock(struct irq_data *d)
{
	mutex_lock(&clxgpio_line_of(d)->cg->host.mlock);
}

static void clxgpio_irqchip_bus_sync_unlock(struct irq_data *d)
{
	struct clxgpio *cg = clxgpio_line_of(d)->cg;
	unsigned int i;

	for (i = 0; i < cg->gc.ngpio; i++) {
		struct clxgpio_line *l = &cg->lines[i];

		if (l->requested && clxgpio_line_sync_locked(cg, l))
			dev_warn(cg->host.dev, "pin %u: interrupt type %u refused\n", i,
				 l->want_type);
	}
	mutex_unlock(&cg->host.mlock);
}

static const struct irq_chip clxgpio_irq_chip_mmio = {
	.name = "clxgpio",
	.irq_ack = clxgpio_irqchip_ack,
	.irq_mask = clxgpio_irqchip_mask,
	.irq_unmask = clxgpio_irqchip_unmask,
	.irq_set_type = clxgpio_irqchip_set_type,
	.irq_set_wake = clxgpio_irqchip_set_wake,
	.irq_request_resources = clxgpio_irqchip_reqres,
	.irq_release_resources = clxgpio_irqchip_relres,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_MASK_ON_SUSPEND,
};

static const struct irq_chip clxgpio_irq_chip_sleeping = {
	.name = "clxgpio-sleeping",
	.irq_mask = clxgpio_irqchip_mask,
	.irq_unmask = clxgpio_irqchip_unmask,
	.irq_set_type = clxgpio_irqchip_set_type,
	.irq_set_wake = clxgpio_irqchip_set_wake,
	.irq_request_resources = clxgpio_irqchip_reqres,
	.irq_release_resources = clxgpio_irqchip_relres,
	.irq_bus_lock = clxgpio_irqchip_bus_lock,
	.irq_bus_sync_unlock = clxgpio_irqchip_bus_sync_unlock,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_MASK_ON_SUSPEND,
};

/* The host's sink: one Linux interrupt per event (hard IRQ, or a thread if sleeping). */
static void clxgpio_irq_deliver(struct clxhost *host, const struct clxhost_event *ev)
{
	struct clxgpio *cg = container_of(host, struct clxgpio, host);

	if (host->sleeping)
		handle_nested_irq(irq_find_mapping(cg->gc.irq.domain, ev->pin));
	else
		generic_handle_domain_irq(cg->gc.irq.domain, ev->pin);
}

const struct clxhost_sink clxgpio_irq_sink = {
	.deliver = clxgpio_irq_deliver,
	.model_holds = clxgpio_model_holds,
	.model_released = clxgpio_model_released,
};

static void clxgpio_chained_handler(struct irq_desc *desc)
{
	struct clxgpio *cg = gpiochip_get_data(irq_desc_get_handler_data(desc));
	struct irq_chip *parent = irq_desc_get_chip(desc);

	chained_irq_enter(parent, desc);
	clxhost_service(&cg->host);
	chained_irq_exit(parent, desc);
}

void clxgpio_line_init(struct clxgpio *cg, struct clxgpio_line *l, u16 pin)
{
	l->cg = cg;
	l->pin = pin;
}

int clxgpio_irqchip_setup(struct clxgpio *cg, int parent_irq)
{
	struct gpio_irq_chip *girq = &cg->gc.irq;
	bool sleeping = cg->host.sleeping;

	gpio_irq_chip_set_chip(girq, sleeping ? &clxgpio_irq_chip_sleeping :
						&clxgpio_irq_chip_mmio);
	girq->default_type = IRQ_TYPE_NONE;
	girq->handler = sleeping ? handle_simple_irq : handle_bad_irq;
	girq->threaded = sleeping;
	cg->host.parent_irq = parent_irq > 0 ? parent_irq : 0;
	if (cg->host.parent_irq) {
		girq->parent_handler = clxgpio_chained_handler;
		girq->num_parents = 1;
		girq->parents = devm_kcalloc(cg->host.dev, 1, sizeof(*girq->parents), GFP_KERNEL);
		if (!girq->parents)
			return -ENOMEM;
		girq->parents[0] = cg->host.parent_irq;
	}
	return 0;
}
