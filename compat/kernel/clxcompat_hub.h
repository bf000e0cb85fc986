/* SPDX-License-Identifier: GPL-2.0 */
/* The resource hub's misc device (clxcompat_hub.c), for module init. [may sleep] */
#ifndef CLXCOMPAT_HUB_H
#define CLXCOMPAT_HUB_H

int clxcompat_hub_register(void);
void clxcompat_hub_unregister(void);

#endif /* CLXCOMPAT_HUB_H */
