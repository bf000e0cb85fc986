// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio: immutable irq_chip and interrupt service on top of the engine.
 *
 * Linux asks for a trigger (set_type) and masks/unmasks; the engine connects the pin
 * (enable on first connect), runs both-edge, edge and debounce emulation where the
 * hardware lacks them, and tells which pins to deliver. Each line keeps what Linux
 * wants (want_*) and what the engine has (have_type); clxgpio_line_sync_locked()
 * reconciles them under the chip lock. Memory-mapped chips do it at once in the
 * irq_chip callbacks; sleeping chips record and apply in irq_bus_sync_unlock.
 */
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/ktime.h>

#include "clxgpio.h"

static struct clxgpio_line *clxgpio_line_of(struct irq_data *d)
{
	struct clxgpio *cg = gpiochip_get_data(irq_data_get_irq_chip_data(d));

	return &cg->lines[irqd_to_hwirq(d)];
}

static int clxgpio_irq_config(struct clxgpio *cg, u16 pin, unsigned int type,
			      struct clx_irq_config *cfg, u32 *flags)
{
	int ret;

	*flags = 0;
	cfg->pull = CLX_PULL_DEFAULT;
	ret = clxgpio_pin_debounce(cg->chip, pin, &cfg->debounce_timeout);
	if (ret)
		return ret;
	switch (type) {
	case IRQ_TYPE_EDGE_RISING:
		cfg->mode = CLX_IRQ_EDGE;
		cfg->polarity = CLX_POL_HIGH;
		break;
	case IRQ_TYPE_EDGE_FALLING:
		cfg->mode = CLX_IRQ_EDGE;
		cfg->polarity = CLX_POL_LOW;
		break;
	case IRQ_TYPE_EDGE_BOTH:
		cfg->mode = CLX_IRQ_EDGE;
		cfg->polarity = CLX_POL_BOTH;
		*flags = CLX_CONNECT_EDGE_SEMANTICS; /* Linux edges: no initial event */
		break;
	case IRQ_TYPE_LEVEL_HIGH:
		cfg->mode = CLX_IRQ_LEVEL;
		cfg->polarity = CLX_POL_HIGH;
		break;
	case IRQ_TYPE_LEVEL_LOW:
		cfg->mode = CLX_IRQ_LEVEL;
		cfg->polarity = CLX_POL_LOW;
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

/* LOCKING: chip lock held. Brings the engine in line with what Linux wants. */
static int clxgpio_line_sync_locked(struct clxgpio *cg, struct clxgpio_line *l)
{
	struct clx_irq_config cfg;
	u32 flags;
	int ret;

	if (l->want_type != l->have_type) {
		if (!l->want_type) {
			ret = clxgpio_irq_disconnect(cg->chip, l->pin);
			if (ret)
				return ret;
			l->have_type = 0;
			return 0;
		}
		ret = clxgpio_irq_config(cg, l->pin, l->want_type, &cfg, &flags);
		if (ret)
			return ret;
		ret = l->have_type ? clxgpio_irq_reconfigure(cg->chip, l->pin, &cfg, flags) :
				     clxgpio_irq_connect(cg->chip, l->pin, &cfg, flags);
		if (ret)
			return ret;
		l->have_type = l->want_type;
	}
	if (!l->have_type)
		return 0;
	return l->want_masked ? clxgpio_irq_mask(cg->chip, l->pin) :
				clxgpio_irq_unmask(cg->chip, l->pin);
}

static void clxgpio_irqchip_mask(struct irq_data *d)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	struct clxgpio *cg = l->cg;

	l->want_masked = true;
	if (!cg->sleeping) {
		raw_spin_lock(&cg->lock);
		clxgpio_line_sync_locked(cg, l);
		raw_spin_unlock(&cg->lock);
	}
	gpiochip_disable_irq(&cg->gc, l->pin);
}

static void clxgpio_irqchip_unmask(struct irq_data *d)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	struct clxgpio *cg = l->cg;

	gpiochip_enable_irq(&cg->gc, l->pin);
	l->want_masked = false;
	if (!cg->sleeping) {
		raw_spin_lock(&cg->lock);
		clxgpio_line_sync_locked(cg, l);
		raw_spin_unlock(&cg->lock);
	}
}

/* The engine clears edge status while servicing the bank: nothing left to ack. */
static void clxgpio_irq_ack(struct irq_data *d)
{
}

