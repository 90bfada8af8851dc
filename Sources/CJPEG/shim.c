/* See include/shim.h for why this is C: setjmp/longjmp around libjpeg's error_exit. */
#include "shim.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

/* libjpeg's error manager extended with the jump buffer and the first message. */
typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char message[PANYA_JPEG_MESSAGE_CAPACITY];
    int warned;
} panya_jpeg_error;

/* Replaces the default error_exit (which prints and calls exit()): keep the text, jump back. */
static void panya_jpeg_error_exit(j_common_ptr cinfo) {
    panya_jpeg_error *err = (panya_jpeg_error *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, err->message);
    longjmp(err->jump, 1);
}

/* Replaces emit_message: never print to stderr; remember the first warning (level -1). */
static void panya_jpeg_emit_message(j_common_ptr cinfo, int msg_level) {
    panya_jpeg_error *err = (panya_jpeg_error *)cinfo->err;
    if (msg_level < 0) {
        if (!err->warned) {
            (*cinfo->err->format_message)(cinfo, err->message);
            err->warned = 1;
        }
        cinfo->err->num_warnings++;
    }
}

static void panya_jpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

static void panya_jpeg_install(panya_jpeg_error *err) {
    memset(err, 0, sizeof(*err));
    jpeg_std_error(&err->base);
    err->base.error_exit = panya_jpeg_error_exit;
    err->base.emit_message = panya_jpeg_emit_message;
    err->base.output_message = panya_jpeg_output_message;
}

static void panya_copy_message(const char *from, char *to, size_t capacity) {
    if (to == NULL || capacity == 0) return;
    strncpy(to, from, capacity - 1);
    to[capacity - 1] = '\0';
}

int panya_jpeg_scaled_side(int side, int scale_denom) {
    return scale_denom <= 1 ? side : (side + scale_denom - 1) / scale_denom;
}

