#ifndef PANYA_SUPPORT_SHIM_H
#define PANYA_SUPPORT_SHIM_H

/// Installs a SIGINT handler that only raises a flag (async-signal-safe); the
/// interpreter polls the flag so Ctrl-C stops a running statement, not the shell.
void panya_interrupt_install(void);
/// Returns 1 when Ctrl-C was pressed since the last clear.
int panya_interrupt_pending(void);
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
