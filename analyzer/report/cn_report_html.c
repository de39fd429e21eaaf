/* cn_report_html: report.html through reports/report.xsl (libxslt), or
 * written directly when the stylesheet is the one cn_html_page mirrors. */
#include "cn_report_html.h"

#include "cn_config.h"
#include "cn_file.h"
#include "cn_html_page.h"
#include "cn_report_xml.h"
#include "cn_sha256.h"

#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deep enough for the stylesheet's recursive highlighter on answers with a
 * few thousand evidence spans; libxslt's defaults (3000 / 15000) are not. */
enum { MAX_TEMPLATE_DEPTH = 20000, MAX_TEMPLATE_VARS = 200000 };

struct cn_report_html {
    char *path;
    xsltStylesheetPtr style;
    bool direct;  /* the stylesheet is the one cn_html_page mirrors */
    char *css;    /* its "css" template's text (direct only) */
    char *script; /* its "script" template's text (direct only) */
};

/* The first diagnostic libxml2 or libxslt reports during one call; later
 * ones add nothing an editor needs. libxslt writes a message as a place line
 * ("runtime error: file F line N element E") and then the reason, so the
 * first two lines are kept, joined by ": ". Filled by the callbacks below. */
typedef struct diag {
    char text[512];
    size_t len;
    int lines;   /* complete lines kept */
    bool closed; /* the message is complete */
} diag;

static void diag_append(diag *d, const char *s)
{
    for (; *s && !d->closed && d->len + 3 < sizeof d->text; s++) {
        if (*s == '\n') {
            if (d->len > 0 && (d->len < 2 || strcmp(d->text + d->len - 2, ": ") != 0)) {
                if (++d->lines == 2)
                    d->closed = true;
                else {
                    d->text[d->len++] = ':';
                    d->text[d->len++] = ' ';
                }
            }
            continue;
        }
        d->text[d->len++] = *s;
    }
    d->text[d->len] = '\0';
}

/* libxslt's generic error callback: printf-style fragments. */
static void diag_generic(void *ctx, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    diag_append(ctx, buf);
}

/* libxml2's structured error callback for a parser context (ctx is the
 * context, which carries our diag in _private): one whole error with its line. */
static void diag_structured(void *ctx, xmlErrorPtr e)
{
    diag *d = ((xmlParserCtxtPtr)ctx)->_private;
    if (d->closed || !e || !e->message)
        return;
    char buf[512];
    snprintf(buf, sizeof buf, "%d: %s", e->line, e->message);
    diag_append(d, buf);
    d->closed = true;
}

/* The message without a dangling ": ", or fallback when there is none. */
static const char *diag_or(diag *d, const char *fallback)
{
    while (d->len >= 2 && strcmp(d->text + d->len - 2, ": ") == 0)
        d->text[d->len -= 2] = '\0';
    return d->len ? d->text : fallback;
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *join_path(const char *dir, const char *tail)
{
    size_t n = strlen(dir) + strlen(tail) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", dir, tail);
    return s;
}

int cn_report_html_find(const char *rules_dir, char **path, cn_error *err)
{
    /* Beside the rules first (a customised copy travels with its rules), then
     * the installed copy, then the source tree of a build that was never
     * installed. */
    *path = NULL;
    char *places[3] = {
        join_path(rules_dir && *rules_dir ? rules_dir : ".",
                  "../reports/" CN_REPORT_HTML_STYLESHEET),
        join_path(cn_default_schema_dir(), CN_REPORT_HTML_STYLESHEET),
        join_path(cn_source_schema_dir(), CN_REPORT_HTML_STYLESHEET),
    };
    int rc = CN_OK;
    if (!places[0] || !places[1] || !places[2]) {
        rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    } else {
        for (size_t i = 0; i < 3 && !*path; i++) {
            if (is_file(places[i])) {
                *path = places[i];
                places[i] = NULL;
            }
        }
        if (!*path)
            rc = cn_error_set(err, CN_ERR_IO, "no HTML stylesheet: there is no %s, nor %s, nor %s",
                              places[0], places[1], places[2]);
    }
    for (size_t i = 0; i < 3; i++)
        free(places[i]);
    return rc;
}

/* Parse an XML file or buffer with errors routed into d and no network. */
static xmlDocPtr parse_xml(const char *path, const char *buf, size_t len, diag *d)
{
    xmlParserCtxtPtr pc = xmlNewParserCtxt();
    if (!pc)
        return NULL;
    pc->sax->serror = diag_structured;
    pc->sax->error = NULL;
    pc->sax->warning = NULL;
    pc->_private = d;
    int opts = XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOWARNING;
    xmlDocPtr doc = buf ? xmlCtxtReadMemory(pc, buf, (int)len, path, NULL, opts)
                        : xmlCtxtReadFile(pc, path, NULL, opts);
    if (doc && !pc->wellFormed) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(pc);
    return doc;
}

/* Whether the stylesheet's bytes are those cn_html_page mirrors. */
static int check_mirrored(cn_report_html *h, cn_error *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc = cn_file_read(h->path, CN_ERR_IO, &data, &len, err);
    if (rc != CN_OK)
        return rc;
    char hex[65];
    cn_sha256_hex(data, len, hex);
    free(data);
    h->direct = strcmp(hex, CN_HTML_PAGE_STYLESHEET_SHA256) == 0;
    return CN_OK;
}

/* The first xsl:template named name in the stylesheet document. */
static xmlNodePtr named_template(xmlDocPtr doc, const char *name)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "template") != 0)
            continue;
        xmlChar *v = xmlGetProp(n, (const xmlChar *)"name");
        bool hit = v && strcmp((const char *)v, name) == 0;
        xmlFree(v);
        if (hit)
            return n;
    }
    return NULL;
}

