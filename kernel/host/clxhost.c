// SPDX-License-Identifier: GPL-2.0
/*
 * clxhost: creating and tearing down a chip host, the registry, power management.
 * See clxhost.h for what a host owns and the locking rule.
 */
#include <linux/acpi.h>
#include <linux/device.h>
#include <linux/fwnode.h>
#include <linux/interrupt.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "clxhost.h"

static LIST_HEAD(clxhost_registry);
static DEFINE_MUTEX(clxhost_registry_lock);

/* Runs when the device is unbound, before what the front end registered earlier. */
static void clxhost_quiesce(void *data)
{
	struct clxhost *host = data;

	WRITE_ONCE(host->dying, true);
	irq_work_sync(&host->raise_work);
	cancel_work_sync(&host->raise_thread);
}

/* Runs when the device is unbound, after everything registered later on it. */
static void clxhost_teardown(void *data)
{
	struct clxhost *host = data;
	unsigned int i;

	const struct clxhost_model *model;

	mutex_lock(&clxhost_registry_lock);
	list_del(&host->registry);
	host->gone = true;
	model = rcu_dereference_protected(host->model, lockdep_is_held(&clxhost_registry_lock));
	mutex_unlock(&clxhost_registry_lock);

	/* The model front end lets go first, while the engine chip is still there. */
	if (model) {
		RCU_INIT_POINTER(host->model, NULL);
		synchronize_rcu();	/* no deliver() in flight */
		model->detach(host, host->model_priv);
	}
	clxhost_quiesce(host);	/* again: for a host that was never activated */
	for (i = 0; i < host->pins; i++)
		clxhost_debounce_cancel(host, i);
	clx_chip_stop(host->chip, CLX_STOP_FINAL);
	clx_chip_destroy(host->chip);
	mutex_destroy(&host->mlock);
}

int clxhost_init(struct clxhost *host, struct device *dev, struct fwnode_handle *fwnode,
		 const char *name, const struct clxhost_sink *sink)
{
	long size = clx_chip_storage_size(&host->ctl.desc);
	void *mem;
	int ret;

	if (size < 0)
		return dev_err_probe(dev, size, "invalid controller description\n");
	mem = devm_kzalloc(dev, size, GFP_KERNEL);
	if (!mem)
		return -ENOMEM;
	ret = clx_chip_create(mem, size, &host->ctl.desc, host->ctl.ops, host->ctl.ctx,
			      &host->chip);
	if (ret)
		return dev_err_probe(dev, ret, "engine refused the controller\n");

	host->dev = dev;
	host->fwnode = fwnode;
	host->name = name;
	host->sink = sink;
	host->pins = clx_chip_total_pins(host->chip);
	host->pins_per_bank = clx_chip_pins_per_bank(host->chip);
	host->banks = clx_chip_bank_count(host->chip);
	host->sleeping = !(clx_chip_caps(host->chip) & CLX_CAP_MEMORY_MAPPED);
	host->io_lockless = clx_chip_caps(host->chip) & CLX_CAP_ATOMIC_IO;
	host->has_irq = clx_chip_has_interrupts(host->chip);
	raw_spin_lock_init(&host->lock);
	mutex_init(&host->mlock);
	INIT_LIST_HEAD(&host->registry);
	host->pin_timers = devm_kcalloc(dev, host->pins, sizeof(*host->pin_timers), GFP_KERNEL);
	if (!host->pin_timers) {
		clx_chip_destroy(host->chip);
		mutex_destroy(&host->mlock);
		return -ENOMEM;
	}
	clxhost_pins_init(host);
	clxhost_raise_init(host);

	mutex_lock(&clxhost_registry_lock);
	list_add_tail(&host->registry, &clxhost_registry);
	mutex_unlock(&clxhost_registry_lock);
	ret = devm_add_action_or_reset(dev, clxhost_teardown, host);
	if (ret)
		return ret;
	ret = clx_chip_start(host->chip, CLX_START_FIRST);
	if (ret)
		return dev_err_probe(dev, ret, "controller failed to start\n");
	return 0;
}

int clxhost_activate(struct clxhost *host)
{
	int ret = devm_add_action_or_reset(host->dev, clxhost_quiesce, host);

	if (ret || !host->has_irq)
		return ret;
	return clxhost_storm_start(host);
}

int clxhost_set_wake(struct clxhost *host, bool on)
{
	int ret = 0;

	if (host->parent_irq)
		ret = irq_set_irq_wake(host->parent_irq, on);
	if (!ret)
		host->wake_count += on ? 1 : -1;
	return ret;
}
EXPORT_SYMBOL_GPL(clxhost_set_wake);

