#include "shim.h"
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

// A signal handler may only touch a volatile sig_atomic_t: that is why this is C.
volatile sig_atomic_t panya_interrupted = 0;

static void panya_on_sigint(int signo) {
    (void)signo;
    panya_interrupted = 1;
}

void panya_interrupt_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = panya_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocking read returns EINTR
    sigaction(SIGINT, &action, NULL);
}

void panya_interrupt_clear(void) { panya_interrupted = 0; }
void panya_interrupt_raise(void) { panya_interrupted = 1; }

int panya_terminal_columns(void) {
    struct winsize size;
    if (!isatty(STDOUT_FILENO)) return 0;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

void panya_keep_freed_memory(void) {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

void panya_return_freed_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
