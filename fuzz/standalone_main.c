/* A main() for the fuzz targets, for builds without libFuzzer.
 *
 *   fuzz_analyze FILE|DIR...   feed each file (each regular file of a
 *                              directory, not recursively) to
 *                              LLVMFuzzerTestOneInput() once
 *   fuzz_analyze               read one input from stdin
 *
 * Each input is copied into a heap block of exactly its size, so that
 * AddressSanitizer sees a read past its end. Exit status 0 when every input
 * ran (a failed check traps, which kills the process), 2 when a file could
 * not be read.
 *
 * Built with afl-clang-fast (AFL++), and with no file operands, it runs in
 * AFL++'s persistent shared-memory mode: afl-fuzz -i ... -o ... -- ./fuzz_x
 * With operands, afl-fuzz ... -- ./fuzz_x @@ works too. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static size_t n_run;

static void run_one(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy) {
        fprintf(stderr, "standalone: out of memory\n");
        exit(2);
    }
    if (size)
        memcpy(copy, data, size);
    LLVMFuzzerTestOneInput(copy, size);
    free(copy);
    n_run++;
}

/* Read all of fp into a malloc'd block; *size gets its length. */
static uint8_t *slurp(FILE *fp, size_t *size)
{
    size_t len = 0, cap = 65536;
    uint8_t *buf = malloc(cap);
    for (size_t k; buf && (k = fread(buf + len, 1, cap - len, fp)) > 0;) {
        len += k;
        if (len == cap) {
            uint8_t *p = realloc(buf, cap *= 2);
            if (!p)
                free(buf);
            buf = p;
        }
    }
    if (!buf || ferror(fp)) {
        free(buf);
        return NULL;
    }
    *size = len;
    return buf;
}

static int run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    size_t size = 0;
    uint8_t *buf = fp ? slurp(fp, &size) : NULL;
    if (!buf) {
        fprintf(stderr, "standalone: %s: %s\n", path, strerror(errno ? errno : EIO));
        if (fp)
            fclose(fp);
        return -1;
    }
    fclose(fp);
    if (getenv("FUZZ_VERBOSE"))
        fprintf(stderr, "standalone: %s (%zu bytes)\n", path, size);
    run_one(buf, size);
    free(buf);
    return 0;
}

static int run_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "standalone: %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return run_file(path);
    DIR *dir = opendir(path);
    if (!dir) {
        fprintf(stderr, "standalone: %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        char *full = malloc(n);
        if (!full)
            break;
        snprintf(full, n, "%s/%s", path, e->d_name);
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && run_file(full) != 0)
            rc = -1;
        free(full);
    }
    closedir(dir);
    return rc;
}

#ifdef __AFL_FUZZ_TESTCASE_LEN
__AFL_FUZZ_INIT();
#endif

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    int rc = 0;
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            if (run_path(argv[i]) != 0)
                rc = 2;
        fprintf(stderr, "standalone: ran %zu inputs\n", n_run);
        return rc;
    }
#ifdef __AFL_FUZZ_TESTCASE_LEN
    /* AFL++ persistent mode: inputs arrive in shared memory */
    __AFL_INIT();
    const uint8_t *buf = __AFL_FUZZ_TESTCASE_BUF;
    while (__AFL_LOOP(10000))
        run_one(buf, (size_t)__AFL_FUZZ_TESTCASE_LEN);
    return 0;
#else
    size_t size = 0;
    uint8_t *buf = slurp(stdin, &size);
    if (!buf) {
        fprintf(stderr, "standalone: <stdin>: %s\n", strerror(errno ? errno : EIO));
        return 2;
    }
    run_one(buf, size);
    free(buf);
    return 0;
#endif
}
