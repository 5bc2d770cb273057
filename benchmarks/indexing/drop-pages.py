#!/usr/bin/env python3
# Drops every regular file under the given directories from the page cache (posix_fadvise DONTNEED:
# clean pages only; directories and inodes stay cached), for cold-cache figures without a global
# drop_caches that would disturb other processes on a shared machine:
#   python3 benchmarks/indexing/drop-pages.py DIR…
import os, sys
n = 0
for root in sys.argv[1:]:
    for d, _, names in os.walk(root):
        for name in names:
            p = os.path.join(d, name)
            fd = os.open(p, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
            n += 1
