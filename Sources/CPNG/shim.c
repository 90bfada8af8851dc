/* See include/shim.h for why this is C: setjmp(png_jmpbuf) around every libpng call. */
#include "shim.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <png.h>

/* What the error and I/O callbacks share: the input cursor and the first message. */
typedef struct {
    const unsigned char *data;
    size_t size;
    size_t offset;
    char message[PANYA_PNG_MESSAGE_CAPACITY];
} panya_png_reader;

typedef struct {
    unsigned char *data;
    size_t size;
    size_t capacity;
    int failed;
    char message[PANYA_PNG_MESSAGE_CAPACITY];
} panya_png_writer;

static void panya_copy_message(const char *from, char *to, size_t capacity) {
    if (to == NULL || capacity == 0) return;
    strncpy(to, from, capacity - 1);
    to[capacity - 1] = '\0';
}

/* png_error lands here: keep the message, then longjmp to the caller's setjmp. */
static void panya_png_read_error(png_structp png, png_const_charp text) {
    panya_png_reader *reader = (panya_png_reader *)png_get_error_ptr(png);
    if (reader != NULL && reader->message[0] == '\0') panya_copy_message(text, reader->message, sizeof reader->message);
    png_longjmp(png, 1);
}

static void panya_png_write_error(png_structp png, png_const_charp text) {
    panya_png_writer *writer = (panya_png_writer *)png_get_error_ptr(png);
    if (writer != NULL && writer->message[0] == '\0') panya_copy_message(text, writer->message, sizeof writer->message);
    png_longjmp(png, 1);
}

/* Warnings (bad ancillary chunks, sRGB profile remarks) are not fatal and never printed. */
static void panya_png_warning(png_structp png, png_const_charp text) { (void)png; (void)text; }

/* Reads from memory; running out of bytes is a truncated file: png_error. */
static void panya_png_read_data(png_structp png, png_bytep out, png_size_t length) {
    panya_png_reader *reader = (panya_png_reader *)png_get_io_ptr(png);
    if (reader->size - reader->offset < length) {
        png_error(png, "unexpected end of file (truncated PNG)");
        return;
    }
    memcpy(out, reader->data + reader->offset, length);
    reader->offset += length;
}

static void panya_png_write_data(png_structp png, png_bytep in, png_size_t length) {
    panya_png_writer *writer = (panya_png_writer *)png_get_io_ptr(png);
    if (writer->capacity - writer->size < length) {
        size_t capacity = writer->capacity ? writer->capacity : 65536;
        while (capacity - writer->size < length) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(writer->data, capacity);
        if (grown == NULL) {
            writer->failed = 1;
            png_error(png, "out of memory");
            return;
        }
        writer->data = grown;
        writer->capacity = capacity;
    }
    memcpy(writer->data + writer->size, in, length);
    writer->size += length;
}

static void panya_png_flush(png_structp png) { (void)png; }

int panya_png_read_header(const unsigned char *data, size_t size,
                          int *width, int *height, int *bit_depth, int *color_type,
                          char *message, size_t message_capacity) {
    if (data == NULL || size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        panya_copy_message("not a PNG signature", message, message_capacity);
        return PANYA_PNG_BAD_ARGUMENT;
    }
    panya_png_reader reader = { data, size, 0, { 0 } };
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, panya_png_read_error, panya_png_warning);
    if (png == NULL) {
        panya_copy_message("out of memory", message, message_capacity);
        return PANYA_PNG_NO_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        panya_copy_message("out of memory", message, message_capacity);
        return PANYA_PNG_NO_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        panya_copy_message(reader.message, message, message_capacity);
        png_destroy_read_struct(&png, &info, NULL);
        return PANYA_PNG_ERROR;
    }
    png_set_read_fn(png, &reader, panya_png_read_data);
    png_read_info(png, info);
    *width = (int)png_get_image_width(png, info);
    *height = (int)png_get_image_height(png, info);
    *bit_depth = png_get_bit_depth(png, info);
    *color_type = png_get_color_type(png, info);
    png_destroy_read_struct(&png, &info, NULL);
    return PANYA_PNG_OK;
}

/* Alpha over white, integer arithmetic (same bytes on every machine). */
static unsigned char panya_over_white(unsigned int v, unsigned int a) {
    return (unsigned char)((v * a + 255u * (255u - a) + 127u) / 255u);
}

/* Adds one decoded RGBA row, composited over white, into the band sums of 1/factor columns. */
static void panya_png_accumulate(const unsigned char *rgba, int width, int factor, unsigned int *sums) {
    for (int x = 0; x < width; x++) {
        unsigned int a = rgba[4 * x + 3];
        unsigned int *sum = sums + 3 * (x / factor);
        if (a == 255) {
            /* Opaque (every pixel of an RGB file): over white is the colour itself. */
            for (int c = 0; c < 3; c++) sum[c] += rgba[4 * x + c];
        } else {
            for (int c = 0; c < 3; c++) sum[c] += panya_over_white(rgba[4 * x + c], a);
        }
    }
}

/* Writes one output row of averages (each block's pixel count) and clears the sums. */
static void panya_png_emit_band(unsigned int *sums, int width, int rows, int factor, unsigned char *out) {
    int out_width = (width + factor - 1) / factor;
    for (int ox = 0; ox < out_width; ox++) {
        int columns = (ox + 1) * factor <= width ? factor : width - ox * factor;
        unsigned int count = (unsigned int)(columns * rows);
        for (int c = 0; c < 3; c++) {
            out[3 * ox + c] = (unsigned char)((sums[3 * ox + c] + count / 2) / count);
            sums[3 * ox + c] = 0;
        }
    }
}

