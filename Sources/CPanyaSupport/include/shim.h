#ifndef PANYA_SUPPORT_SHIM_H
#define PANYA_SUPPORT_SHIM_H

#include <signal.h>

/// The Ctrl-C flag the SIGINT handler raises (read through panya_interrupt_pending).
extern volatile sig_atomic_t panya_interrupted;

/// Installs a SIGINT handler that only raises a flag (async-signal-safe); the
/// interpreter polls the flag so Ctrl-C stops a running statement, not the shell.
void panya_interrupt_install(void);
/// Returns 1 when Ctrl-C was pressed since the last clear. Inline: the interpreter asks it in
/// every loop round and call.
static inline int panya_interrupt_pending(void) { return panya_interrupted ? 1 : 0; }
/// Clears the flag (before running the next statement).
void panya_interrupt_clear(void);
/// Raises the flag by hand (tests, and the line editor when it sees ^C itself).
void panya_interrupt_raise(void);

/// Terminal width of standard output, or 0 when it is not a terminal.
int panya_terminal_columns(void);

/// Asks glibc's allocator to keep freed blocks (up to 32 MB each, 256 MB at the top of a heap)
/// for reuse instead of returning them to the kernel; does nothing with another C library.
void panya_keep_freed_memory(void);
/// Returns freed heap memory to the kernel (glibc: malloc_trim).
void panya_return_freed_memory(void);

#endif
