/*
 * CJPEG: the bridge from Swift to libjpeg(-turbo).
 *
 * Why C and not Swift: libjpeg reports errors by calling `error_exit`, whose default calls
 * `exit()`. Recovering means `setjmp` before the call and `longjmp` out of the error handler,
 * and Swift can neither call `setjmp` safely nor be unwound by `longjmp`. So every libjpeg call
 * that can fail runs here, behind a setjmp-guarded error manager, and returns an error code with
 * libjpeg's own message (format_message) instead. A corrupt or truncated file never exits or
 * crashes the process.
 */
#ifndef PANYA_CJPEG_SHIM_H
#define PANYA_CJPEG_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Room for libjpeg's formatted messages (JMSG_LENGTH_MAX is 200). */
#define PANYA_JPEG_MESSAGE_CAPACITY 256

/* Return codes. */
#define PANYA_JPEG_OK 0
#define PANYA_JPEG_ERROR 1          /* libjpeg reported an error; the message says which */
#define PANYA_JPEG_WARNING 2        /* decoding "worked" but libjpeg warned (truncated/corrupt data) */
#define PANYA_JPEG_NO_MEMORY 3
#define PANYA_JPEG_BAD_ARGUMENT 4

/*
 * Reads the header only: width, height and the number of colour components in the file.
 * Returns PANYA_JPEG_OK or an error code with `message` filled.
 */
int panya_jpeg_read_header(const unsigned char *data, size_t size,
                           int *width, int *height, int *components,
                           char *message, size_t message_capacity);

/*
 * Decodes to packed RGB8 (grayscale expanded, CMYK/YCCK converted) into `rgb`, which must hold
 * width*height*3 bytes for the width and height panya_jpeg_read_header returned.
 * Any libjpeg warning (premature end of data, corrupt data) is reported as PANYA_JPEG_WARNING:
 * the service rejects such files, and so does panya.
 */
int panya_jpeg_decode_rgb(const unsigned char *data, size_t size,
                          unsigned char *rgb, int expected_width, int expected_height,
                          char *message, size_t message_capacity);

/*
 * The same at a reduced scale: 1/`scale_denom` (1, 2, 4 or 8) with libjpeg's scaled IDCT, into
 * `rgb` of panya_jpeg_scaled_side(width) * panya_jpeg_scaled_side(height) * 3 bytes. Every byte of
 * the entropy-coded data is still decoded (only the inverse DCT is smaller), so damage anywhere
 * is found exactly as at full scale.
 */
int panya_jpeg_decode_rgb_scaled(const unsigned char *data, size_t size,
                                 unsigned char *rgb, int expected_width, int expected_height, int scale_denom,
                                 char *message, size_t message_capacity);

/* A side's length at 1/`scale_denom`: rounded up, as libjpeg computes output_width. */
int panya_jpeg_scaled_side(int side, int scale_denom);

/*
 * The header as panya_jpeg_read_header reads it, plus the photo's EXIF data: libjpeg keeps the
 * APP1 markers (jpeg_save_markers) and the first one that starts with "Exif\0" has its TIFF
 * part (what follows the 6-byte identifier) copied into `exif`, at most `exif_capacity` bytes;
 * `*exif_length` is how many were copied (0 when the photo has no EXIF APP1 marker).
 */
int panya_jpeg_read_header_exif(const unsigned char *data, size_t size,
                                int *width, int *height, int *components,
                                unsigned char *exif, size_t exif_capacity, size_t *exif_length,
                                char *message, size_t message_capacity);

/*
 * Decodes at `eighths`/8 of the full size (1–8: libjpeg's DCT scaling with scale_num = eighths,
 * scale_denom = 8; 4/8 is the same as 1/2) into `rgb` of panya_jpeg_eighths_side(width) *
 * panya_jpeg_eighths_side(height) * 3 bytes. Otherwise as panya_jpeg_decode_rgb_scaled.
 */
int panya_jpeg_decode_rgb_eighths(const unsigned char *data, size_t size,
                                  unsigned char *rgb, int expected_width, int expected_height, int eighths,
                                  char *message, size_t message_capacity);

/* A side's length at `eighths`/8: side * eighths / 8 rounded up, as libjpeg computes output_width. */
int panya_jpeg_eighths_side(int side, int eighths);

/*
 * Encodes packed 8-bit pixels as a baseline JPEG at `quality` (1–100), deterministic
 * (integer DCT, default tables, no timestamps). `components` is 3 (RGB, the normal case),
 * 1 (grayscale) or 4 (CMYK, stored Adobe-style with 255 = no ink). On success `*out` is a
 * malloc'd buffer of `*out_size` bytes that the caller releases with panya_jpeg_free.
 */
int panya_jpeg_encode(const unsigned char *pixels, int width, int height, int components, int quality,
                          unsigned char **out, unsigned long *out_size,
                          char *message, size_t message_capacity);

/* Releases a buffer returned by panya_jpeg_encode. */
void panya_jpeg_free(unsigned char *buffer);

#ifdef __cplusplus
}
#endif

#endif
