/* cn_config: version and install locations, fixed at build time. */
#include "cn_config.h"

#ifndef CN_VERSION
#define CN_VERSION "0.0.0"
#endif
#ifndef CN_DEFAULT_RULES_DIR
#define CN_DEFAULT_RULES_DIR "/usr/local/share/consensus/rules"
#endif
#ifndef CN_DEFAULT_SCHEMA_DIR
#define CN_DEFAULT_SCHEMA_DIR "/usr/local/share/consensus/reports"
#endif
#ifndef CN_SOURCE_SCHEMA_DIR
#define CN_SOURCE_SCHEMA_DIR "reports"
#endif

const char *cn_version(void)
{
    return CN_VERSION;
}

const char *cn_default_rules_dir(void)
{
    return CN_DEFAULT_RULES_DIR;
}

const char *cn_default_schema_dir(void)
{
    return CN_DEFAULT_SCHEMA_DIR;
}

const char *cn_source_schema_dir(void)
{
    return CN_SOURCE_SCHEMA_DIR;
}
