// SPDX-License-Identifier: GPL-2.0
/*
 * The resource hub: /dev/clxgpio-hub, the GpioClx model from user space
 * (compat/include/uapi/clxgpio_hub.h has the ABI). CLXHUB_IOC_OPEN turns a request into a
 * connection of the in-kernel API (clxcompat.h) and hands it out as a new file
 * descriptor; the descriptor's ioctls reach only that connection's pins, read()/poll()
 * deliver its interrupt events, and its release closes the connection.
 *
 * Events: the in-kernel handler runs in the host's service context (hard IRQ on
 * memory-mapped controllers) and never blocks: a full queue drops its two oldest events
 * (ActiveBoth: one asserted/deasserted pair, so what is left still alternates and the
 * newest event, the line's present state, is always kept), counted in `dropped` and
 * visible as a gap in the sequence numbers.
 */
#include <linux/acpi.h>
#include <linux/anon_inodes.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include "clxcompat_internal.h"
#include "clxcompat_hub.h"
#include "../include/uapi/clxgpio_hub.h"

#define CLXHUB_RING 1024	/* events queued per interrupt connection; a power of 2 */

static unsigned short hub_mode = 0600;
module_param(hub_mode, ushort, 0444);
MODULE_PARM_DESC(hub_mode, "File mode of /dev/clxgpio-hub (default 0600: root only)");

struct clxhub_conn {
	u32 kind, access, flags;
	u8 int_mode, polarity;
	struct clxcompat_io *io;
	struct clxcompat_irq *irq;
	char controller[CLXHUB_NAME_MAX];
	u16 pin_count;
	u16 pins[CLXHUB_MAX_PINS];
	bool pairs;		/* ActiveBoth: drop in asserted/deasserted pairs */
	spinlock_t lock;	/* LOCKING: the ring and the counters below */
	wait_queue_head_t wq;
	unsigned int head, tail;	/* ring[tail % CLXHUB_RING] .. ring[head - 1] */
	u64 seq, events, dropped;
	struct clxhub_event ring[CLXHUB_RING];
};

/* Every failure: its status into the caller's struct field, its -errno returned. */
static int clxhub_fail(int err, u32 *status)
{
	*status = clx_ntstatus_from_errno(err);
	return err;
}

static bool clxhub_zero(const void *p, size_t len)
{
	return !memchr_inv(p, 0, len);
}

static bool clxhub_name_ok(const char *name, size_t size)
{
	return memchr(name, '\0', size);
}

/* The in-kernel handler: queue the event, dropping the oldest on a full ring. */
static void clxhub_event(void *ctx, const struct clxcompat_irq_event *ev)
{
	static const u8 kind[] = {
		[CLX_EVENT_LEVEL] = CLXHUB_EVENT_LEVEL,
		[CLX_EVENT_RISING] = CLXHUB_EVENT_RISING,
		[CLX_EVENT_FALLING] = CLXHUB_EVENT_FALLING,
	};
	struct clxhub_conn *c = ctx;
	struct clxhub_event *e;
	unsigned long flags;
	unsigned int drop;

	spin_lock_irqsave(&c->lock, flags);
	if (c->head - c->tail == CLXHUB_RING) {
		drop = c->pairs ? 2 : 1;
		c->tail += drop;
		c->dropped += drop;
	}
	e = &c->ring[c->head++ % CLXHUB_RING];
	*e = (struct clxhub_event) {
		.timestamp_ns = ev->timestamp_ns,
		.seqno = ++c->seq,
		.pin_index = 0,
		.pin = ev->pin,
		.kind = ev->kind < ARRAY_SIZE(kind) ? kind[ev->kind] : 0,
		.asserted = ev->asserted,
	};
	c->events++;
	spin_unlock_irqrestore(&c->lock, flags);
	wake_up_interruptible(&c->wq);
}

