/*
 * cn_error: how every fallible call of libconsensus reports failure.
 *
 * A call returns an int: CN_OK (0) on success, a negative cn_error_code on
 * failure, and fills the caller's cn_error with a human-readable message
 * ("FILE:LINE: what" where a place is known). There is no global "last error":
 * the caller owns the cn_error and passes it down.
 */
#ifndef CN_ERROR_H
#define CN_ERROR_H

#include <stddef.h>

typedef enum cn_error_code {
    CN_OK = 0,
    CN_ERR_IO = -1,      /* a file or folder could not be read or written */
    CN_ERR_FORMAT = -2,  /* input is malformed (page, CSV, JSON, rule file) */
    CN_ERR_NOMEM = -3,   /* allocation failed */
    CN_ERR_USAGE = -4,   /* a caller passed arguments that make no sense */
    CN_ERR_RULES = -5,   /* the rule set is invalid */
    CN_ERR_ENCODING = -6 /* input is not valid UTF-8 */
} cn_error_code;

#define CN_ERROR_MESSAGE_MAX 4096

typedef struct cn_error {
    int code;
    char message[CN_ERROR_MESSAGE_MAX];
} cn_error;

/* Reset to CN_OK with an empty message. err may be NULL. */
void cn_error_clear(cn_error *err);

/* Record code and a printf-style message; returns code so callers can write
 * `return cn_error_set(err, CN_ERR_IO, "%s: %s", path, strerror(errno));`.
 * err may be NULL (the message is then dropped). */
int cn_error_set(cn_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prefix the existing message with "prefix: " (adds context on the way up). */
void cn_error_prefix(cn_error *err, const char *prefix);

#endif
