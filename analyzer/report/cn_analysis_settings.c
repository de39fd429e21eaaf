/* cn_analysis_settings: aggregator options from the rule set's settings. */
#include "cn_analysis_settings.h"

void cn_analysis_opts_from_rules(cn_analysis_opts *opts, const cn_rules *rules)
{
    opts->consensus.level = cn_rules_setting(rules, "interval_level");
    opts->consensus.strong = cn_rules_setting(rules, "consensus_strong");
    opts->consensus.moderate = cn_rules_setting(rules, "consensus_moderate");
    opts->consensus.weak = cn_rules_setting(rules, "consensus_weak");
    opts->consensus.min_answers = (long)cn_rules_setting(rules, "consensus_min_answers");
    opts->consensus.posterior = cn_rules_setting(rules, "consensus_posterior");
    opts->consensus.confusion = cn_rules_confusion(rules);
    opts->consensus.relabel_draws = (size_t)cn_rules_setting(rules, "relabel_draws");
    opts->consensus.relabel_concentration = cn_rules_setting(rules, "relabel_concentration");
    opts->consensus.relabel_error_concentration =
        cn_rules_setting(rules, "relabel_error_concentration");
    opts->bootstrap = (size_t)cn_rules_setting(rules, "agreement_bootstrap");
    opts->simulate = (size_t)cn_rules_setting(rules, "specialty_simulations");
    opts->permutations = (size_t)cn_rules_setting(rules, "specialty_permutations");
    opts->asymptotic_questions = (size_t)cn_rules_setting(rules, "specialty_asymptotic_questions");
    opts->asymptotic_answers_per_df =
        cn_rules_setting(rules, "specialty_asymptotic_answers_per_df");
    opts->low_confidence = cn_rules_setting(rules, "review_low_confidence");
    opts->fragment_words = (size_t)cn_rules_setting(rules, "review_fragment_words");
    opts->per_question = (size_t)cn_rules_setting(rules, "review_per_question");
    opts->review_order = cn_rules_setting(rules, "review_urgency_first") != 0
                             ? CN_REVIEW_MOST_URGENT_FIRST
                             : CN_REVIEW_LEAST_SURE_FIRST;
}