static ssize_t clxhub_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	struct clxhub_conn *c = file->private_data;
	struct clxhub_event e;
	size_t done = 0;
	int ret;

	if (c->kind != CLXHUB_KIND_INTERRUPT)
		return -EPERM;	/* STATUS_GPIO_OPERATION_DENIED: no events on an I/O connection */
	if (len < sizeof(e))
		return -EINVAL;
	while (done + sizeof(e) <= len) {
		spin_lock_irq(&c->lock);
		if (c->head == c->tail) {
			spin_unlock_irq(&c->lock);
			if (done)
				break;
			if (file->f_flags & O_NONBLOCK)
				return -EAGAIN;
			ret = wait_event_interruptible(c->wq,
						       READ_ONCE(c->head) != READ_ONCE(c->tail));
			if (ret)
				return ret;
			continue;
		}
		e = c->ring[c->tail++ % CLXHUB_RING];
		spin_unlock_irq(&c->lock);
		if (copy_to_user(buf + done, &e, sizeof(e)))
			return done ? done : -EFAULT;
		done += sizeof(e);
	}
	return done;
}

static __poll_t clxhub_poll(struct file *file, struct poll_table_struct *wait)
{
	struct clxhub_conn *c = file->private_data;

	if (c->kind != CLXHUB_KIND_INTERRUPT)
		return EPOLLERR;
	poll_wait(file, &c->wq, wait);
	return READ_ONCE(c->head) != READ_ONCE(c->tail) ? EPOLLIN | EPOLLRDNORM : 0;
}

static long clxhub_pins_ioctl(struct clxhub_conn *c, unsigned int cmd, void __user *arg)
{
	struct clxhub_pins p;
	size_t done = 0;
	int ret;

	if (copy_from_user(&p, arg, sizeof(p)))
		return -EFAULT;
	if (p.version != CLXHUB_VERSION || !clxhub_zero(p.reserved, sizeof(p.reserved)) ||
	    p.padding || p.size > sizeof(p.buffer))
		ret = clxhub_fail(-EINVAL, &p.status);
	else if (c->kind != CLXHUB_KIND_IO)
		ret = clxhub_fail(-EPERM, &p.status);
	else if (cmd == CLXHUB_IOC_READ_PINS)
		ret = clxcompat_io_read(c->io, p.buffer, p.size, &done, &p.status);
	else
		ret = clxcompat_io_write(c->io, p.buffer, p.size, &done, &p.status);
	if (!ret)
		p.size = done;
	if (copy_to_user(arg, &p, sizeof(p)))
		return -EFAULT;
	return ret;
}

static long clxhub_info_ioctl(struct clxhub_conn *c, void __user *arg)
{
	struct clxhub_info i;
	int ret = 0;

	if (copy_from_user(&i, arg, sizeof(i)))
		return -EFAULT;
	if (i.version != CLXHUB_VERSION) {
		ret = clxhub_fail(-EINVAL, &i.status);
	} else {
		memset(&i, 0, sizeof(i));
		i.version = CLXHUB_VERSION;
		i.kind = c->kind;
		i.access = c->access;
		i.flags = c->flags;
		memcpy(i.controller, c->controller, sizeof(i.controller));
		i.pin_count = c->pin_count;
		i.int_mode = c->int_mode;
		i.polarity = c->polarity;
		memcpy(i.pins, c->pins, sizeof(i.pins));
		spin_lock_irq(&c->lock);
		i.events = c->events;
		i.dropped = c->dropped;
		spin_unlock_irq(&c->lock);
		i.status = CLX_STATUS_SUCCESS;
	}
	if (copy_to_user(arg, &i, sizeof(i)))
		return -EFAULT;
	return ret;
}