/* A malloc'd copy of the text content of node (NULL: ""). */
static char *text_of(xmlNodePtr node)
{
    xmlChar *t = node ? xmlNodeGetContent(node) : NULL;
    char *copy = strdup(t ? (const char *)t : "");
    xmlFree(t);
    return copy;
}

/* The static text the page takes from the stylesheet: the CSS and the script
 * (whose SHA-256 the page's Content-Security-Policy names). */
static bool take_assets(cn_report_html *h, xmlDocPtr doc)
{
    xmlNodePtr script = named_template(doc, "script");
    xmlNodePtr text = NULL;
    for (xmlNodePtr n = script ? script->children : NULL; n && !text; n = n->next)
        for (xmlNodePtr m = n->children; m && !text; m = m->next)
            if (m->type == XML_ELEMENT_NODE && strcmp((const char *)m->name, "text") == 0)
                text = m;
    h->css = text_of(named_template(doc, "css"));
    h->script = text_of(text);
    return h->css && h->script;
}

int cn_report_html_new(const char *xsl_path, cn_report_html **out, cn_error *err)
{
    *out = NULL;
    if (!is_file(xsl_path))
        return cn_error_set(err, CN_ERR_IO, "%s: no such stylesheet file", xsl_path);
    cn_report_html *h = calloc(1, sizeof *h);
    if (!h || !(h->path = strdup(xsl_path))) {
        free(h);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    int rc = check_mirrored(h, err);
    if (rc != CN_OK) {
        cn_report_html_free(h);
        return rc;
    }
    diag d = {0};
    xmlDocPtr doc = parse_xml(xsl_path, NULL, 0, &d);
    if (!doc) {
        cn_error_set(err, CN_ERR_FORMAT, "%s:%s", xsl_path, diag_or(&d, " cannot be parsed"));
        cn_report_html_free(h);
        return CN_ERR_FORMAT;
    }
    if (h->direct && !take_assets(h, doc)) {
        xmlFreeDoc(doc);
        cn_report_html_free(h);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    /* Compile errors go to libxslt's process-wide channel (stderr); it is not
     * redirected here because that would change global state. */
    h->style = xsltParseStylesheetDoc(doc);
    if (!h->style || h->style->errors) {
        if (h->style)
            xsltFreeStylesheet(h->style); /* frees doc too */
        else
            xmlFreeDoc(doc);
        h->style = NULL;
        cn_error_set(err, CN_ERR_FORMAT,
                     "%s: not a valid XSLT stylesheet (libxslt's messages are above)", xsl_path);
        cn_report_html_free(h);
        return CN_ERR_FORMAT;
    }
    *out = h;
    return CN_OK;
}

/* A transformation context that may touch neither files nor the network. */
static xsltTransformContextPtr sandboxed_context(xsltStylesheetPtr style, xmlDocPtr doc,
                                                 xsltSecurityPrefsPtr *sec, diag *d)
{
    *sec = xsltNewSecurityPrefs();
    xsltTransformContextPtr tc = xsltNewTransformContext(style, doc);
    if (!*sec || !tc) {
        xsltFreeSecurityPrefs(*sec);
        *sec = NULL;
        xsltFreeTransformContext(tc);
        return NULL;
    }
    static const xsltSecurityOption FORBIDDEN[] = {
        XSLT_SECPREF_READ_FILE,    XSLT_SECPREF_WRITE_FILE,    XSLT_SECPREF_CREATE_DIRECTORY,
        XSLT_SECPREF_READ_NETWORK, XSLT_SECPREF_WRITE_NETWORK,
    };
    for (size_t i = 0; i < sizeof FORBIDDEN / sizeof FORBIDDEN[0]; i++)
        xsltSetSecurityPrefs(*sec, FORBIDDEN[i], xsltSecurityForbid);
    xsltSetCtxtSecurityPrefs(*sec, tc);
    xsltSetTransformErrorFunc(tc, d, diag_generic);
    tc->maxTemplateDepth = MAX_TEMPLATE_DEPTH;
    tc->maxTemplateVars = MAX_TEMPLATE_VARS;
    return tc;
}

/* A growing malloc'd buffer that libxml2's output writes into, so the page is
 * held once (xsltSaveResultToString would need a copy to become the caller's
 * malloc'd text). */
typedef struct membuf {
    char *data;
    size_t len, cap;
    bool oom;
} membuf;

static int membuf_write(void *ctx, const char *chunk, int n)
{
    membuf *m = ctx;
    if (n < 0 || m->oom)
        return -1;
    size_t need = m->len + (size_t)n + 1;
    if (need > m->cap) {
        size_t cap = m->cap ? m->cap : 65536;
        while (cap < need)
            cap *= 2;
        char *p = realloc(m->data, cap);
        if (!p) {
            m->oom = true;
            return -1;
        }
        m->data = p;
        m->cap = cap;
    }
    memcpy(m->data + m->len, chunk, (size_t)n);
    m->len += (size_t)n;
    m->data[m->len] = '\0';
    return n;
}

static int membuf_close(void *ctx)
{
    (void)ctx;
    return 0;
}

/* Serialize the result with the stylesheet's xsl:output (HTML, UTF-8). */
static int serialize(xmlDocPtr result, xsltStylesheetPtr style, char **out, size_t *len,
                     cn_error *err)
{
    membuf m = {0};
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(membuf_write, membuf_close, &m, NULL);
    if (!ob)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    int written = xsltSaveResultTo(ob, result, style);
    int closed = xmlOutputBufferClose(ob);
    if (written < 0 || closed < 0 || m.oom || !m.data) {
        free(m.data);
        return cn_error_set(err, CN_ERR_NOMEM, "report.html: cannot serialize the page");
    }
    *out = m.data;
    *len = m.len;
    return CN_OK;
}

int cn_report_html_render(cn_report_html *h, const char *xml, size_t xml_len, char **out,
                          size_t *len, cn_error *err)
{
    *out = NULL;
    *len = 0;
    if (xml_len > (size_t)INT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "report.xml: too large to transform (%zu bytes)",
                            xml_len);
    diag d = {0};
    xmlDocPtr doc = parse_xml("report.xml", xml, xml_len, &d);
    if (!doc)
        return cn_error_set(err, CN_ERR_FORMAT, "report.xml:%s", diag_or(&d, " cannot be parsed"));
    xsltSecurityPrefsPtr sec = NULL;
    xsltTransformContextPtr tc = sandboxed_context(h->style, doc, &sec, &d);
    if (!tc) {
        xmlFreeDoc(doc);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    xmlDocPtr result = xsltApplyStylesheetUser(h->style, doc, NULL, NULL, NULL, tc);
    bool failed = !result || tc->state == XSLT_STATE_ERROR || tc->state == XSLT_STATE_STOPPED;
    /* The input tree is no longer needed: free it before the page is written. */
    xsltFreeTransformContext(tc);
    xsltFreeSecurityPrefs(sec);
    xmlFreeDoc(doc);
    int rc = failed ? cn_error_set(err, CN_ERR_FORMAT, "%s: transformation failed: %s", h->path,
                                   diag_or(&d, "no message"))
                    : serialize(result, h->style, out, len, err);
    xmlFreeDoc(result);
    return rc;
}

int cn_report_html_write(cn_report_html *h, const cn_analysis_result *r, FILE *f, cn_error *err)
{
    if (h->direct) {
        cn_html_assets assets = {
            .css = h->css, .script = h->script, .decimal_format = h->style->decimalFormat};
        return cn_html_page_write(r, &assets, f, err);
    }
    char *xml = NULL, *html = NULL;
    size_t xml_len = 0, len = 0;
    int rc = cn_report_xml_render(r, &xml, &xml_len, err);
    if (rc == CN_OK)
        rc = cn_report_html_render(h, xml, xml_len, &html, &len, err);
    free(xml);
    if (rc == CN_OK && fwrite(html, 1, len, f) != len)
        rc = cn_error_set(err, CN_ERR_IO, "report.html: cannot write");
    free(html);
    return rc;
}

bool cn_report_html_is_direct(const cn_report_html *h)
{
    return h->direct;
}

const char *cn_report_html_path(const cn_report_html *h)
{
    return h->path;
}

void cn_report_html_free(cn_report_html *h)
{
    if (!h)
        return;
    if (h->style)
        xsltFreeStylesheet(h->style);
    free(h->css);
    free(h->script);
    free(h->path);
    free(h);
}
