#include "shim.h"

#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

struct panya_editor {
    EditLine *el;
    History *history;
    HistEvent event;
    char *prompt;
    panya_complete_fn complete;
    void *complete_context;
    int interactive;
};

// Signals seen while `el_wgets` runs, raised by the bridge's own handlers. A handler
// may only touch a volatile sig_atomic_t: one more reason this part is C.
static volatile sig_atomic_t panya_el_sigint = 0;
static volatile sig_atomic_t panya_el_sigtstp = 0;
static volatile sig_atomic_t panya_el_sigcont = 0;
static volatile sig_atomic_t panya_el_sigwinch = 0;

static void panya_el_on_signal(int signo) {
    switch (signo) {
    case SIGINT: panya_el_sigint = 1; break;
    case SIGTSTP: panya_el_sigtstp = 1; break;
    case SIGCONT: panya_el_sigcont = 1; break;
    case SIGWINCH: panya_el_sigwinch = 1; break;
    default: break;
    }
}

// The signals the bridge watches during `el_wgets`, and the caller's handlers saved.
static const int panya_el_watched[] = { SIGINT, SIGTSTP, SIGCONT, SIGWINCH };
enum { PANYA_EL_WATCHED = sizeof panya_el_watched / sizeof panya_el_watched[0] };

static void panya_el_install(int signo) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = panya_el_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: the read must fail with EINTR
    sigaction(signo, &action, NULL);
}

// MARK: locale

static int panya_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

int panya_editor_prepare_locale(void) {
    // Only LC_CTYPE: numbers and messages keep the "C" behaviour Swift code expects.
    setlocale(LC_CTYPE, "");
    if (panya_codeset_is_utf8()) return 1;
    const char *codeset = nl_langinfo(CODESET);
    // LANG unset / C / POSIX gives "ANSI_X3.4-1968": plain ASCII, which would make
    // libedit drop every byte of a Japanese character. A real non-UTF-8 locale the
    // user chose (say ja_JP.eucJP) is left alone.
    if (codeset == NULL || strcmp(codeset, "ANSI_X3.4-1968") == 0 || strcmp(codeset, "ASCII") == 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    }
    return panya_codeset_is_utf8();
}

// MARK: callbacks libedit makes

static panya_editor *panya_editor_of(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return (panya_editor *)data;
}

static char *panya_prompt_callback(EditLine *el) {
    panya_editor *editor = panya_editor_of(el);
    static char empty[] = "";
    if (editor == NULL || editor->prompt == NULL) return empty;
    return editor->prompt;
}

static unsigned char panya_complete_callback(EditLine *el, int ch) {
    (void)ch;
    panya_editor *editor = panya_editor_of(el);
    if (editor == NULL || editor->complete == NULL) return CC_ERROR;
    const LineInfoW *info = el_wline(el);
    if (info == NULL) return CC_ERROR;
    int length = (int)(info->lastchar - info->buffer);
    int cursor = (int)(info->cursor - info->buffer);
    return editor->complete(editor, editor->complete_context, info->buffer, length, cursor);
}

// Stops the process for Ctrl-Z the way a shell expects: terminal back in cooked mode,
// default SIGTSTP action; on `fg`, raw mode again and the prompt and line redrawn.
static void panya_el_suspend(EditLine *el) {
    panya_el_sigtstp = 0;
    el_set(el, EL_PREP_TERM, 0);
    signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP); // stops here until SIGCONT
    panya_el_install(SIGTSTP);
    el_set(el, EL_PREP_TERM, 1);
    panya_el_sigcont = 0;
    el_set(el, EL_REFRESH);
}

// Acts on the signals that arrived; returns 1 when reading must stop (Ctrl-C).
static int panya_el_handle_signals(EditLine *el) {
    if (panya_el_sigint) return 1;
    if (panya_el_sigtstp) panya_el_suspend(el);
    if (panya_el_sigwinch) {
        panya_el_sigwinch = 0;
        el_resize(el);
        el_set(el, EL_REFRESH);
    }
    if (panya_el_sigcont) {
        // Continued after a stop the bridge did not see (kill -STOP / -CONT).
        panya_el_sigcont = 0;
        el_set(el, EL_PREP_TERM, 1);
        el_set(el, EL_REFRESH);
    }
    return 0;
}