static long clxhub_conn_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct clxhub_conn *c = file->private_data;
	void __user *uarg = (void __user *)arg;

	/* the structs hold __u32/__u64 fields: a pointer not aligned for them is refused */
	if ((cmd == CLXHUB_IOC_READ_PINS || cmd == CLXHUB_IOC_WRITE_PINS) &&
	    !IS_ALIGNED(arg, __alignof__(struct clxhub_pins)))
		return -EINVAL;
	if (cmd == CLXHUB_IOC_INFO && !IS_ALIGNED(arg, __alignof__(struct clxhub_info)))
		return -EINVAL;
	switch (cmd) {
	case CLXHUB_IOC_READ_PINS:
	case CLXHUB_IOC_WRITE_PINS:
		return clxhub_pins_ioctl(c, cmd, uarg);
	case CLXHUB_IOC_INFO:
		return clxhub_info_ioctl(c, uarg);
	default:
		return -ENOTTY;	/* STATUS_INVALID_DEVICE_REQUEST */
	}
}

static int clxhub_conn_release(struct inode *inode, struct file *file)
{
	struct clxhub_conn *c = file->private_data;

	clxcompat_io_close(c->io);
	clxcompat_irq_disconnect(c->irq);
	kvfree(c);
	return 0;
}

static const struct file_operations clxhub_conn_fops = {
	.owner = THIS_MODULE,
	.read = clxhub_read,
	.poll = clxhub_poll,
	.unlocked_ioctl = clxhub_conn_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.release = clxhub_conn_release,
	.llseek = noop_llseek,
};

/* CLXHUB_OPEN_BY_RESOURCE: the device's ACPI _CRS or its device-tree "gpios" entry. */
static int clxhub_open_resource(struct clxhub_conn *c, const struct clxhub_open *o,
				const char *consumer, u32 *status)
{
	struct clxcompat_irq_params ip = {
		.int_mode = o->int_mode, .polarity = o->polarity, .pin_config = o->pull,
		.shared = o->flags & CLXHUB_OPEN_SHARED, .wake = o->flags & CLXHUB_OPEN_WAKE,
		.debounce_timeout = o->debounce_timeout,
	};
	struct clxcompat_io_params p = {
		.pin_count = 1, .io_restriction = o->io_restriction, .pin_config = o->pull,
		.shared = o->flags & CLXHUB_OPEN_SHARED, .drive_strength = o->drive_strength,
		.debounce_timeout = o->debounce_timeout,
	};
	int ret = -ENODEV;

	if (o->device[0] == '\\') {
#if IS_ENABLED(CONFIG_ACPI)
		struct acpi_buffer crs = { ACPI_ALLOCATE_BUFFER, NULL };
		char path[CLXHUB_NAME_MAX];	/* 6.1's acpi_get_handle() takes a char * */
		union acpi_object *obj;
		acpi_handle handle;

		strscpy(path, o->device, sizeof(path));
		if (ACPI_FAILURE(acpi_get_handle(NULL, path, &handle)) ||
		    ACPI_FAILURE(acpi_evaluate_object(handle, METHOD_NAME__CRS, NULL, &crs)))
			return clxhub_fail(-ENODEV, status);
		obj = crs.pointer;
		if (obj->type != ACPI_TYPE_BUFFER)
			ret = clxhub_fail(-EINVAL, status);
		else if (c->kind == CLXHUB_KIND_IO)
			ret = clxcompat_io_open_acpi(obj->buffer.pointer, obj->buffer.length,
						     o->resource_index, NULL, o->access, consumer,
						     &c->io, status);
		else
			ret = clxcompat_irq_connect_acpi(obj->buffer.pointer, obj->buffer.length,
							 o->resource_index, NULL, clxhub_event, c,
							 consumer, &c->irq, status);
		ACPI_FREE(crs.pointer);
		return ret;
#endif
	} else if (o->device[0] == '/') {
		struct of_phandle_args args;
		struct device_node *np = of_find_node_by_path(o->device);

		if (!np)
			return clxhub_fail(-ENODEV, status);
		ret = of_parse_phandle_with_args(np, "gpios", "#gpio-cells", o->resource_index,
						 &args);
		of_node_put(np);
		if (ret)
			return clxhub_fail(-ENODEV, status);
		/* the name, copied under the registry lock: no host pointer kept unlocked */
		ret = clxhost_name_of_fwnode(of_fwnode_handle(args.np), c->controller,
					     sizeof(c->controller));
		of_node_put(args.np);
		if (ret || args.args_count < 1 || args.args[0] > U16_MAX)
			return clxhub_fail(-ENODEV, status);
		ip.pin = args.args[0];
		p.pins = &ip.pin;
		if (c->kind == CLXHUB_KIND_IO)
			return clxcompat_io_open(c->controller, &p, o->access, consumer, &c->io,
						 status);
		return clxcompat_irq_connect(c->controller, &ip, clxhub_event, c, consumer,
					     &c->irq, status);
	}
	return clxhub_fail(ret, status);
}

