/*
 * CPNG: the bridge from Swift to libpng 1.6.
 *
 * Why C and not Swift: libpng reports errors through png_error, which longjmps to the
 * setjmp(png_jmpbuf(png)) of the caller (or aborts when there is none). Swift can neither call
 * setjmp safely nor be unwound by longjmp, so every libpng call that can fail runs here, behind
 * setjmp, with an error function that keeps libpng's message. A corrupt or truncated file
 * returns an error code and a message; it never aborts or crashes the process.
 */
#ifndef PANYA_CPNG_SHIM_H
#define PANYA_CPNG_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PANYA_PNG_MESSAGE_CAPACITY 256

#define PANYA_PNG_OK 0
#define PANYA_PNG_ERROR 1        /* libpng reported an error; the message says which */
#define PANYA_PNG_NO_MEMORY 3
#define PANYA_PNG_BAD_ARGUMENT 4

/* Reads the IHDR: width, height, bit depth and colour type (PNG_COLOR_TYPE_*). */
int panya_png_read_header(const unsigned char *data, size_t size,
                          int *width, int *height, int *bit_depth, int *color_type,
                          char *message, size_t message_capacity);

/*
 * Decodes to packed RGB8 into `rgb` (width*height*3 bytes): palette and low-bit gray expanded,
 * 16-bit scaled to 8, gray copied to RGB, alpha (and tRNS) composited over white (the tray).
 * Interlaced files are handled. The whole file must be intact up to IEND.
 */
int panya_png_decode_rgb(const unsigned char *data, size_t size,
                         unsigned char *rgb, int expected_width, int expected_height,
                         char *message, size_t message_capacity);

/*
 * The same at 1/`factor` (1 or more): each output pixel is the rounded average of a
 * factor×factor block (smaller at the right and bottom edges) of pixels composited over white,
 * into `rgb` of ceil(width/factor) * ceil(height/factor) * 3 bytes. PNG has no reduced decode:
 * every row is inflated and unfiltered (so damage anywhere is found); a non-interlaced file is
 * read one row at a time.
 */
int panya_png_decode_rgb_scaled(const unsigned char *data, size_t size,
                                unsigned char *rgb, int expected_width, int expected_height, int factor,
                                char *message, size_t message_capacity);

/*
 * Encodes packed RGB8 as an 8-bit RGB PNG, non-interlaced, zlib level 9, no time chunk, so the
 * same pixels give the same bytes. On success `*out` is a malloc'd buffer of `*out_size`
 * bytes that the caller releases with panya_png_free.
 */
int panya_png_encode_rgb(const unsigned char *rgb, int width, int height,
                         unsigned char **out, size_t *out_size,
                         char *message, size_t message_capacity);

/* Releases a buffer returned by panya_png_encode_rgb. */
void panya_png_free(unsigned char *buffer);

#ifdef __cplusplus
}
#endif

#endif