int panya_jpeg_read_header(const unsigned char *data, size_t size,
                           int *width, int *height, int *components,
                           char *message, size_t message_capacity) {
    if (data == NULL || size == 0) {
        panya_copy_message("empty input", message, message_capacity);
        return PANYA_JPEG_BAD_ARGUMENT;
    }
    struct jpeg_decompress_struct cinfo;
    panya_jpeg_error err;
    panya_jpeg_install(&err);
    cinfo.err = &err.base;
    if (setjmp(err.jump)) {
        panya_copy_message(err.message, message, message_capacity);
        jpeg_destroy_decompress(&cinfo);
        return PANYA_JPEG_ERROR;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    *width = (int)cinfo.image_width;
    *height = (int)cinfo.image_height;
    *components = cinfo.num_components;
    jpeg_destroy_decompress(&cinfo);
    return PANYA_JPEG_OK;
}

/* CMYK from Adobe files is stored inverted (0 = full ink); libjpeg passes it through as is. */
static void panya_cmyk_row_to_rgb(const unsigned char *cmyk, unsigned char *rgb, int width, int inverted) {
    for (int x = 0; x < width; x++) {
        int c = cmyk[4 * x], m = cmyk[4 * x + 1], y = cmyk[4 * x + 2], k = cmyk[4 * x + 3];
        if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
        rgb[3 * x] = (unsigned char)((c * k + 127) / 255);
        rgb[3 * x + 1] = (unsigned char)((m * k + 127) / 255);
        rgb[3 * x + 2] = (unsigned char)((y * k + 127) / 255);
    }
}

int panya_jpeg_decode_rgb(const unsigned char *data, size_t size,
                          unsigned char *rgb, int expected_width, int expected_height,
                          char *message, size_t message_capacity) {
    return panya_jpeg_decode_rgb_scaled(data, size, rgb, expected_width, expected_height, 1, message, message_capacity);
}

int panya_jpeg_eighths_side(int side, int eighths) {
    return (int)(((long)side * eighths + 7) / 8);
}

int panya_jpeg_read_header_exif(const unsigned char *data, size_t size,
                                int *width, int *height, int *components,
                                unsigned char *exif, size_t exif_capacity, size_t *exif_length,
                                char *message, size_t message_capacity) {
    *exif_length = 0;
    if (data == NULL || size == 0) {
        panya_copy_message("empty input", message, message_capacity);
        return PANYA_JPEG_BAD_ARGUMENT;
    }
    struct jpeg_decompress_struct cinfo;
    panya_jpeg_error err;
    panya_jpeg_install(&err);
    cinfo.err = &err.base;
    if (setjmp(err.jump)) {
        panya_copy_message(err.message, message, message_capacity);
        jpeg_destroy_decompress(&cinfo);
        return PANYA_JPEG_ERROR;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);
    *width = (int)cinfo.image_width;
    *height = (int)cinfo.image_height;
    *components = cinfo.num_components;
    for (jpeg_saved_marker_ptr marker = cinfo.marker_list; marker != NULL; marker = marker->next) {
        if (marker->marker != JPEG_APP0 + 1 || marker->data_length < 6
            || memcmp(marker->data, "Exif\0", 5) != 0) continue;
        size_t length = marker->data_length - 6;
        if (length > exif_capacity) length = exif_capacity;
        if (exif != NULL && length > 0) memcpy(exif, marker->data + 6, length);
        *exif_length = exif == NULL ? 0 : length;
        break;
    }
    jpeg_destroy_decompress(&cinfo);
    return PANYA_JPEG_OK;
}

int panya_jpeg_decode_rgb_scaled(const unsigned char *data, size_t size,
                                 unsigned char *rgb, int expected_width, int expected_height, int scale_denom,
                                 char *message, size_t message_capacity) {
    if (scale_denom != 1 && scale_denom != 2 && scale_denom != 4 && scale_denom != 8) {
        panya_copy_message("scale must be 1/1, 1/2, 1/4 or 1/8", message, message_capacity);
        return PANYA_JPEG_BAD_ARGUMENT;
    }
    return panya_jpeg_decode_rgb_eighths(data, size, rgb, expected_width, expected_height, 8 / scale_denom,
                                         message, message_capacity);
}

int panya_jpeg_decode_rgb_eighths(const unsigned char *data, size_t size,
                                  unsigned char *rgb, int expected_width, int expected_height, int eighths,
                                  char *message, size_t message_capacity) {
    if (eighths < 1 || eighths > 8) {
        panya_copy_message("scale must be 1/8 to 8/8", message, message_capacity);
        return PANYA_JPEG_BAD_ARGUMENT;
    }
    if (data == NULL || size == 0 || rgb == NULL) {
        panya_copy_message("empty input", message, message_capacity);
        return PANYA_JPEG_BAD_ARGUMENT;
    }
    struct jpeg_decompress_struct cinfo;
    panya_jpeg_error err;
    /* volatile: modified between setjmp and longjmp, read after the jump. */
    unsigned char *volatile cmyk_row = NULL;
    panya_jpeg_install(&err);
    cinfo.err = &err.base;
    if (setjmp(err.jump)) {
        panya_copy_message(err.message, message, message_capacity);
        jpeg_destroy_decompress(&cinfo);
        free(cmyk_row);
        return PANYA_JPEG_ERROR;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    if ((int)cinfo.image_width != expected_width || (int)cinfo.image_height != expected_height) {
        panya_copy_message("image size changed between header and decode", message, message_capacity);
        jpeg_destroy_decompress(&cinfo);
        return PANYA_JPEG_BAD_ARGUMENT;
    }
    int is_cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    int inverted = cinfo.saw_Adobe_marker;
    cinfo.out_color_space = is_cmyk ? JCS_CMYK : JCS_RGB; /* grayscale → RGB is built in */
    cinfo.dct_method = JDCT_ISLOW;
    cinfo.scale_num = (unsigned int)eighths;
    cinfo.scale_denom = 8;
    jpeg_start_decompress(&cinfo);
    int width = (int)cinfo.output_width;
    if (width != panya_jpeg_eighths_side(expected_width, eighths)
        || (int)cinfo.output_height != panya_jpeg_eighths_side(expected_height, eighths)) {
        panya_copy_message("unexpected output size at this scale", message, message_capacity);
        jpeg_destroy_decompress(&cinfo);
        return PANYA_JPEG_BAD_ARGUMENT;
    }
    if (is_cmyk) {
        cmyk_row = (unsigned char *)malloc((size_t)width * 4);
        if (cmyk_row == NULL) {
            jpeg_destroy_decompress(&cinfo);
            panya_copy_message("out of memory", message, message_capacity);
            return PANYA_JPEG_NO_MEMORY;
        }
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        unsigned char *out_row = rgb + (size_t)cinfo.output_scanline * (size_t)width * 3;
        if (is_cmyk) {
            JSAMPROW row = cmyk_row;
            jpeg_read_scanlines(&cinfo, &row, 1);
            panya_cmyk_row_to_rgb(cmyk_row, out_row, width, inverted);
        } else {
            JSAMPROW row = out_row;
            jpeg_read_scanlines(&cinfo, &row, 1);
        }
    }
    jpeg_finish_decompress(&cinfo);
    int warned = err.warned;
    if (warned) panya_copy_message(err.message, message, message_capacity);
    jpeg_destroy_decompress(&cinfo);
    free(cmyk_row);
    return warned ? PANYA_JPEG_WARNING : PANYA_JPEG_OK;
}

int panya_jpeg_encode(const unsigned char *pixels, int width, int height, int components, int quality,
                      unsigned char **out, unsigned long *out_size,
                      char *message, size_t message_capacity) {
    if (pixels == NULL || width <= 0 || height <= 0 || out == NULL || out_size == NULL
        || (components != 1 && components != 3 && components != 4)) {
        panya_copy_message("nothing to encode", message, message_capacity);
        return PANYA_JPEG_BAD_ARGUMENT;
    }
    struct jpeg_compress_struct cinfo;
    panya_jpeg_error err;
    /* jpeg_mem_dest grows this buffer through its address, so it lives in memory (not a register)
       and is still valid after a longjmp. */
    unsigned char *buffer = NULL;
    unsigned long size = 0;
    panya_jpeg_install(&err);
    cinfo.err = &err.base;
    if (setjmp(err.jump)) {
        panya_copy_message(err.message, message, message_capacity);
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return PANYA_JPEG_ERROR;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = components;
    cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : (components == 4 ? JCS_CMYK : JCS_RGB);
    jpeg_set_defaults(&cinfo); /* for CMYK this also writes the Adobe marker */
    cinfo.dct_method = JDCT_ISLOW;
    jpeg_set_quality(&cinfo, quality < 1 ? 1 : (quality > 100 ? 100 : quality), TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * (size_t)width * (size_t)components);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out = buffer;
    *out_size = size;
    return PANYA_JPEG_OK;
}

void panya_jpeg_free(unsigned char *buffer) { free(buffer); }
