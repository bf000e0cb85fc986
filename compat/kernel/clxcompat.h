/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clxcompat.h - the GpioClx model in the kernel, for drivers ported from Windows: GPIO
 * I/O resources opened for read or write and driven with IOCTL_GPIO_READ_PINS /
 * IOCTL_GPIO_WRITE_PINS semantics, and interrupt resources with ActiveBoth, on any
 * clxgpio controller (the same engine chip and host as its gpiolib chip).
 *
 * A controller is named as a ResourceSource names it: the host name (the gpio_chip's
 * label, e.g. "9030000.pl061" or a simulated chip's label) or its ACPI path
 * ("\\_SB.GPI0"). Pins are controller-relative.
 *
 * Errors: every function returns 0 or -errno and, when @status is not NULL, stores the
 * NTSTATUS the failure is in the GpioClx model (compat/include/clx_ntstatus.h; success:
 * STATUS_SUCCESS). The pairs used: -EINVAL STATUS_INVALID_PARAMETER, -ENODEV
 * STATUS_NO_SUCH_DEVICE (no such controller, or it went away), -EBUSY
 * STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE (a pin is held by another connection whose mode
 * or sharing conflicts, or by a gpiolib consumer), -EACCES STATUS_ACCESS_DENIED (a pin
 * reserved for firmware), -EPERM STATUS_GPIO_OPERATION_DENIED (the open or request is
 * not allowed on this resource or connection), -ENOBUFS STATUS_BUFFER_TOO_SMALL,
 * -EOPNOTSUPP STATUS_NOT_SUPPORTED (the controller cannot do it), -ENOMEM
 * STATUS_INSUFFICIENT_RESOURCES. A call that fails changes nothing.
 *
 * Context: opening, closing, connecting and disconnecting may sleep. Reads and writes
 * may sleep on controllers that sleep (bus expanders); on memory-mapped controllers
 * they may be called from any context. Interrupt handlers run in hard-IRQ context on
 * memory-mapped controllers, in a thread on sleeping ones.
 */
#ifndef CLXCOMPAT_H
#define CLXCOMPAT_H

#include <linux/types.h>

#include "../include/clx_resource.h"

struct device;
struct clxcompat_io;
struct clxcompat_irq;

/**
 * struct clxcompat_io_params - a GPIO I/O resource (the fields of one GpioIo descriptor)
 * @pins: controller-relative pins; bit i of a READ/WRITE_PINS buffer is @pins[i]
 * @pin_count: 1..CLX_RES_MAX_PINS, no duplicates
 * @io_restriction: enum clx_acpi_io_restriction: which opens are allowed, and whether
 *	closing returns the pins to their default (not for NoneAndPreserve)
 * @shared: others may open the same pins in the same mode (Shared); else Exclusive
 * @pin_config: enum clx_acpi_pin_config: default, pull-up, pull-down, none
 * @drive_strength: 1/100 mA, 0 = the controller's default (outputs)
 * @debounce_timeout: 1/100 ms, 0 = none (inputs)
 */
struct clxcompat_io_params {
	const u16 *pins;
	u16 pin_count;
	u8 io_restriction;
	bool shared;
	u8 pin_config;
	u16 drive_strength;
	u16 debounce_timeout;
};

/**
 * clxcompat_io_open() - open a GPIO I/O resource on a controller
 * @controller: the controller's name or ACPI path
 * @params: the resource
 * @access: CLX_RES_READ (pins become inputs, with the pull and debounce), CLX_RES_WRITE or
 *	CLX_RES_READ_WRITE (outputs, with the drive strength), as @params->io_restriction
 *	allows (compat/include/clx_resource.h has the table)
 * @holder: who holds the pins, shown by gpioinfo as the lines' consumer; copied
 * @out: the open connection, until clxcompat_io_close()
 * @status: NULL, or the NTSTATUS of the result
 *
 * All pins or none: the engine grants the connection pin by pin and undoes it if one pin
 * is refused. Context: may sleep.
 * Return: 0, or -errno as listed in this header.
 */
int clxcompat_io_open(const char *controller, const struct clxcompat_io_params *params,
		      enum clx_res_access access, const char *holder,
		      struct clxcompat_io **out, u32 *status);

/**
 * clxcompat_io_open_acpi() - open the GPIO I/O resource of one GpioIo descriptor
 * @desc: the descriptor's bytes (large item 0x8C) or a whole resource template
 * @len: bytes at @desc
 * @index: with a template, which GPIO descriptor of it (0 = first GpioIo or GpioInt);
 *	must name a GpioIo; with a single descriptor, 0
 * @controller: NULL to use the descriptor's ResourceSource, else the controller to use
 * @access, @holder, @out, @status: as clxcompat_io_open()
 *
 * A malformed descriptor is -EINVAL (STATUS_INVALID_PARAMETER); the codec's error name
 * is logged. Context: may sleep.
 * Return: 0, or -errno.
 */
int clxcompat_io_open_acpi(const void *desc, size_t len, unsigned int index,
			   const char *controller, enum clx_res_access access,
			   const char *holder, struct clxcompat_io **out, u32 *status);

/**
 * clxcompat_io_read() - IOCTL_GPIO_READ_PINS: the pins' levels (inputs) or output latches
 * @io: an open connection
 * @buf: bit i (bit 0 = least significant bit of byte 0) = pin i of the table; bits past
 *	the pin count in the last byte are written 0, later bytes are not touched
 * @len: bytes at @buf: at least ceil(pins / 8), else -ENOBUFS (STATUS_BUFFER_TOO_SMALL)
 * @done: NULL, or the bytes used (the IOCTL's Information): ceil(pins / 8)
 * @status: NULL, or the NTSTATUS
 *
 * A table spanning banks is one bank read per bank, banks ascending, under the chip
 * lock held once (no lock on CLX_CAP_ATOMIC_IO controllers). Context: see the header.
 * Return: 0, or -errno (nothing read, @buf untouched).
 */
int clxcompat_io_read(struct clxcompat_io *io, void *buf, size_t len, size_t *done,
		      u32 *status);

/**
 * clxcompat_io_write() - IOCTL_GPIO_WRITE_PINS: drive the pins
 * @io: a connection opened for write (on a read connection -EPERM,
 *	STATUS_GPIO_OPERATION_DENIED)
 * @buf: bit i drives pin i of the table; bits past the pin count are ignored
 * @len, @done, @status: as clxcompat_io_read()
 *
 * One bank write per bank (set and clear masks), banks ascending, under the chip lock
 * held once: a reader that takes the lock sees all banks change together; on
 * CLX_CAP_ATOMIC_IO controllers, whose pin I/O runs unlocked, a concurrent reader may
 * see lower banks written and higher ones not yet. Context: see the header.
 * Return: 0, or -errno (no pin changed).
 */
int clxcompat_io_write(struct clxcompat_io *io, const void *buf, size_t len, size_t *done,
		       u32 *status);

/**
 * clxcompat_io_close() - close a connection: its pins go back to their default (inputs,
 * the controller's pull) unless the resource is NoneAndPreserve
 * @io: the connection (NULL: nothing)
 *
 * On a controller that went away meanwhile, only the memory is freed. Context: may sleep.
 */
void clxcompat_io_close(struct clxcompat_io *io);

/**
 * devm_clxcompat_io_open() - clxcompat_io_open(), closed when @dev is unbound
 * @dev: the consumer's device
 *
 * Return: as clxcompat_io_open().
 */
int devm_clxcompat_io_open(struct device *dev, const char *controller,
			   const struct clxcompat_io_params *params, enum clx_res_access access,
			   const char *holder, struct clxcompat_io **out, u32 *status);

/* The pin count of an open connection (its READ/WRITE_PINS buffers' bit count). */
unsigned int clxcompat_io_pin_count(const struct clxcompat_io *io);

/**
 * struct clxcompat_irq_params - an interrupt resource (the fields of a GpioInt descriptor)
 * @pin: controller-relative pin
 * @int_mode: enum clx_acpi_int_mode: level or edge
 * @polarity: enum clx_acpi_polarity: ActiveHigh, ActiveLow, ActiveBoth (edge only,
 *	emulated as GpioClx does: the first interrupt after connect is the asserted state,
 *	delivered at once if the line already is asserted; asserted is low unless the
 *	controller's _DSM lists the pin as asserted-high, clxcompat_set_asserted_high())
 * @shared: Shared (others may connect the same pin the same way) or Exclusive
 * @wake: the interrupt may wake the system (ExclusiveAndWake, SharedAndWake)
 * @pin_config: enum clx_acpi_pin_config
 * @debounce_timeout: 1/100 ms, 0 = none (emulated where the controller has none)
 */
struct clxcompat_irq_params {
	u16 pin;
	u8 int_mode;
	u8 polarity;
	bool shared;
	bool wake;
	u8 pin_config;
	u16 debounce_timeout;
};

/**
 * struct clxcompat_irq_event - one interrupt as the engine serviced it
 * @pin: controller-relative pin
 * @kind: enum clx_event_kind: CLX_EVENT_LEVEL, or the edge (CLX_EVENT_RISING/FALLING)
 * @asserted: ActiveBoth: 1 when the line entered its asserted state, 0 when it left it
 * @timestamp_ns: ktime_get_ns() when the engine serviced the pin's bank
 */
struct clxcompat_irq_event {
	u16 pin;
	u8 kind;
	u8 asserted;
	u64 timestamp_ns;
};

/* Called per event; @ctx as given to clxcompat_irq_connect(). Context: see the header. */
typedef void (*clxcompat_irq_handler_t)(void *ctx, const struct clxcompat_irq_event *ev);

/**
 * clxcompat_irq_connect() - connect an interrupt resource with a handler
 * @controller: the controller's name or ACPI path
 * @params: the resource
 * @handler: called for each event until clxcompat_irq_disconnect() returns
 * @ctx: passed to @handler
 * @holder: who holds the pin (gpioinfo's consumer name); copied
 * @out: the connection
 * @status: NULL, or the NTSTATUS
 *
 * A level interrupt is unmasked again once its bank is serviced, so its handler must
 * quiet the source, as with any Linux level interrupt (else the storm guard masks it).
 * Context: may sleep.
 * Return: 0, or -errno.
 */
int clxcompat_irq_connect(const char *controller, const struct clxcompat_irq_params *params,
			  clxcompat_irq_handler_t handler, void *ctx, const char *holder,
			  struct clxcompat_irq **out, u32 *status);

/**
 * clxcompat_irq_connect_acpi() - connect the interrupt resource of one GpioInt descriptor
 * @desc, @len, @index, @controller: as clxcompat_io_open_acpi(), naming a GpioInt with
 *	exactly one pin
 * @handler, @ctx, @holder, @out, @status: as clxcompat_irq_connect()
 *
 * Return: 0, or -errno.
 */
int clxcompat_irq_connect_acpi(const void *desc, size_t len, unsigned int index,
			       const char *controller, clxcompat_irq_handler_t handler,
			       void *ctx, const char *holder, struct clxcompat_irq **out,
			       u32 *status);

/**
 * clxcompat_irq_disconnect() - disconnect: no handler call runs after it returns
 * @irq: the connection (NULL: nothing)
 *
 * Context: may sleep.
 */
void clxcompat_irq_disconnect(struct clxcompat_irq *irq);

/**
 * devm_clxcompat_irq_connect() - clxcompat_irq_connect(), disconnected when @dev is unbound
 * @dev: the consumer's device
 *
 * Return: as clxcompat_irq_connect().
 */
int devm_clxcompat_irq_connect(struct device *dev, const char *controller,
			       const struct clxcompat_irq_params *params,
			       clxcompat_irq_handler_t handler, void *ctx, const char *holder,
			       struct clxcompat_irq **out, u32 *status);

/**
 * clxcompat_set_asserted_high() - the controller's _DSM function 1: pins whose ActiveBoth
 * asserted state is high (the default is low); applies to later connects
 * @controller: the controller's name or ACPI path
 * @pin: controller-relative pin
 * @high: true: asserted high; false: back to the default, asserted low
 *
 * Context: may sleep. Return: 0, or -errno (-ENODEV, -EINVAL for a pin out of range).
 */
int clxcompat_set_asserted_high(const char *controller, u16 pin, bool high);

/**
 * struct clxcompat_desc - what a connection holds (clxcompat_io_describe(),
 * clxcompat_irq_describe())
 * @controller: the host's name
 * @pins: the pin table (an interrupt resource: one pin)
 * @pin_count: pins in @pins
 * @int_mode: interrupt: enum clx_acpi_int_mode
 * @polarity: interrupt: enum clx_acpi_polarity
 */
struct clxcompat_desc {
	char controller[64];
	u16 pins[CLX_RES_MAX_PINS];
	u16 pin_count;
	u8 int_mode;
	u8 polarity;
};

/* [may sleep] Fill @d from an open connection (a closed controller: its last state). */
void clxcompat_io_describe(const struct clxcompat_io *io, struct clxcompat_desc *d);
void clxcompat_irq_describe(const struct clxcompat_irq *irq, struct clxcompat_desc *d);

#endif /* CLXCOMPAT_H */
