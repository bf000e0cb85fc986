/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * clxgpio_hub.h - the GpioClx model from user space: the resource hub's character
 * device, /dev/clxgpio-hub (a misc device, mode 0600 unless the module parameter
 * hub_mode says otherwise).
 *
 * A process opens the hub and asks it for a *connection* (CLXHUB_IOC_OPEN): a GPIO I/O
 * resource opened for read or write, or an interrupt resource. The answer is a new file
 * descriptor that holds exactly the connection's pins: its ioctls can read and write
 * those pins and no others, and closing it (or the process dying) releases them.
 *
 * The ioctls and their Windows counterparts (FILE_DEVICE_GPIO 0x48, METHOD_BUFFERED):
 *
 *   CLXHUB_IOC_READ_PINS    IOCTL_GPIO_READ_PINS  0x00480000: the pins' levels (a read
 *                           connection) or output latches (a write connection)
 *   CLXHUB_IOC_WRITE_PINS   IOCTL_GPIO_WRITE_PINS 0x00480004: drive the pins (a write
 *                           connection; on a read connection STATUS_GPIO_OPERATION_DENIED)
 *
 * with the same buffer rule: bit i (bit 0 = least significant bit of byte 0) is the i-th
 * pin of the connection's table (pins 7, 8, 23 -> bits 0, 1, 2), the request's `size`
 * must be at least ceil(N/8) bytes (else STATUS_BUFFER_TOO_SMALL), bits past N are
 * written 0 by a read and ignored by a write, and on any failure no pin is read or changed.
 *
 * Every struct is fixed-size and versioned: `version` must be CLXHUB_VERSION and every
 * reserved field zero, else -EINVAL (STATUS_INVALID_PARAMETER) and nothing happens. A
 * struct must be aligned for its widest field (else -EINVAL, and no status is written);
 * a struct of another size is another ioctl number: -ENOTTY. On
 * every ioctl the hub writes `status` (an NTSTATUS: compat/include/clx_ntstatus.h) beside
 * the -errno the ioctl returns; STATUS_SUCCESS (0) on success.
 *
 * Interrupt connections: read() returns whole struct clxhub_event records (a buffer
 * smaller than one record is -EINVAL), blocking unless O_NONBLOCK (-EAGAIN); poll()
 * reports POLLIN when a record is queued. Events carry what the engine computed when it
 * serviced the pin: ActiveBoth's asserted/deasserted, the edge, the service time. A full
 * queue never blocks the interrupt path: it drops, and counts the drop in the sequence
 * numbers (a gap) and in CLXHUB_IOC_INFO's `dropped`; ActiveBoth events are dropped in
 * asserted/deasserted pairs, so a reader still sees them alternate.
 */
#ifndef _UAPI_CLXGPIO_HUB_H
#define _UAPI_CLXGPIO_HUB_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define CLXHUB_DEVICE "/dev/clxgpio-hub"
#define CLXHUB_VERSION 1
#define CLXHUB_IOC_MAGIC 0xC7

#define CLXHUB_NAME_MAX 64        /* controller and device names, NUL included */
#define CLXHUB_MAX_PINS 64        /* pins in one connection's table */
#define CLXHUB_BUFFER_BYTES 8     /* CLXHUB_MAX_PINS / 8 */

/* struct clxhub_open.kind */
#define CLXHUB_KIND_IO 1          /* a GPIO I/O resource */
#define CLXHUB_KIND_INTERRUPT 2   /* an interrupt resource (one pin) */

/* struct clxhub_open.access (I/O; GENERIC_READ / GENERIC_WRITE) */
#define CLXHUB_ACCESS_READ 1
#define CLXHUB_ACCESS_WRITE 2
#define CLXHUB_ACCESS_READ_WRITE 3

/* struct clxhub_open.flags */
#define CLXHUB_OPEN_SHARED (1U << 0)      /* Shared (else Exclusive) */
#define CLXHUB_OPEN_WAKE (1U << 1)        /* interrupt: may wake the system */
#define CLXHUB_OPEN_BY_RESOURCE (1U << 2) /* device + resource_index, not controller + pins */
#define CLXHUB_OPEN_FLAGS_MASK 0x7U

/* IoRestriction (I/O), as the GpioIo descriptor's */
#define CLXHUB_IO_NONE 0
#define CLXHUB_IO_INPUT_ONLY 1
#define CLXHUB_IO_OUTPUT_ONLY 2
#define CLXHUB_IO_NONE_AND_PRESERVE 3

/* PinConfig, as the descriptor's */
#define CLXHUB_PULL_DEFAULT 0
#define CLXHUB_PULL_UP 1
#define CLXHUB_PULL_DOWN 2
#define CLXHUB_PULL_NONE 3

/* Interrupt mode and polarity, as GpioInt's */
#define CLXHUB_LEVEL 0
#define CLXHUB_EDGE 1
#define CLXHUB_ACTIVE_HIGH 0
#define CLXHUB_ACTIVE_LOW 1
#define CLXHUB_ACTIVE_BOTH 2

