/*
 * consensus.h: the whole public interface of libconsensus in one include.
 *
 * The library reads physician Q&A pages, tags each physician's stance on each
 * claim, measures how strongly the physicians agree, and writes reports. Its
 * headers are grouped by the stage of that flow they belong to; each header
 * documents its own types and calls (ownership: every *_new has its *_free;
 * every fallible call returns a CN_ERR_* code and fills a caller-owned
 * cn_error with a message).
 *
 *   base/      errors, whole-file reads, hash tables, SHA-256, build config,
 *              scratch files of records
 *   text/      UTF-8 and normalization, clean lines, tokens with byte spans
 *   ingest/    page shapes and the reader: pages, answers, physicians, ids
 *   classify/  the rule set, its matcher, claims, stances, the learned
 *              decision and its fit, pages annotated on worker threads,
 *              evaluation against hand labels
 *   stats/     intervals, consensus measures, agreement, cross tables
 *   report/    the corpus analysis, summaries, review queue, overrides, the
 *              JSON, XML and HTML writers, and shards' partial files and
 *              their merge
 *
 * A stage includes only headers of its own stage or earlier ones
 * (tests/test_layers.sh).
 */
#ifndef CONSENSUS_H
#define CONSENSUS_H

/* base */
#include "cn_config.h"
#include "cn_direct.h"
#include "cn_error.h"
#include "cn_fdio.h"
#include "cn_file.h"
#include "cn_grow.h"
#include "cn_sort.h"
#include "cn_parallel.h"
#include "cn_hash.h"
#include "cn_bytes.h"
#include "cn_arena.h"
#include "cn_idindex.h"
#include "cn_diskarray.h"
#include "cn_diskmap.h"
#include "cn_recfile.h"
#include "cn_scratch.h"
#include "cn_sha256.h"

/* text */
#include "cn_jsonbuf.h"
#include "cn_jsonpretty.h"
#include "cn_plain.h"
#include "cn_lines.h"
#include "cn_text.h"
#include "cn_tokens.h"

/* ingest */
#include "cn_answer_json.h"
#include "cn_dedup.h"
#include "cn_flat.h"
#include "cn_jsonl.h"
#include "cn_page.h"
#include "cn_pagecues.h"
#include "cn_reader.h"
#include "cn_signature.h"
#include "cn_structured.h"
#include "cn_taxonomy.h"

/* classify */
#include "cn_annotate.h"
#include "cn_batch.h"
#include "cn_choice.h"
#include "cn_claims.h"
#include "cn_doc.h"
#include "cn_classifier.h"
#include "cn_eval.h"
#include "cn_fit.h"
#include "cn_lexical.h"
#include "cn_lexicon.h"
#include "cn_matcher.h"
#include "cn_minimize.h"
#include "cn_model.h"
#include "cn_qtype.h"
#include "cn_qtype_fit.h"
#include "cn_rules.h"
#include "cn_stance.h"
#include "cn_termindex.h"
#include "cn_wait.h"

/* stats */
#include "cn_agreement.h"
#include "cn_cmh.h"
#include "cn_consensus.h"
#include "cn_crosstab.h"
#include "cn_csv.h"
#include "cn_interval.h"
#include "cn_mt.h"
#include "cn_pairwise.h"
#include "cn_relabel.h"
#include "cn_relabel_memo.h"
#include "cn_consensus_memo.h"
#include "cn_cdf_memo.h"
#include "cn_consensus_pool.h"
#include "cn_stats_csv.h"
#include "cn_strata.h"

/* report */
#include "cn_analysis.h"
#include "cn_analysis_settings.h"
#include "cn_html_out.h"
#include "cn_html_page.h"
#include "cn_html_parts.h"
#include "cn_html_prep.h"
#include "cn_html_question.h"
#include "cn_merge.h"
#include "cn_outfile.h"
#include "cn_overrides.h"
#include "cn_partial.h"
#include "cn_report_csv.h"
#include "cn_report_fmt.h"
#include "cn_report_html.h"
#include "cn_report_jobs.h"
#include "cn_report_json.h"
#include "cn_report_xml.h"
#include "cn_xmlw.h"
#include "cn_review.h"
#include "cn_rundiff.h"
#include "cn_shard.h"
#include "cn_spill.h"
#include "cn_spill_codec.h"
#include "cn_summary.h"
#include "cn_tally.h"

#endif