// Replaces libedit's built-in character reader (EL_GETCFN). The built-in one treats the
// first EINTR of a read as "try again" and reads on, in cooked mode, after its EL_SIGNAL
// handler has already restored the tty: Ctrl-C would then leave the prompt hanging
// until Enter. And libedit's signal handlers are one-shot per `el_wgets` (each restores
// the previous handler before re-raising), which only the built-in reader re-arms.
// This reader fails with EINTR on Ctrl-C, so `el_wgets` returns NULL, and handles
// Ctrl-Z, SIGCONT and SIGWINCH itself, as often as they come, then reads on.
static int panya_read_char(EditLine *el, wchar_t *out) {
    int fd = fileno(stdin);
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    for (;;) {
        if (panya_el_handle_signals(el)) {
            errno = EINTR;
            *out = L'\0';
            return -1;
        }
        char byte;
        ssize_t n = read(fd, &byte, 1);
        if (n < 0) {
            if (errno == EINTR) continue; // handled at the top of the loop
            *out = L'\0';
            return -1;
        }
        if (n == 0) {
            *out = L'\0';
            return 0;
        }
        bytes[count++] = byte;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t used = mbrtowc(out, bytes, count, &state);
        if (used == (size_t)-2) {
            if (count < sizeof bytes) continue; // incomplete: read the next byte
            count = 0;
            continue;
        }
        if (used == (size_t)-1) {
            // Invalid sequence: keep the last byte in case it starts a new character.
            if (count > 1) {
                bytes[0] = bytes[count - 1];
                count = 1;
                memset(&state, 0, sizeof state);
                used = mbrtowc(out, bytes, 1, &state);
                if (used != (size_t)-1 && used != (size_t)-2) return 1;
                if (used == (size_t)-2) continue;
            }
            count = 0;
            continue;
        }
        if (used == 0) *out = L'\0';
        return 1;
    }
}

// MARK: open / close

static void panya_source_editrc(EditLine *el) {
    // el_source(el, NULL) reads $EDITRC when set, else $HOME/.editrc (Debian's libedit
    // looks both up with secure_getenv, so a set-uid program reads neither). Lines may
    // start with "panya:" to apply to panya only. A missing file returns -1: not an error.
    (void)el_source(el, NULL);
}

// libedit redraws an edited line with the terminal's insert/delete-character
// capabilities when it has them (xterm, screen, tmux); with double-width characters
// after the cursor that leaves the cursor a column off and stray cells on the screen
// (insert "X" before "ン" in "メロンパンabc", or delete "メ" in "aメロン"). Without them
// libedit rewrites the rest of the line instead, which is always right and costs a
// few bytes. An empty capability string counts as absent.
static void panya_disable_char_insert_delete(EditLine *el) {
    static const char *const capabilities[] = { "im", "ei", "ic", "IC", "dc", "DC", "dm", "ed" };
    for (size_t i = 0; i < sizeof capabilities / sizeof capabilities[0]; i++) {
        el_set(el, EL_SETTC, capabilities[i], "", NULL);
    }
}

panya_editor *panya_editor_open(const char *program_name, int history_size) {
    panya_editor *editor = calloc(1, sizeof *editor);
    if (editor == NULL) return NULL;
    editor->interactive = isatty(fileno(stdin)) && isatty(fileno(stdout));
    editor->history = history_init();
    if (editor->history == NULL) {
        free(editor);
        return NULL;
    }
    history(editor->history, &editor->event, H_SETSIZE, history_size > 0 ? history_size : 1000);
    history(editor->history, &editor->event, H_SETUNIQUE, 1);

    editor->el = el_init(program_name, stdin, stdout, stderr);
    if (editor->el == NULL) {
        history_end(editor->history);
        free(editor);
        return NULL;
    }
    EditLine *el = editor->el;
    el_set(el, EL_CLIENTDATA, (void *)editor);
    el_set(el, EL_EDITOR, "emacs");
    panya_disable_char_insert_delete(el);
    // EL_PROMPT_ESC: text between two \1 characters is printed but takes no columns,
    // so a coloured prompt ("\1\033[32m\1panya>\1\033[0m\1 ") keeps the cursor right.
    el_set(el, EL_PROMPT_ESC, panya_prompt_callback, '\1');
    el_set(el, EL_HIST, history, editor->history);
    // EL_SIGNAL: during el_wgets libedit catches SIGINT, SIGQUIT, SIGTSTP, SIGCONT,
    // SIGWINCH (and others), puts the tty back in cooked mode, restores the handler
    // that was there before and re-raises the signal to it (kill(0, signo)).
    el_set(el, EL_SIGNAL, 1);
    el_set(el, EL_GETCFN, panya_read_char);
    el_set(el, EL_ADDFN, "panya-complete", "Complete the word before the cursor", panya_complete_callback);
    el_set(el, EL_BIND, "^I", "panya-complete", NULL);
    // Emacs-style incremental reverse search; libedit's emacs map leaves ^R on redisplay.
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    panya_source_editrc(el);
    return editor;
}

