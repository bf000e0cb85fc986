// SPDX-License-Identifier: GPL-2.0
// The clxgpio user-space library: the resource hub (hub.hpp), pin values in table order
// (bits.hpp), errors as values (error.hpp), the kernel's GPIO character devices
// (chips.hpp) and the system-call seam (os.hpp). userspace/README.md has an example.
#pragma once

#include "clxgpio/bits.hpp"
#include "clxgpio/chips.hpp"
#include "clxgpio/error.hpp"
#include "clxgpio/hub.hpp"
#include "clxgpio/os.hpp"
