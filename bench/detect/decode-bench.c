/*
 * In-process decode/validate cost of the photo checks detect makes, through panya's own C
 * bridges (Sources/CJPEG, Sources/CPNG): the same calls Photo.decode and Photo.validate make,
 * without the Swift wrapper (one array allocation). Built and run by bench/detect/run.sh:
 *   cc -O2 -c -I Sources/CJPEG/include Sources/CJPEG/shim.c -o cjpeg.o
 *   cc -O2 -c -I Sources/CPNG/include Sources/CPNG/shim.c -o cpng.o
 *   cc -O2 bench/detect/decode-bench.c cjpeg.o cpng.o -ljpeg -lpng16 -o decode-bench
 *   ./decode-bench lessons/photos/breads3.jpg lessons/photos/breads3.png [RUNS]
 * Prints the median CPU time of RUNS (default 50) calls for each scale (CPU time, so other
 * processes on a shared machine do not inflate it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../../Sources/CJPEG/include/shim.h"
#include "../../Sources/CPNG/include/shim.h"

static unsigned char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *data = malloc((size_t)n);
    if (fread(data, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
    fclose(f);
    *size = (size_t)n;
    return data;
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); /* CPU time: stable on a shared machine */
    return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *values, int n) {
    qsort(values, (size_t)n, sizeof *values, compare);
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s PHOTO.jpg PHOTO.png [RUNS]\n", argv[0]); return 2; }
    int runs = argc > 3 ? atoi(argv[3]) : 50;
    if (runs < 1) runs = 1;
    double *times = malloc(sizeof(double) * (size_t)runs);
    char message[256];
    size_t jpeg_size, png_size;
    unsigned char *jpeg = read_file(argv[1], &jpeg_size);
    unsigned char *png = read_file(argv[2], &png_size);
    int w, h, c, depth, type;
    if (panya_jpeg_read_header(jpeg, jpeg_size, &w, &h, &c, message, sizeof message) != PANYA_JPEG_OK) { fprintf(stderr, "%s\n", message); return 1; }
    int scales[] = {1, 2, 4, 8};
    for (int s = 0; s < 4; s++) {
        int scale = scales[s];
        size_t bytes = (size_t)panya_jpeg_scaled_side(w, scale) * (size_t)panya_jpeg_scaled_side(h, scale) * 3;
        for (int i = 0; i < runs; i++) {
            double start = now_ms();
            unsigned char *rgb = calloc(bytes, 1);
            int status = panya_jpeg_decode_rgb_scaled(jpeg, jpeg_size, rgb, w, h, scale, message, sizeof message);
            free(rgb);
            times[i] = now_ms() - start;
            if (status != PANYA_JPEG_OK) { fprintf(stderr, "%s\n", message); return 1; }
        }
        printf("JPEG %dx%d (%zu bytes) at 1/%d%s: median %.2f ms\n", w, h, jpeg_size, scale,
               scale == 8 ? " (validate)" : scale == 1 ? " (full decode)" : "", median(times, runs));
    }
    if (panya_png_read_header(png, png_size, &w, &h, &depth, &type, message, sizeof message) != PANYA_PNG_OK) { fprintf(stderr, "%s\n", message); return 1; }
    for (int s = 0; s < 4; s += 3) {
        int scale = scales[s];
        size_t bytes = (size_t)((w + scale - 1) / scale) * (size_t)((h + scale - 1) / scale) * 3;
        for (int i = 0; i < runs; i++) {
            double start = now_ms();
            unsigned char *rgb = calloc(bytes, 1);
            int status = panya_png_decode_rgb_scaled(png, png_size, rgb, w, h, scale, message, sizeof message);
            free(rgb);
            times[i] = now_ms() - start;
            if (status != PANYA_PNG_OK) { fprintf(stderr, "%s\n", message); return 1; }
        }
        printf("PNG %dx%d (%zu bytes) at 1/%d%s: median %.2f ms\n", w, h, png_size, scale,
               scale == 8 ? " (validate)" : " (full decode)", median(times, runs));
    }
    free(times);
    free(jpeg);
    free(png);
    return 0;
}