static int clxgpio_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	struct clxgpio *cg = l->cg;
	struct clx_irq_config cfg;
	u8 old = l->want_type;
	u32 flags;
	int ret;

	type &= IRQ_TYPE_SENSE_MASK;
	ret = clxgpio_irq_config(cg, l->pin, type, &cfg, &flags);
	if (ret)
		return ret;
	l->want_type = type;
	if (!cg->sleeping) {
		raw_spin_lock(&cg->lock);
		ret = clxgpio_line_sync_locked(cg, l);
		raw_spin_unlock(&cg->lock);
		if (ret) {
			l->want_type = old;
			return ret;
		}
		irq_set_handler_locked(d, type & IRQ_TYPE_LEVEL_MASK ? handle_level_irq :
								      handle_edge_irq);
	}
	return 0;
}

static int clxgpio_irq_set_wake(struct irq_data *d, unsigned int on)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	struct clxgpio *cg = l->cg;
	int ret = 0;

	if (cg->parent_irq)
		ret = irq_set_irq_wake(cg->parent_irq, on);
	if (!ret)
		cg->wake_count += on ? 1 : -1;
	return ret;
}

static int clxgpio_irq_reqres(struct irq_data *d)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	int ret = gpiochip_reqres_irq(&l->cg->gc, l->pin);

	if (!ret)
		l->requested = true;
	return ret;
}

/*
 * Process context, request_mutex held. free_irq() calls this inside
 * irq_bus_lock/irq_bus_sync_unlock, so on sleeping chips cg->mlock is already
 * held here (the bus lock); it is dropped only around the debounce work cancel,
 * since that work takes mlock itself.
 */
static void clxgpio_irq_relres(struct irq_data *d)
{
	struct clxgpio_line *l = clxgpio_line_of(d);
	struct clxgpio *cg = l->cg;
	unsigned long flags;

	if (cg->sleeping) {
		lockdep_assert_held(&cg->mlock);
		mutex_unlock(&cg->mlock);
		cancel_delayed_work_sync(&l->debounce_work);
		mutex_lock(&cg->mlock);
		l->want_type = 0;
		if (clxgpio_line_sync_locked(cg, l))
			dev_warn(cg->dev, "pin %u: interrupt disconnect failed\n", l->pin);
	} else {
		hrtimer_cancel(&l->debounce);
		cancel_delayed_work_sync(&l->debounce_work);
		flags = clxgpio_lock(cg);
		l->want_type = 0;
		if (clxgpio_line_sync_locked(cg, l))
			dev_warn(cg->dev, "pin %u: interrupt disconnect failed\n", l->pin);
		clxgpio_unlock(cg, flags);
	}
	l->requested = false;
	gpiochip_relres_irq(&cg->gc, l->pin);
}

static void clxgpio_irq_bus_lock(struct irq_data *d)
{
	mutex_lock(&clxgpio_line_of(d)->cg->mlock);
}

static void clxgpio_irq_bus_sync_unlock(struct irq_data *d)
{
	struct clxgpio *cg = clxgpio_line_of(d)->cg;
	unsigned int i;

	for (i = 0; i < cg->gc.ngpio; i++) {
		struct clxgpio_line *l = &cg->lines[i];

		if (l->requested && clxgpio_line_sync_locked(cg, l))
			dev_warn(cg->dev, "pin %u: interrupt type %u refused\n", i, l->want_type);
	}
	mutex_unlock(&cg->mlock);
}

static const struct irq_chip clxgpio_irq_chip_mmio = {
	.name = "clxgpio",
	.irq_ack = clxgpio_irq_ack,
	.irq_mask = clxgpio_irqchip_mask,
	.irq_unmask = clxgpio_irqchip_unmask,
	.irq_set_type = clxgpio_irq_set_type,
	.irq_set_wake = clxgpio_irq_set_wake,
	.irq_request_resources = clxgpio_irq_reqres,
	.irq_release_resources = clxgpio_irq_relres,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_MASK_ON_SUSPEND,
};

static const struct irq_chip clxgpio_irq_chip_sleeping = {
	.name = "clxgpio-sleeping",
	.irq_mask = clxgpio_irqchip_mask,
	.irq_unmask = clxgpio_irqchip_unmask,
	.irq_set_type = clxgpio_irq_set_type,
	.irq_set_wake = clxgpio_irq_set_wake,
	.irq_request_resources = clxgpio_irq_reqres,
	.irq_release_resources = clxgpio_irq_relres,
	.irq_bus_lock = clxgpio_irq_bus_lock,
	.irq_bus_sync_unlock = clxgpio_irq_bus_sync_unlock,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_MASK_ON_SUSPEND,
};

static void clxgpio_deliver(struct clxgpio *cg, u16 bank, const struct clx_dispatch *d)
{
	unsigned int ppb = cg->ctl.desc.pins_per_bank;
	u32 i;

	for (i = 0; i < d->count; i++) {
		unsigned int hwirq = bank * ppb + d->events[i].pin;

		if (cg->sleeping)
			handle_nested_irq(irq_find_mapping(cg->gc.irq.domain, hwirq));
		else
			generic_handle_domain_irq(cg->gc.irq.domain, hwirq);
	}
}

