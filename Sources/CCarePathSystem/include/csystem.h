#ifndef CAREPATH_CSYSTEM_H
#define CAREPATH_CSYSTEM_H

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE, macOS renamex_np with
/// RENAME_SWAP): each then names what the other named. Returns 0, or -1 with errno set.
int csystem_exchange(const char *first, const char *second);

#endif