/* After a resource open: what the connection really holds, as INFO reports it. */
static void clxhub_describe(struct clxhub_conn *c)
{
	struct clxcompat_desc d;
	unsigned int i;

	if (c->io)
		clxcompat_io_describe(c->io, &d);
	else
		clxcompat_irq_describe(c->irq, &d);
	strscpy(c->controller, d.controller, sizeof(c->controller));
	c->pin_count = min_t(unsigned int, d.pin_count, CLXHUB_MAX_PINS);
	for (i = 0; i < c->pin_count; i++)
		c->pins[i] = d.pins[i];
	c->int_mode = d.int_mode;
	c->polarity = d.polarity;
	c->pairs = c->kind == CLXHUB_KIND_INTERRUPT && d.polarity == CLX_ACPI_ACTIVE_BOTH;
}

/* CLXHUB_IOC_OPEN's arguments: every field in range, reserved zero, names terminated. */
static bool clxhub_open_valid(const struct clxhub_open *o)
{
	bool by_resource = o->flags & CLXHUB_OPEN_BY_RESOURCE;

	if (o->version != CLXHUB_VERSION || o->reserved0 ||
	    !clxhub_zero(o->reserved, sizeof(o->reserved)) ||
	    (o->flags & ~CLXHUB_OPEN_FLAGS_MASK) ||
	    !clxhub_name_ok(o->controller, sizeof(o->controller)) ||
	    !clxhub_name_ok(o->device, sizeof(o->device)) ||
	    !clxhub_name_ok(o->consumer, sizeof(o->consumer)))
		return false;
	if (by_resource ? !o->device[0] || o->controller[0] || o->pin_count :
			  !o->controller[0] || o->device[0] || o->resource_index ||
			  !o->pin_count || o->pin_count > CLXHUB_MAX_PINS)
		return false;
	/* an ACPI descriptor says everything: nothing may contradict it */
	if (by_resource && o->device[0] == '\\' &&
	    (o->io_restriction || o->pull || o->drive_strength || o->debounce_timeout ||
	     o->int_mode || o->polarity || o->flags != CLXHUB_OPEN_BY_RESOURCE))
		return false;
	if (o->kind == CLXHUB_KIND_IO)
		return o->access >= CLXHUB_ACCESS_READ && o->access <= CLXHUB_ACCESS_READ_WRITE &&
		       !o->int_mode && !o->polarity && !(o->flags & CLXHUB_OPEN_WAKE);
	if (o->kind == CLXHUB_KIND_INTERRUPT)
		return !o->access && !o->io_restriction && !o->drive_strength &&
		       (by_resource || o->pin_count == 1);
	return false;
}