/*
 * CLXHUB_IOC_OPEN on the hub: a new connection. In: everything but fd and status; a
 * resource is either a device's (CLXHUB_OPEN_BY_RESOURCE: device = an ACPI path such as
 * "\\_SB.DEV0" or a device-tree node path such as "/soc/button", resource_index = which
 * GPIO resource of it) or a controller's (controller = the chip label, gpiochip name or
 * ACPI path, pins[0 .. pin_count) and the fields below). An ACPI device's resource is
 * a GpioIo/GpioInt descriptor of its _CRS that says everything: io_restriction, pull,
 * drive_strength, debounce_timeout, int_mode, polarity, pin_count and the flags other
 * than CLXHUB_OPEN_BY_RESOURCE must be 0. A device-tree node's resource is the
 * index-th entry of its "gpios" property, which names only the controller and the pin:
 * the fields and flags here give the rest. Out: fd (O_CLOEXEC) and status.
 * An unknown controller or device is -ENODEV, STATUS_NO_SUCH_DEVICE.
 */
struct clxhub_open {
	__u32 version;
	__u32 kind;                       /* CLXHUB_KIND_* */
	__u32 access;                     /* I/O: CLXHUB_ACCESS_*; interrupt: 0 */
	__u32 flags;                      /* CLXHUB_OPEN_* */
	char controller[CLXHUB_NAME_MAX];
	char device[CLXHUB_NAME_MAX];
	__u32 resource_index;
	__u16 pin_count;                  /* 1..CLXHUB_MAX_PINS; interrupt: 1 */
	__u8 io_restriction;              /* CLXHUB_IO_* */
	__u8 pull;                        /* CLXHUB_PULL_* */
	__u16 drive_strength;             /* 1/100 mA, 0 = default */
	__u16 debounce_timeout;           /* 1/100 ms, 0 = none */
	__u8 int_mode;                    /* CLXHUB_LEVEL / CLXHUB_EDGE */
	__u8 polarity;                    /* CLXHUB_ACTIVE_* */
	__u16 reserved0;
	__u16 pins[CLXHUB_MAX_PINS];      /* controller-relative */
	char consumer[32];                /* who holds the pins (gpioinfo); "" = the process name */
	__u32 reserved[8];
	__s32 fd;                         /* out */
	__u32 status;                     /* out: NTSTATUS */
};

/*
 * CLXHUB_IOC_READ_PINS / CLXHUB_IOC_WRITE_PINS on a connection. size: bytes of buffer
 * the request offers (read) or carries (write), at most CLXHUB_BUFFER_BYTES (else
 * -EINVAL); on success the hub sets it to ceil(N/8), the IOCTL's Information. On an
 * interrupt connection both are -EPERM (STATUS_GPIO_OPERATION_DENIED), as read() and
 * poll() are on an I/O connection (read() -EPERM, poll() POLLERR).
 */
struct clxhub_pins {
	__u32 version;
	__u32 size;
	__u8 buffer[CLXHUB_BUFFER_BYTES];
	__u32 reserved[4];
	__u32 status;                     /* out: NTSTATUS */
	__u32 padding;                    /* zero */
};

/* CLXHUB_IOC_INFO on a connection: what it is and what it holds (all out but version). */
struct clxhub_info {
	__u32 version;
	__u32 kind;
	__u32 access;
	__u32 flags;
	char controller[CLXHUB_NAME_MAX]; /* the host's name */
	__u16 pin_count;
	__u8 int_mode;                    /* interrupt: CLXHUB_LEVEL / CLXHUB_EDGE */
	__u8 polarity;                    /* interrupt: CLXHUB_ACTIVE_* (BOTH: asserted is meaningful) */
	__u32 reserved1;
	__u16 pins[CLXHUB_MAX_PINS];
	__u64 events;                     /* interrupt: events queued so far */
	__u64 dropped;                    /* interrupt: events dropped on a full queue */
	__u32 reserved[8];
	__u32 status;
	__u32 padding;
};

/* One event of an interrupt connection, as read() returns it (layout of CLXHUB_VERSION). */
struct clxhub_event {
	__u64 timestamp_ns;               /* CLOCK_MONOTONIC, when the engine serviced the pin */
	__u64 seqno;                      /* 1, 2, 3, ... over queued and dropped events */
	__u16 pin_index;                  /* index in the connection's table (0) */
	__u16 pin;                        /* controller-relative */
	__u8 kind;                        /* CLXHUB_EVENT_* */
	__u8 asserted;                    /* ActiveBoth: 1 asserted, 0 deasserted; else 0 */
	__u16 reserved0;
	__u32 reserved[2];
};

#define CLXHUB_EVENT_LEVEL 1
#define CLXHUB_EVENT_RISING 2
#define CLXHUB_EVENT_FALLING 3

#define CLXHUB_IOC_OPEN _IOWR(CLXHUB_IOC_MAGIC, 0x01, struct clxhub_open)
#define CLXHUB_IOC_READ_PINS _IOWR(CLXHUB_IOC_MAGIC, 0x02, struct clxhub_pins)
#define CLXHUB_IOC_WRITE_PINS _IOWR(CLXHUB_IOC_MAGIC, 0x03, struct clxhub_pins)
#define CLXHUB_IOC_INFO _IOWR(CLXHUB_IOC_MAGIC, 0x04, struct clxhub_info)

#endif /* _UAPI_CLXGPIO_HUB_H */