int clxhost_suspend(struct clxhost *host)
{
	unsigned long flags = clxhost_lock(host);
	int ret = clx_chip_stop(host->chip, CLX_STOP_SAVE);

	clxhost_unlock(host, flags);
	return ret;
}

int clxhost_resume(struct clxhost *host)
{
	unsigned long flags = clxhost_lock(host);
	int ret = clx_chip_start(host->chip, CLX_START_RESTORE);

	clxhost_unlock(host, flags);
	return ret;
}

/* LOCKING: clxhost_registry_lock held. */
static struct clxhost *clxhost_find_locked(bool (*match)(struct clxhost *host,
							 const void *key),
					   const void *key)
{
	struct clxhost *host;

	list_for_each_entry(host, &clxhost_registry, registry)
		if (match(host, key))
			return host;
	return NULL;
}

static struct clxhost *clxhost_find(bool (*match)(struct clxhost *host, const void *key),
				    const void *key)
{
	struct clxhost *found;

	mutex_lock(&clxhost_registry_lock);
	found = clxhost_find_locked(match, key);
	mutex_unlock(&clxhost_registry_lock);
	return found;
}

static bool clxhost_match_fwnode(struct clxhost *host, const void *fwnode)
{
	return host->fwnode && host->fwnode == fwnode;
}

static bool clxhost_match_name(struct clxhost *host, const void *name)
{
	return host->name && !strcmp(host->name, name);
}

static bool clxhost_match_acpi_path(struct clxhost *host, const void *path)
{
#if IS_ENABLED(CONFIG_ACPI)
	struct acpi_device *adev = to_acpi_device_node(host->fwnode);
	struct acpi_buffer buf = { ACPI_ALLOCATE_BUFFER, NULL };
	bool same;

	if (!adev || ACPI_FAILURE(acpi_get_name(adev->handle, ACPI_FULL_PATHNAME, &buf)))
		return false;
	same = !strcmp(buf.pointer, path);
	kfree(buf.pointer);
	return same;
#else
	return false;
#endif
}

void *clxhost_model_get(const char *controller, const struct clxhost_model *model)
{
	const struct clxhost_model *attached;
	struct clxhost *host;
	void *priv;

	mutex_lock(&clxhost_registry_lock);
	host = clxhost_find_locked(clxhost_match_name, controller);
	if (!host && controller[0] == '\\')
		host = clxhost_find_locked(clxhost_match_acpi_path, controller);
	if (!host) {
		priv = ERR_PTR(-ENODEV);
		goto out;
	}
	attached = rcu_dereference_protected(host->model,
					     lockdep_is_held(&clxhost_registry_lock));
	if (attached && attached != model) {
		priv = ERR_PTR(-EBUSY);
		goto out;
	}
	if (!attached) {
		priv = model->attach(host);
		if (IS_ERR(priv))
			goto out;
		host->model_priv = priv;
		rcu_assign_pointer(host->model, model);
	}
	priv = host->model_priv;
	model->get(priv);
out:
	mutex_unlock(&clxhost_registry_lock);
	return priv;
}
EXPORT_SYMBOL_GPL(clxhost_model_get);

struct clxhost *clxhost_find_by_fwnode(const struct fwnode_handle *fwnode)
{
	return fwnode ? clxhost_find(clxhost_match_fwnode, fwnode) : NULL;
}
EXPORT_SYMBOL_GPL(clxhost_find_by_fwnode);

int clxhost_name_of_fwnode(const struct fwnode_handle *fwnode, char *name, size_t len)
{
	struct clxhost *host;
	int ret = -ENODEV;

	if (!fwnode)
		return ret;
	mutex_lock(&clxhost_registry_lock);
	host = clxhost_find_locked(clxhost_match_fwnode, fwnode);
	if (host)
		ret = strscpy(name, host->name, len) < 0 ? -ENAMETOOLONG : 0;
	mutex_unlock(&clxhost_registry_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(clxhost_name_of_fwnode);

struct clxhost *clxhost_find_by_acpi_path(const char *path)
{
	return path ? clxhost_find(clxhost_match_acpi_path, path) : NULL;
}
EXPORT_SYMBOL_GPL(clxhost_find_by_acpi_path);

struct clxhost *clxhost_find_by_name(const char *name)
{
	return name ? clxhost_find(clxhost_match_name, name) : NULL;
}
EXPORT_SYMBOL_GPL(clxhost_find_by_name);
