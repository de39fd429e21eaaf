/*
 * cn_analysis_settings: the aggregator's thresholds and sample sizes from the
 * rule set's `setting` lines (rules/settings.rules), so an editor changes
 * them like any other rule: consensus levels, the minimum of answers, the
 * interval level, Monte Carlo and bootstrap sizes, the review threshold.
 */
#ifndef CN_ANALYSIS_SETTINGS_H
#define CN_ANALYSIS_SETTINGS_H

#include "cn_analysis.h"
#include "cn_rules.h"

/* Overwrite the corresponding fields of opts with the rules' settings. */
void cn_analysis_opts_from_rules(cn_analysis_opts *opts, const cn_rules *rules);

#endif