int panya_png_decode_rgb(const unsigned char *data, size_t size,
                         unsigned char *rgb, int expected_width, int expected_height,
                         char *message, size_t message_capacity) {
    return panya_png_decode_rgb_scaled(data, size, rgb, expected_width, expected_height, 1, message, message_capacity);
}

int panya_png_decode_rgb_scaled(const unsigned char *data, size_t size,
                                unsigned char *rgb, int expected_width, int expected_height, int factor,
                                char *message, size_t message_capacity) {
    if (data == NULL || size < 8 || png_sig_cmp(data, 0, 8) != 0 || rgb == NULL || factor < 1) {
        panya_copy_message("not a PNG signature", message, message_capacity);
        return PANYA_PNG_BAD_ARGUMENT;
    }
    panya_png_reader reader = { data, size, 0, { 0 } };
    /* volatile: assigned after setjmp, freed after a longjmp. */
    unsigned char *volatile rgba = NULL;
    png_bytep *volatile rows = NULL;
    unsigned int *volatile sums = NULL;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &reader, panya_png_read_error, panya_png_warning);
    if (png == NULL) {
        panya_copy_message("out of memory", message, message_capacity);
        return PANYA_PNG_NO_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        panya_copy_message("out of memory", message, message_capacity);
        return PANYA_PNG_NO_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        panya_copy_message(reader.message, message, message_capacity);
        png_destroy_read_struct(&png, &info, NULL);
        free(rows);
        free(rgba);
        free(sums);
        return PANYA_PNG_ERROR;
    }
    png_set_read_fn(png, &reader, panya_png_read_data);
    png_read_info(png, info);
    int width = (int)png_get_image_width(png, info);
    int height = (int)png_get_image_height(png, info);
    if (width != expected_width || height != expected_height) {
        png_destroy_read_struct(&png, &info, NULL);
        panya_copy_message("image size changed between header and decode", message, message_capacity);
        return PANYA_PNG_BAD_ARGUMENT;
    }
    int color_type = png_get_color_type(png, info);
    int interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    /* Everything becomes 8-bit RGBA: expand palette/low-bit gray/tRNS, scale 16 → 8, gray → RGB. */
    png_set_expand(png);
    png_set_scale_16(png);
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)width * 4) {
        png_error(png, "unexpected row layout after conversion");
    }
    int out_width = (width + factor - 1) / factor;
    sums = (unsigned int *)calloc((size_t)out_width * 3, sizeof(unsigned int));
    if (sums == NULL) png_error(png, "out of memory");
    if (interlaced) {
        /* Every pass writes into the whole picture: keep it all, then average it. */
        rgba = (unsigned char *)malloc((size_t)width * (size_t)height * 4);
        rows = (png_bytep *)malloc(sizeof(png_bytep) * (size_t)height);
        if (rgba == NULL || rows == NULL) png_error(png, "out of memory");
        for (int y = 0; y < height; y++) rows[y] = rgba + (size_t)y * (size_t)width * 4;
        png_read_image(png, rows);
    } else {
        /* One row at a time: the memory is one row and one band of sums, whatever the size. */
        rgba = (unsigned char *)malloc((size_t)width * 4);
        if (rgba == NULL) png_error(png, "out of memory");
    }
    int band_rows = 0;
    for (int y = 0; y < height; y++) {
        const unsigned char *row = interlaced ? rows[y] : rgba;
        if (!interlaced) png_read_row(png, rgba, NULL);
        panya_png_accumulate(row, width, factor, sums);
        band_rows++;
        if (band_rows == factor || y == height - 1) {
            panya_png_emit_band(sums, width, band_rows, factor, rgb + (size_t)(y / factor) * (size_t)out_width * 3);
            band_rows = 0;
        }
    }
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    free(rgba);
    free(sums);
    return PANYA_PNG_OK;
}

int panya_png_encode_rgb(const unsigned char *rgb, int width, int height,
                         unsigned char **out, size_t *out_size,
                         char *message, size_t message_capacity) {
    if (rgb == NULL || width <= 0 || height <= 0 || out == NULL || out_size == NULL) {
        panya_copy_message("nothing to encode", message, message_capacity);
        return PANYA_PNG_BAD_ARGUMENT;
    }
    panya_png_writer writer;
    memset(&writer, 0, sizeof writer);
    png_bytep *volatile rows = NULL;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &writer, panya_png_write_error, panya_png_warning);
    if (png == NULL) {
        panya_copy_message("out of memory", message, message_capacity);
        return PANYA_PNG_NO_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        panya_copy_message("out of memory", message, message_capacity);
        return PANYA_PNG_NO_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        panya_copy_message(writer.message, message, message_capacity);
        png_destroy_write_struct(&png, &info);
        free(rows);
        free(writer.data);
        return PANYA_PNG_ERROR;
    }
    png_set_write_fn(png, &writer, panya_png_write_data, panya_png_flush);
    png_set_compression_level(png, 9);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (size_t)height);
    if (rows == NULL) png_error(png, "out of memory");
    for (int y = 0; y < height; y++) rows[y] = (png_bytep)(rgb + (size_t)y * (size_t)width * 3);
    png_set_rows(png, info, rows);
    png_write_png(png, info, PNG_TRANSFORM_IDENTITY, NULL);
    png_destroy_write_struct(&png, &info);
    free(rows);
    *out = writer.data;
    *out_size = writer.size;
    return PANYA_PNG_OK;
}

void panya_png_free(unsigned char *buffer) { free(buffer); }
