/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clxgpio simulated controller (clxgpio_sim.c): what the gpiolib front end calls for
 * a simulated chip so that consumers' requests and releases behave as in gpio-sim.
 */
#ifndef CLXGPIO_SIM_H
#define CLXGPIO_SIM_H

struct clxgpio;

/*
 * [may sleep, not under the host lock] From gc->request of a simulated chip: a
 * consumer holds the line, so an output drives its own value again (not its pull).
 */
void clxgpio_sim_line_requested(struct clxgpio *cg, unsigned int offset);

/*
 * [may sleep, not under the host lock] From gc->free of a simulated chip (the sim
 * driver sets cg->line_released to it): the line's value goes back to its pull, its
 * direction stays, and an output keeps following its pull until requested again.
 */
void clxgpio_sim_line_released(struct clxgpio *cg, unsigned int offset);

#endif /* CLXGPIO_SIM_H */
