#ifndef PANYA_EDITLINE_SHIM_H
#define PANYA_EDITLINE_SHIM_H

// The bridge between Swift and libedit (<histedit.h>, the native el_* API).
//
// Why C: `el_set`, `el_get` and `history` are variadic, and Swift cannot call C
// variadic functions; libedit's callbacks (prompt, completion, character reader)
// get only the `EditLine *`, so the per-editor state they need lives in a C struct
// reachable through EL_CLIENTDATA; and the SIGINT bookkeeping around `el_wgets`
// must touch a `volatile sig_atomic_t`, which only C may do from a handler.
//
// One `panya_editor` owns one `EditLine` and one `History`; `panya_editor_close`
// releases both (Swift's `LineEditor` calls it from `deinit`).

#include <stddef.h>
#include <wchar.h>

typedef struct panya_editor panya_editor;

/// Completion hook. libedit calls the Tab binding with the editor; the bridge hands
/// Swift the line as wide characters (UTF-32 on Linux and macOS: one Unicode scalar
/// per element, so no byte/character arithmetic leaks into Swift), the line length
/// and the cursor, both counted in wide characters, plus the context pointer Swift
/// registered. It returns one of the PANYA_CC_* codes below.
typedef unsigned char (*panya_complete_fn)(panya_editor *editor, void *context,
                                           const wchar_t *line, int length, int cursor);

/// libedit's "what to do after this key" codes, mirrored so Swift needs no header macros.
enum {
    PANYA_CC_NORM = 0,
    PANYA_CC_REFRESH = 4,       // redraw the line
    PANYA_CC_ERROR = 6,         // beep
    PANYA_CC_REDISPLAY = 8,     // redraw prompt and line on a fresh line (after a listing)
    PANYA_CC_REFRESH_BEEP = 9,  // redraw and beep
};

/// What `panya_editor_gets` saw.
enum {
    PANYA_GETS_LINE = 0,         // a line (maybe empty) is in the output buffer
    PANYA_GETS_END_OF_FILE = 1,  // Ctrl-D on an empty line, or end of input
    PANYA_GETS_INTERRUPTED = 2,  // Ctrl-C (SIGINT) while reading
};

/// Makes multibyte input work: `setlocale(LC_CTYPE, "")`, and when that leaves a
/// non-UTF-8 ASCII locale (LANG unset, C or POSIX) switches LC_CTYPE to C.UTF-8
/// (then en_US.UTF-8). libedit decodes input with mbrtowc and measures columns
/// with wcwidth, and it decides at el_init whether the charset is UTF-8, so this
/// must run before `panya_editor_open`. Returns 1 when LC_CTYPE is UTF-8 afterwards.
int panya_editor_prepare_locale(void);

/// Opens an editor on stdin/stdout/stderr: emacs keys, ^R bound to incremental
/// reverse search, Tab bound to the completion hook, EL_SIGNAL on, a history of
/// `history_size` unique-consecutive entries, then ~/.editrc (or $EDITRC) sourced.
/// Works without a terminal too (libedit then reads plain lines). NULL when
/// libedit could not initialise.
panya_editor *panya_editor_open(const char *program_name, int history_size);

/// Releases the EditLine and the History (el_end, history_end). NULL is fine.
void panya_editor_close(panya_editor *editor);

/// 1 when stdin is a terminal (line editing is on), else 0.
int panya_editor_is_interactive(const panya_editor *editor);

/// Copies `prompt` (UTF-8); the prompt callback returns the copy on every redraw.
/// Non-printing sequences (colours) go between two \1 characters (EL_PROMPT_ESC).
void panya_editor_set_prompt(panya_editor *editor, const char *prompt);

/// Registers the completion hook and its context (NULL hook: Tab beeps).
void panya_editor_set_completer(panya_editor *editor, panya_complete_fn hook, void *context);

/// Reads one line with `el_wgets`. On PANYA_GETS_LINE, `*out_line` points to the
/// line as wide characters (without the trailing newline; valid until the next call)
/// and `*out_length` is its length. Ctrl-C is reported as PANYA_GETS_INTERRUPTED:
/// the SIGINT that libedit's EL_SIGNAL handler passes on is caught by a handler the
/// bridge installs for the duration of the call (the caller's SIGINT disposition is
/// restored before returning, and is not invoked for a Ctrl-C typed at the prompt; a
/// Ctrl-C that arrives after Enter keeps the line and is passed on to it). Ctrl-Z, fg
/// and window resizes are handled as often as they come. On a terminal, raw mode is set
/// before the prompt is drawn and the echo of keys typed ahead is wiped.
int panya_editor_gets(panya_editor *editor, const wchar_t **out_line, int *out_length);

// MARK: editing, for the completion hook

/// Deletes `count` wide characters before the cursor (el_deletestr).
void panya_editor_delete_before_cursor(panya_editor *editor, int count);
/// Inserts wide characters at the cursor (el_winsertstr). Returns 0 on success.
int panya_editor_insert(panya_editor *editor, const wchar_t *text);
/// Writes UTF-8 text to the editor's output stream and flushes it (candidate lists).
void panya_editor_write(panya_editor *editor, const char *text);
/// Terminal width in columns as libedit knows it (80 without a terminal).
int panya_editor_columns(panya_editor *editor);

// MARK: history

/// Adds an entry (UTF-8, may contain newlines) as the newest (H_ENTER). 0 on success.
int panya_history_enter(panya_editor *editor, const char *entry);
/// Loads a history file written by `panya_history_save` (H_LOAD). Returns the number
/// of entries read, or -1 when the file could not be read.
int panya_history_load(panya_editor *editor, const char *path);
/// Writes the history in libedit's format (H_SAVE: a `_HiStOrY_V2_` line, then one
/// entry per line, strvis-encoded so newlines and spaces survive). -1 on failure.
int panya_history_save(panya_editor *editor, const char *path);
/// Number of entries held (H_GETSIZE).
int panya_history_count(panya_editor *editor);
/// Walks the history oldest to newest: `panya_history_oldest` returns the oldest entry
/// (UTF-8) or NULL when empty, then each `panya_history_newer` the next one, NULL after
/// the newest. The pointers belong to libedit and are valid until the history changes.
const char *panya_history_oldest(panya_editor *editor);
const char *panya_history_newer(panya_editor *editor);
/// Removes every entry (H_CLEAR).
void panya_history_clear(panya_editor *editor);

#endif
