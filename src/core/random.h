/*
 * random.h - reproducible pseudo-random numbers (splitmix64): the same sequence for the
 * same seed on every machine, for generated demo data and benchmarks. Not for secrets
 * (tokens and passwords come from libsodium's randombytes).
 */
#ifndef MU_RANDOM_H
#define MU_RANDOM_H

#include <stdint.h>

/* The next number of the sequence whose state is *state (the seed, to begin). */
uint64_t mu_splitmix64(uint64_t *state);

#endif
