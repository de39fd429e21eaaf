/* cn_error: error codes and caller-owned error messages. */
#include "cn_error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void cn_error_clear(cn_error *err)
{
    if (!err)
        return;
    err->code = CN_OK;
    err->message[0] = '\0';
}

int cn_error_set(cn_error *err, int code, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

void cn_error_prefix(cn_error *err, const char *prefix)
{
    if (!err || !prefix)
        return;
    char tmp[CN_ERROR_MESSAGE_MAX];
    size_t n = strlen(prefix);
    if (n > sizeof tmp - 3)
        n = sizeof tmp - 3;
    memcpy(tmp, prefix, n);
    tmp[n++] = ':';
    tmp[n++] = ' ';
    size_t rest = strlen(err->message);
    if (rest > sizeof tmp - 1 - n)
        rest = sizeof tmp - 1 - n;
    memcpy(tmp + n, err->message, rest);
    tmp[n + rest] = '\0';
    memcpy(err->message, tmp, sizeof tmp);
}
