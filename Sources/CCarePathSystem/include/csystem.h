#ifndef CAREPATH_CSYSTEM_H
#define CAREPATH_CSYSTEM_H

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE, macOS renamex_np with
/// RENAME_SWAP): each then names what the other named. Returns 0, or -1 with errno set.
int csystem_exchange(const char *first, const char *second);

/// Formats one double by a printf format that takes one (`"%.6g"`), in the C locale, into `buffer`
/// of `size` bytes: snprintf's return (the length it needed, or a negative value on error). Swift
/// reaches vsnprintf only through a `CVarArg` array, boxed and cast for every call.
int csystem_format_double(char *buffer, unsigned long size, const char *format, double value);

#endif