static int clxhub_open_conn(struct clxhub_conn *c, const struct clxhub_open *o,
			    u32 *status)
{
	char consumer[sizeof(o->consumer)];
	struct clxcompat_irq_params ip;
	struct clxcompat_io_params p;

	strscpy(consumer, o->consumer[0] ? o->consumer : current->comm, sizeof(consumer));
	c->kind = o->kind;
	c->access = o->access;
	c->flags = o->flags;
	c->int_mode = o->int_mode;
	c->polarity = o->polarity;
	if (o->flags & CLXHUB_OPEN_BY_RESOURCE) {
		int ret = clxhub_open_resource(c, o, consumer, status);

		if (!ret)
			clxhub_describe(c);
		return ret;
	}
	c->pairs = o->kind == CLXHUB_KIND_INTERRUPT && o->polarity == CLXHUB_ACTIVE_BOTH;
	strscpy(c->controller, o->controller, sizeof(c->controller));
	c->pin_count = o->pin_count;
	memcpy(c->pins, o->pins, sizeof(c->pins));
	if (o->kind == CLXHUB_KIND_IO) {
		p = (struct clxcompat_io_params) {
			.pins = c->pins, .pin_count = c->pin_count,
			.io_restriction = o->io_restriction,
			.shared = o->flags & CLXHUB_OPEN_SHARED, .pin_config = o->pull,
			.drive_strength = o->drive_strength,
			.debounce_timeout = o->debounce_timeout,
		};
		return clxcompat_io_open(c->controller, &p, o->access, consumer, &c->io, status);
	}
	ip = (struct clxcompat_irq_params) {
		.pin = o->pins[0], .int_mode = o->int_mode, .polarity = o->polarity,
		.shared = o->flags & CLXHUB_OPEN_SHARED, .wake = o->flags & CLXHUB_OPEN_WAKE,
		.pin_config = o->pull, .debounce_timeout = o->debounce_timeout,
	};
	return clxcompat_irq_connect(c->controller, &ip, clxhub_event, c, consumer, &c->irq,
				     status);
}

static long clxhub_open_ioctl(void __user *arg)
{
	struct clxhub_open *o;
	struct clxhub_conn *c = NULL;
	long ret;
	int fd;

	o = kmalloc(sizeof(*o), GFP_KERNEL);
	if (!o)
		return -ENOMEM;
	if (copy_from_user(o, arg, sizeof(*o))) {
		ret = -EFAULT;
		goto out;
	}
	o->fd = -1;
	if (!clxhub_open_valid(o)) {
		ret = clxhub_fail(-EINVAL, &o->status);
		goto reply;
	}
	c = kvzalloc(sizeof(*c), GFP_KERNEL);
	if (!c) {
		ret = clxhub_fail(-ENOMEM, &o->status);
		goto reply;
	}
	spin_lock_init(&c->lock);
	init_waitqueue_head(&c->wq);
	ret = clxhub_open_conn(c, o, &o->status);
	if (ret)
		goto reply;
	fd = anon_inode_getfd("clxgpio-hub-connection", &clxhub_conn_fops, c,
			      O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		clxcompat_io_close(c->io);
		clxcompat_irq_disconnect(c->irq);
		ret = clxhub_fail(fd, &o->status);
		goto reply;
	}
	c = NULL;	/* the file owns it now */
	o->fd = fd;
	/*
	 * the fd stays open even if this copy fails: the caller can no longer learn it,
	 * but closing the process releases it like any other
	 */
reply:
	if (copy_to_user(arg, o, sizeof(*o)) && !ret)
		ret = -EFAULT;
out:
	kvfree(c);
	kfree(o);
	return ret;
}

static long clxhub_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (cmd == CLXHUB_IOC_OPEN && !IS_ALIGNED(arg, __alignof__(struct clxhub_open)))
		return -EINVAL;	/* a misaligned struct */
	if (cmd == CLXHUB_IOC_OPEN)
		return clxhub_open_ioctl((void __user *)arg);
	return -ENOTTY;
}

static const struct file_operations clxhub_fops = {
	.owner = THIS_MODULE,
	.open = nonseekable_open,
	.unlocked_ioctl = clxhub_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice clxhub_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "clxgpio-hub",
	.fops = &clxhub_fops,
};

int clxcompat_hub_register(void)
{
	clxhub_misc.mode = hub_mode;
	return misc_register(&clxhub_misc);
}

void clxcompat_hub_unregister(void)
{
	misc_deregister(&clxhub_misc);
}
