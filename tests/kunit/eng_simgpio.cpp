// SPDX-License-Identifier: GPL-2.0
// The simulated controller compiled again into clxgpio_kunit.ko.
#include "../../kernel/controllers/simgpio.cpp"
