/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clx_ntstatus.h - the NTSTATUS values the compat layer returns, and the one table that
 * maps each to its Linux errno, its Win32 error code and its name, and each errno back
 * to one canonical status.
 *
 * Freestanding C++17 behind this plain C header (compat/core/ntstatus.cpp), linked into
 * the kernel module and into user space. No kernel or libc header is included; the
 * types come from the compiler's predefined macros (the same typedefs as clxgpio_abi.h
 * and clx_acpi.h, so the headers may be included in any order).
 *
 * Context: every function may be called in any context, including hard IRQ; none
 * sleeps, allocates, locks or keeps state. Unknown values never fail: each function
 * has a documented fallback.
 *
 * Sources of the numbers: NTSTATUS values from Microsoft's ntstatus.h as published in
 * [MS-ERREF] 2.3.1 (the STATUS_GPIO_* ones also in shared/reference/GPIOCLX-FACTS.md
 * section 7); Win32 codes are what RtlNtStatusToDosError() gives (the GPIO ones from the
 * same reference section, the others from Wine's ntdll error table, which its tests
 * check against Windows). Errno values are Linux's asm-generic ones (the same on arm64
 * and x86-64).
 *
 * The errno <-> status table (README-resources.md has it with the reasons). "back":
 * the status the errno maps back to, "=" when it is the same one (canonical).
 *
 *   status                                       value      Win32  errno        back
 *   STATUS_SUCCESS                               0x00000000     0  0            =
 *   STATUS_UNSUCCESSFUL                          0xC0000001    31  -EIO         IO_DEVICE_ERROR
 *   STATUS_NOT_IMPLEMENTED                       0xC0000002     1  -ENOSYS      =
 *   STATUS_INVALID_PARAMETER                     0xC000000D    87  -EINVAL      =
 *   STATUS_NO_SUCH_DEVICE                        0xC000000E     2  -ENODEV      =
 *   STATUS_INVALID_DEVICE_REQUEST                0xC0000010     1  -ENOTTY      =
 *   STATUS_NO_MEMORY                             0xC0000017     8  -ENOMEM      INSUFFICIENT_RES.
 *   STATUS_ACCESS_DENIED                         0xC0000022     5  -EACCES      = (firmware pin)
 *   STATUS_BUFFER_TOO_SMALL                      0xC0000023   122  -ENOBUFS     =
 *   STATUS_OBJECT_NAME_NOT_FOUND                 0xC0000034     2  -ENOENT      NOT_FOUND
 *   STATUS_SHARING_VIOLATION                     0xC0000043    32  -EBUSY       GPIO_INCOMPAT.
 *   STATUS_INSUFFICIENT_RESOURCES                0xC000009A  1450  -ENOMEM      =
 *   STATUS_DEVICE_NOT_CONNECTED                  0xC000009D  1167  -ENOTCONN    =
 *   STATUS_IO_TIMEOUT                            0xC00000B5   121  -ETIMEDOUT   =
 *   STATUS_NOT_SUPPORTED                         0xC00000BB    50  -EOPNOTSUPP  =
 *   STATUS_CANCELLED                             0xC0000120   995  -ECANCELED   =
 *   STATUS_IO_DEVICE_ERROR                       0xC0000185  1117  -EIO         =
 *   STATUS_NOT_FOUND                             0xC0000225  1168  -ENOENT      =
 *   STATUS_DEVICE_BUSY (warning)                 0x80000011   170  -EBUSY       GPIO_INCOMPAT.
 *   STATUS_SECONDARY_IC_PROVIDER_NOT_REGISTERED  0xC000A121 15321  -ENODEV      NO_SUCH_DEVICE
 *   STATUS_GPIO_CLIENT_INFORMATION_INVALID       0xC000A122 15322  -EINVAL      INVALID_PARAM.
 *   STATUS_GPIO_VERSION_NOT_SUPPORTED            0xC000A123 15323  -EOPNOTSUPP  NOT_SUPPORTED
 *   STATUS_GPIO_INVALID_REGISTRATION_PACKET      0xC000A124 15324  -EINVAL      INVALID_PARAM.
 *   STATUS_GPIO_OPERATION_DENIED                 0xC000A125 15325  -EPERM       =
 *   STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE        0xC000A126 15326  -EBUSY       =
 *   STATUS_GPIO_INTERRUPT_ALREADY_UNMASKED (w.)  0x8000A127 15327  -EALREADY    =
 *
 *   errnos no status produces, mapped one way (the engine's bad-input classes first):
 *   -ERANGE (pin out of range), -ECHRNG (bank out of range) -> STATUS_INVALID_PARAMETER
 *   -E2BIG, -EMSGSIZE, -EDOM (controller geometry) -> STATUS_GPIO_CLIENT_INFORMATION_INVALID
 *   -ENXIO (no such device or address) -> STATUS_NO_SUCH_DEVICE
 *   -EREMOTEIO (a bus transfer was refused: I2C NAK) -> STATUS_IO_DEVICE_ERROR
 *   any other errno -> STATUS_UNSUCCESSFUL
 */
#ifndef CLX_NTSTATUS_H
#define CLX_NTSTATUS_H

#ifdef __cplusplus
extern "C" {
#endif

/* checkpatch-ignore: NEW_TYPEDEFS: no <linux/types.h> here, the header is C++'s too */
typedef __UINT8_TYPE__ clx_u8;
typedef __UINT16_TYPE__ clx_u16;
typedef __UINT32_TYPE__ clx_u32;
typedef __UINT64_TYPE__ clx_u64;
typedef __SIZE_TYPE__ clx_size;

/*
 * NTSTATUS values, as unsigned 32-bit numbers (Windows' NTSTATUS is a signed LONG; the
 * bits are the same). Prefixed CLX_ so that they never meet another STATUS_* macro
 * (the kernel's SMB code defines some); the names the table gives have no prefix.
 */
#define CLX_STATUS_SUCCESS 0x00000000u
#define CLX_STATUS_UNSUCCESSFUL 0xC0000001u
#define CLX_STATUS_NOT_IMPLEMENTED 0xC0000002u
#define CLX_STATUS_INVALID_PARAMETER 0xC000000Du
#define CLX_STATUS_NO_SUCH_DEVICE 0xC000000Eu
#define CLX_STATUS_INVALID_DEVICE_REQUEST 0xC0000010u
#define CLX_STATUS_NO_MEMORY 0xC0000017u
#define CLX_STATUS_ACCESS_DENIED 0xC0000022u
#define CLX_STATUS_BUFFER_TOO_SMALL 0xC0000023u
#define CLX_STATUS_OBJECT_NAME_NOT_FOUND 0xC0000034u
#define CLX_STATUS_SHARING_VIOLATION 0xC0000043u
#define CLX_STATUS_INSUFFICIENT_RESOURCES 0xC000009Au
#define CLX_STATUS_DEVICE_NOT_CONNECTED 0xC000009Du
#define CLX_STATUS_IO_TIMEOUT 0xC00000B5u
#define CLX_STATUS_NOT_SUPPORTED 0xC00000BBu
#define CLX_STATUS_CANCELLED 0xC0000120u
#define CLX_STATUS_IO_DEVICE_ERROR 0xC0000185u
#define CLX_STATUS_NOT_FOUND 0xC0000225u
#define CLX_STATUS_DEVICE_BUSY 0x80000011u                       /* a warning */
#define CLX_STATUS_SECONDARY_IC_PROVIDER_NOT_REGISTERED 0xC000A121u
#define CLX_STATUS_GPIO_CLIENT_INFORMATION_INVALID 0xC000A122u
#define CLX_STATUS_GPIO_VERSION_NOT_SUPPORTED 0xC000A123u
#define CLX_STATUS_GPIO_INVALID_REGISTRATION_PACKET 0xC000A124u
#define CLX_STATUS_GPIO_OPERATION_DENIED 0xC000A125u       /* not allowed on this handle */
#define CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE 0xC000A126u /* mode conflicts on a pin */
#define CLX_STATUS_GPIO_INTERRUPT_ALREADY_UNMASKED 0x8000A127u /* a warning */

/*
 * What clx_ntstatus_to_win32() gives for a status outside the table
 * (ERROR_MR_MID_NOT_FOUND, as RtlNtStatusToDosError answers an unmapped status).
 */
#define CLX_WIN32_NO_MAPPING 317u

/* One status of the table. */
struct clx_ntstatus_info {
	clx_u32 status;
	int err;           /* 0 or the -errno this status becomes */
	clx_u32 win32;     /* the Win32 error code (RtlNtStatusToDosError) */
	const char *name;  /* "STATUS_GPIO_OPERATION_DENIED" */
	int canonical;     /* 1 when err maps back to this status, else 0 */
};

/* A status and an errno that travel together: every failure carries both. */
struct clx_ntstatus_result {
	clx_u32 status;
	int err;           /* 0 or -errno */
};

/* Statuses in the table; clx_ntstatus_at(i) for i below it gives each once. */
clx_u32 clx_ntstatus_count(void);
/* Entry i of the table, or NULL when i >= clx_ntstatus_count(). */
const struct clx_ntstatus_info *clx_ntstatus_at(clx_u32 index);
/* The table's entry for status, or NULL when the table has none. */
const struct clx_ntstatus_info *clx_ntstatus_find(clx_u32 status);

/* "STATUS_GPIO_OPERATION_DENIED"; "STATUS_UNKNOWN" for a status outside the table. */
const char *clx_ntstatus_name(clx_u32 status);

/*
 * The errno a status becomes. Outside the table: 0 when the status is a success
 * (NT_SUCCESS: severity success or informational), else -EIO (warnings included).
 */
int clx_ntstatus_to_errno(clx_u32 status);

/*
 * The canonical status of 0 or -errno. An errno outside the table, or a positive
 * value (not an errno return), gives STATUS_UNSUCCESSFUL.
 */
clx_u32 clx_ntstatus_from_errno(int err);

/* The Win32 error code of a status; CLX_WIN32_NO_MAPPING outside the table. */
clx_u32 clx_ntstatus_to_win32(clx_u32 status);

/* NT_SUCCESS(status): 1 for severity success or informational, 0 for warning or error. */
int clx_ntstatus_is_success(clx_u32 status);

/*
 * Both halves from an errno: {clx_ntstatus_from_errno(err), err}, the errno kept as
 * given (it is the more precise of the two); a positive err becomes {STATUS_UNSUCCESSFUL,
 * -EIO}.
 */
struct clx_ntstatus_result clx_ntstatus_result_errno(int err);
/* Both halves from a status: {status, clx_ntstatus_to_errno(status)}. */
struct clx_ntstatus_result clx_ntstatus_result_status(clx_u32 status);

#ifdef __cplusplus
}
#endif

#endif /* CLX_NTSTATUS_H */
