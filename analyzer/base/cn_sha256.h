/*
 * cn_sha256: SHA-256 (FIPS 180-4) for stable ids and the rules fingerprint.
 * Small enough to carry rather than pull in a crypto library for one hash.
 */
#ifndef CN_SHA256_H
#define CN_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct cn_sha256_ctx {
    uint32_t state[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t fill;
} cn_sha256_ctx;

void cn_sha256_init(cn_sha256_ctx *ctx);
void cn_sha256_update(cn_sha256_ctx *ctx, const void *data, size_t len);
void cn_sha256_final(cn_sha256_ctx *ctx, unsigned char digest[32]);

/* One-shot digest as 64 lowercase hex digits plus NUL. */
void cn_sha256_hex(const void *data, size_t len, char hex[65]);

/* Hex of a finished digest, truncated to n digits (n <= 64) plus NUL. */
void cn_sha256_digest_hex(const unsigned char digest[32], char *hex, size_t n);

#endif
