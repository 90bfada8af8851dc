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

int panya_png_decode_rgb(const unsigned char *data, size_t size,
                         unsigned char *rgb, int expected_width, int expected_height,
                         char *message, size_t message_capacity) {
    if (data == NULL || size < 8 || png_sig_cmp(data, 0, 8) != 0 || rgb == NULL) {
        panya_copy_message("not a PNG signature", message, message_capacity);
        return PANYA_PNG_BAD_ARGUMENT;
    }
    panya_png_reader reader = { data, size, 0, { 0 } };
    /* volatile: assigned after setjmp, freed after a longjmp. */
    unsigned char *volatile rgba = NULL;
    png_bytep *volatile rows = NULL;
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
    rgba = (unsigned char *)malloc((size_t)width * (size_t)height * 4);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (size_t)height);
    if (rgba == NULL || rows == NULL) png_error(png, "out of memory");
    for (int y = 0; y < height; y++) rows[y] = rgba + (size_t)y * (size_t)width * 4;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    /* Composite over white with integer arithmetic (same bytes on every machine). */
    size_t count = (size_t)width * (size_t)height;
    for (size_t i = 0; i < count; i++) {
        unsigned int a = rgba[4 * i + 3];
        for (int c = 0; c < 3; c++) {
            unsigned int v = rgba[4 * i + c];
            rgb[3 * i + c] = (unsigned char)((v * a + 255u * (255u - a) + 127u) / 255u);
        }
    }
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    free(rgba);
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
