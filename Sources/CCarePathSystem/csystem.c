#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "csystem.h"

int csystem_exchange(const char *first, const char *second) {
#if defined(__APPLE__)
    return renamex_np(first, second, RENAME_SWAP);
#elif defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wformat-nonliteral"
int csystem_format_double(char *buffer, unsigned long size, const char *format, double value) {
    return snprintf(buffer, size, format, value);
}
#pragma clang diagnostic pop