void panya_editor_close(panya_editor *editor) {
    if (editor == NULL) return;
    if (editor->el != NULL) el_end(editor->el);
    if (editor->history != NULL) history_end(editor->history);
    free(editor->prompt);
    free(editor);
}

int panya_editor_is_interactive(const panya_editor *editor) {
    return editor != NULL && editor->interactive;
}

void panya_editor_set_prompt(panya_editor *editor, const char *prompt) {
    if (editor == NULL) return;
    char *copy = strdup(prompt != NULL ? prompt : "");
    if (copy == NULL) return;
    free(editor->prompt);
    editor->prompt = copy;
}

void panya_editor_set_completer(panya_editor *editor, panya_complete_fn hook, void *context) {
    if (editor == NULL) return;
    editor->complete = hook;
    editor->complete_context = context;
}

// MARK: reading

// Keys typed while a statement ran were echoed by the terminal (cooked mode) on the
// current line; libedit would print the prompt after them and then show the same keys
// again as it reads them, so "print(n" would appear twice. When input is waiting, the
// echo is wiped first (carriage return, erase to end of line) and libedit draws the
// prompt and the keys in place. In canonical mode FIONREAD counts only finished lines,
// so the check runs with ICANON off for a moment (the pending bytes stay queued).
// Only the last echoed line can be wiped; TERM=dumb gets the carriage return alone.
static void panya_editor_erase_typeahead_echo(panya_editor *editor) {
    int fd = fileno(stdin);
    struct termios saved;
    if (tcgetattr(fd, &saved) != 0) return;
    int pending = 0;
    if (saved.c_lflag & ICANON) {
        struct termios probe = saved;
        probe.c_lflag &= ~(tcflag_t)ICANON;
        probe.c_cc[VMIN] = 1;
        probe.c_cc[VTIME] = 0;
        if (tcsetattr(fd, TCSANOW, &probe) != 0) return;
        if (ioctl(fd, FIONREAD, &pending) != 0) pending = 0;
        tcsetattr(fd, TCSANOW, &saved);
    } else if (ioctl(fd, FIONREAD, &pending) != 0) {
        pending = 0;
    }
    if (pending <= 0) return;
    const char *term = getenv("TERM");
    int ansi = term != NULL && term[0] != '\0' && strcmp(term, "dumb") != 0;
    panya_editor_write(editor, ansi ? "\r\033[K" : "\r");
}

