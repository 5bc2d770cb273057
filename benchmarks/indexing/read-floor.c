// The operating system's floor under workspace indexing: walk a directory tree and read every
// source file, with nothing else, in C. The walk lists each directory (readdir) and lstat()s each
// entry, as check's walk in Java does (it needs the type without following links, and the size);
// --no-lstat takes the type from readdir's d_type instead, as find(1) does. The reads: open, fstat,
// read into one reused buffer per thread, close, on 1..N threads taking files from one counter.
//
//   gcc -O2 -pthread -o /tmp/read-floor benchmarks/indexing/read-floor.c
//   /tmp/read-floor DIR [--threads N] [--rounds R] [--no-lstat] [--walk-only]
//
// Each round prints the walk's and the reads' wall clock and the process's CPU time (user + system,
// getrusage), in µs a file. Files: names ending .ts .tsx .mts .cts .js .jsx .mjs .cjs (.d.ts too).
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char **files;
static size_t nfiles, capfiles;
static int use_lstat = 1;
static atomic_size_t next_file;
static atomic_long total_bytes;

static int is_source(const char *name) {
    static const char *ext[] = {".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"};
    const char *dot = strrchr(name, '.');
    if (!dot) return 0;
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) if (strcmp(dot, ext[i]) == 0) return 1;
    return 0;
}

static void walk(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    int dfd = dirfd(d);
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' && (e->d_name[1] == 0 || (e->d_name[1] == '.' && e->d_name[2] == 0))) continue;
        int isdir, isreg;
        if (use_lstat) {
            struct stat st;
            if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
            isdir = S_ISDIR(st.st_mode);
            isreg = S_ISREG(st.st_mode);
        } else {
            isdir = e->d_type == DT_DIR;
            isreg = e->d_type == DT_REG;
        }
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (isdir) {
            if (strcmp(e->d_name, "node_modules") != 0) walk(path);
        } else if (isreg && is_source(e->d_name)) {
            if (nfiles == capfiles) {
                capfiles = capfiles ? capfiles * 2 : 1024;
                files = realloc(files, capfiles * sizeof *files);
            }
            files[nfiles++] = strdup(path);
        }
    }
    closedir(d);
}

static void *reader(void *arg) {
    (void) arg;
    size_t cap = 1 << 20;
    char *buf = malloc(cap);
    long bytes = 0;
    for (size_t i; (i = atomic_fetch_add(&next_file, 1)) < nfiles;) {
        int fd = open(files[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        struct stat st;
        if (fstat(fd, &st) == 0 && (size_t) st.st_size > cap) {
            cap = st.st_size;
            buf = realloc(buf, cap);
        }
        size_t want = st.st_size > 0 ? (size_t) st.st_size : cap, got = 0;
        ssize_t n;
        while (got < want && (n = read(fd, buf + got, want - got)) > 0) got += n;
        bytes += got;
        close(fd);
    }
    atomic_fetch_add(&total_bytes, bytes);
    free(buf);
    return NULL;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu(void) {
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return r.ru_utime.tv_sec + r.ru_utime.tv_usec / 1e6 + r.ru_stime.tv_sec + r.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv) {
    const char *root = NULL;
    int threads = 1, rounds = 1, walk_only = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--threads") == 0) threads = atoi(argv[++i]);
        else if (strcmp(argv[i], "--rounds") == 0) rounds = atoi(argv[++i]);
        else if (strcmp(argv[i], "--no-lstat") == 0) use_lstat = 0;
        else if (strcmp(argv[i], "--walk-only") == 0) walk_only = 1;
        else root = argv[i];
    }
    if (!root) {
        fprintf(stderr, "usage: read-floor DIR [--threads N] [--rounds R] [--no-lstat] [--walk-only]\n");
        return 2;
    }
    for (int r = 0; r < rounds; r++) {
        for (size_t i = 0; i < nfiles; i++) free(files[i]);
        nfiles = 0;
        double w0 = now(), c0 = cpu();
        walk(root);
        double w1 = now(), c1 = cpu();
        if (walk_only) {
            printf("round %d: %zu files; walk %.2f µs a file wall, %.2f CPU\n", r, nfiles, (w1 - w0) * 1e6 / nfiles, (c1 - c0) * 1e6 / nfiles);
            continue;
        }
        atomic_store(&next_file, 0);
        atomic_store(&total_bytes, 0);
        pthread_t t[64];
        for (int k = 0; k < threads; k++) pthread_create(&t[k], NULL, reader, NULL);
        for (int k = 0; k < threads; k++) pthread_join(t[k], NULL);
        double w2 = now(), c2 = cpu();
        printf("round %d: %zu files, %.1f MB; walk %.2f µs a file wall, %.2f CPU; read (%d threads) %.2f µs a file wall, %.2f CPU; "
               "walk + read %.1f MB/s wall, %.1f MB per CPU-second\n",
               r, nfiles, atomic_load(&total_bytes) / 1e6, (w1 - w0) * 1e6 / nfiles, (c1 - c0) * 1e6 / nfiles, threads,
               (w2 - w1) * 1e6 / nfiles, (c2 - c1) * 1e6 / nfiles, atomic_load(&total_bytes) / 1e6 / (w2 - w0),
               atomic_load(&total_bytes) / 1e6 / (c2 - c0));
    }
    return 0;
}
