/*
 * banned.h - functions Mutua does not call, made compile errors (after git's banned.h).
 *
 * strcpy/strcat/sprintf overflow silently; strtok keeps hidden state; gmtime and
 * localtime return shared buffers (threads) and localtime depends on the machine's zone,
 * while Mutua's time is always UTC (core/mtime.h).
 */
#ifndef MU_BANNED_H
#define MU_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gmtime
#define gmtime(t) BANNED(gmtime)
#undef localtime
#define localtime(t) BANNED(localtime)

#endif
