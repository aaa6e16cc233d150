#ifndef TOPOC_CSYSTEM_H
#define TOPOC_CSYSTEM_H

/// Atomically exchanges two paths (renameat2 with RENAME_EXCHANGE): the swap
/// that lets `topoc compile` replace a whole output tree so that a reader, or a
/// crash at any moment, sees the old tree or the new one and never a mix.
/// Returns 0, or -1 with errno set (EINVAL/ENOSYS where unsupported).
int topoc_rename_exchange(const char *from, const char *to);

#endif