static void clxgpio_after_dispatch(struct clxgpio *cg, u16 bank, const struct clx_dispatch *d)
{
	unsigned int ppb = cg->ctl.desc.pins_per_bank;
	u64 restart = d->debounce_restart;

	while (restart) {
		unsigned int bit = __ffs64(restart);
		struct clxgpio_line *l = &cg->lines[bank * ppb + bit];
		clx_u16 centi_ms = 0;
		u64 ns;

		restart &= restart - 1;
		if (clxgpio_pin_debounce(cg->chip, l->pin, &centi_ms))
			continue; /* not a pin of this chip: nothing to time */
		ns = (u64)centi_ms * 10 * NSEC_PER_USEC;
		if (cg->sleeping)
			mod_delayed_work(system_wq, &l->debounce_work, nsecs_to_jiffies(ns) + 1);
		else
			hrtimer_start(&l->debounce, ns_to_ktime(ns), HRTIMER_MODE_REL_HARD);
	}
	if (d->storm_masked)
		dev_warn_ratelimited(cg->dev, "bank %u: interrupt storm, masked pins %#llx\n",
				     bank, (unsigned long long)d->storm_masked);
}

int clxgpio_service_banks(struct clxgpio *cg)
{
	u16 bank, banks = clxgpio_chip_bank_count(cg->chip);
	struct clx_dispatch d;
	unsigned long flags;
	int total = 0, n;

	for (bank = 0; bank < banks; bank++) {
		flags = clxgpio_lock(cg);
		n = clxgpio_irq_dispatch(cg->chip, bank, &d);
		clxgpio_unlock(cg, flags);
		if (n < 0) {
			dev_err_ratelimited(cg->dev, "bank %u: dispatch failed: %d\n", bank, n);
			continue;
		}
		clxgpio_after_dispatch(cg, bank, &d);
		clxgpio_deliver(cg, bank, &d);
		total += n;
	}
	return total;
}
EXPORT_SYMBOL_GPL(clxgpio_service_banks);

static void clxgpio_debounce_expire(struct clxgpio_line *l)
{
	struct clxgpio *cg = l->cg;
	unsigned int ppb = cg->ctl.desc.pins_per_bank;
	u16 bank = l->pin / ppb;
	struct clx_dispatch d;
	unsigned long flags;
	int n;

	flags = clxgpio_lock(cg);
	n = clxgpio_debounce_expired(cg->chip, bank, BIT_ULL(l->pin % ppb), &d);
	clxgpio_unlock(cg, flags);
	if (n > 0)
		clxgpio_deliver(cg, bank, &d);
}

static enum hrtimer_restart clxgpio_debounce_timer(struct hrtimer *t)
{
	clxgpio_debounce_expire(container_of(t, struct clxgpio_line, debounce));
	return HRTIMER_NORESTART;
}

static void clxgpio_debounce_work(struct work_struct *w)
{
	clxgpio_debounce_expire(container_of(to_delayed_work(w), struct clxgpio_line,
					     debounce_work));
}

static void clxgpio_chained_handler(struct irq_desc *desc)
{
	struct clxgpio *cg = gpiochip_get_data(irq_desc_get_handler_data(desc));
	struct irq_chip *parent = irq_desc_get_chip(desc);

	chained_irq_enter(parent, desc);
	clxgpio_service_banks(cg);
	chained_irq_exit(parent, desc);
}

void clxgpio_line_init(struct clxgpio *cg, struct clxgpio_line *l, u16 pin)
{
	l->cg = cg;
	l->pin = pin;
	hrtimer_init(&l->debounce, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	l->debounce.function = clxgpio_debounce_timer;
	INIT_DELAYED_WORK(&l->debounce_work, clxgpio_debounce_work);
}

int clxgpio_irq_setup(struct clxgpio *cg, int parent_irq)
{
	struct gpio_irq_chip *girq = &cg->gc.irq;

	gpio_irq_chip_set_chip(girq, cg->sleeping ? &clxgpio_irq_chip_sleeping :
						    &clxgpio_irq_chip_mmio);
	girq->default_type = IRQ_TYPE_NONE;
	girq->handler = cg->sleeping ? handle_simple_irq : handle_bad_irq;
	girq->threaded = cg->sleeping;
	cg->parent_irq = parent_irq > 0 ? parent_irq : 0;
	if (cg->parent_irq) {
		girq->parent_handler = clxgpio_chained_handler;
		girq->num_parents = 1;
		girq->parents = devm_kcalloc(cg->dev, 1, sizeof(*girq->parents), GFP_KERNEL);
		if (!girq->parents)
			return -ENOMEM;
		girq->parents[0] = cg->parent_irq;
	}
	return 0;
}
