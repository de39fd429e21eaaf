/*
 * cn_config: build-time facts of the library: its version and where an
 * installed copy keeps its default rules and report schemas.
 */
#ifndef CN_CONFIG_H
#define CN_CONFIG_H

/* "0.1.0" */
const char *cn_version(void);

/* The compiled-in rules folder of an installed copy
 * (PREFIX/share/consensus/rules). */
const char *cn_default_rules_dir(void);

/* The compiled-in folder of the schemas and the XSLT (PREFIX/share/consensus/reports). */
const char *cn_default_schema_dir(void);

/* The reports/ folder of the source tree this copy was built from, so that a
 * binary run from its build folder finds report.xsl even when the rules come
 * from a folder elsewhere and nothing is installed. May no longer exist. */
const char *cn_source_schema_dir(void);

#endif
