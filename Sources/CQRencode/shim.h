/*
 * CQRencode: Debian's libqrencode (libqrencode-dev), the QR code encoder behind the class URL's
 * code in the terminal. Its API is plain C (no callbacks, no variadic functions, no longjmp), so
 * Swift calls it directly through this system-library module.
 */
#ifndef PANYA_CQRENCODE_SHIM_H
#define PANYA_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