int panya_editor_gets(panya_editor *editor, const wchar_t **out_line, int *out_length) {
    *out_line = NULL;
    *out_length = 0;
    if (editor == NULL) return PANYA_GETS_END_OF_FILE;

    // The bridge's handlers go in first, so they are the "previous" handlers libedit's
    // EL_SIGNAL saves and re-raises to. The caller's (panya's interrupt flag, or the
    // default action that would kill the shell) are put back afterwards: a Ctrl-C typed
    // at the prompt never reaches them.
    struct sigaction callers[PANYA_EL_WATCHED];
    panya_el_sigint = panya_el_sigtstp = panya_el_sigcont = panya_el_sigwinch = 0;
    for (int i = 0; i < PANYA_EL_WATCHED; i++) {
        sigaction(panya_el_watched[i], NULL, &callers[i]);
        // A caller that ignores Ctrl-Z (no job control) keeps ignoring it.
        if (panya_el_watched[i] == SIGTSTP && callers[i].sa_handler == SIG_IGN) continue;
        panya_el_install(panya_el_watched[i]);
    }

    if (editor->interactive) {
        panya_editor_erase_typeahead_echo(editor);
        // Raw mode before the prompt is drawn. libedit would switch only after drawing it,
        // with tcsetattr(TCSADRAIN), which waits for the prompt to reach the terminal:
        // keys typed as soon as the prompt shows (a person on a slow machine, tmux tests)
        // could still meet cooked mode and be echoed twice, or ^D be taken as the tty's EOF.
        el_set(editor->el, EL_PREP_TERM, 1);
    }

    int count = 0;
    const wchar_t *line = el_wgets(editor->el, &count);
    int saved_errno = errno;
    int interrupted = panya_el_sigint;
    for (int i = 0; i < PANYA_EL_WATCHED; i++) sigaction(panya_el_watched[i], &callers[i], NULL);
    panya_el_sigint = panya_el_sigtstp = panya_el_sigcont = panya_el_sigwinch = 0;

    if (line != NULL && count > 0) {
        // The line was finished (Enter) before the Ctrl-C was seen: keep the line, and
        // pass the Ctrl-C on to the caller's handler, as if it came while that line ran.
        struct sigaction *caller = &callers[0]; // SIGINT
        int has_handler = (caller->sa_flags & SA_SIGINFO) ||
            (caller->sa_handler != SIG_DFL && caller->sa_handler != SIG_IGN);
        if (interrupted && has_handler) raise(SIGINT);
    } else if (interrupted) {
        return PANYA_GETS_INTERRUPTED;
    }
    if (line == NULL || count <= 0) {
        errno = saved_errno;
        return (count < 0 && saved_errno == EINTR) ? PANYA_GETS_INTERRUPTED : PANYA_GETS_END_OF_FILE;
    }
    int length = count;
    if (length > 0 && line[length - 1] == L'\n') length--;
    if (length > 0 && line[length - 1] == L'\r') length--;
    *out_line = line;
    *out_length = length;
    return PANYA_GETS_LINE;
}

// MARK: editing

void panya_editor_delete_before_cursor(panya_editor *editor, int count) {
    if (editor == NULL || count <= 0) return;
    el_deletestr(editor->el, count);
}

int panya_editor_insert(panya_editor *editor, const wchar_t *text) {
    if (editor == NULL || text == NULL || text[0] == L'\0') return 0;
    return el_winsertstr(editor->el, text);
}

void panya_editor_write(panya_editor *editor, const char *text) {
    FILE *out = stdout;
    if (editor != NULL) {
        FILE *fp = NULL;
        if (el_get(editor->el, EL_GETFP, 1, &fp) == 0 && fp != NULL) out = fp;
    }
    fputs(text, out);
    fflush(out);
}

int panya_editor_columns(panya_editor *editor) {
    int columns = 0;
    if (editor != NULL && el_get(editor->el, EL_GETTC, "co", &columns, NULL) == 0 && columns > 0) {
        return columns;
    }
    return 80;
}

// MARK: history

int panya_history_enter(panya_editor *editor, const char *entry) {
    if (editor == NULL || entry == NULL) return -1;
    return history(editor->history, &editor->event, H_ENTER, entry) < 0 ? -1 : 0;
}

int panya_history_load(panya_editor *editor, const char *path) {
    if (editor == NULL || path == NULL) return -1;
    return history(editor->history, &editor->event, H_LOAD, path);
}

int panya_history_save(panya_editor *editor, const char *path) {
    if (editor == NULL || path == NULL) return -1;
    return history(editor->history, &editor->event, H_SAVE, path);
}

int panya_history_count(panya_editor *editor) {
    if (editor == NULL) return 0;
    if (history(editor->history, &editor->event, H_GETSIZE) < 0) return 0;
    return editor->event.num;
}

const char *panya_history_oldest(panya_editor *editor) {
    if (editor == NULL) return NULL;
    // libedit's names run backwards: H_LAST is the oldest entry, H_PREV steps newer.
    if (history(editor->history, &editor->event, H_LAST) < 0) return NULL;
    return editor->event.str;
}

const char *panya_history_newer(panya_editor *editor) {
    if (editor == NULL) return NULL;
    if (history(editor->history, &editor->event, H_PREV) < 0) return NULL;
    return editor->event.str;
}

void panya_history_clear(panya_editor *editor) {
    if (editor == NULL) return;
    history(editor->history, &editor->event, H_CLEAR);
}
