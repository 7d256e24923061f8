/* eval.h - "whosaid eval": score libwhosaid against gold quotations.
 *
 * ws_cli_eval() runs ws_analyze() (default options) on the "text" of every
 * line of a gold JSONL file (../shared/eval/FORMAT.md) and scores the
 * quotations it finds exactly as ../shared/eval/score.py scores whosaid's
 * JSONL output. argv[0] is "eval"; the arguments follow:
 *
 *   whosaid eval GOLD.jsonl [--errors] [--json] [--pred PRED.jsonl]
 *
 * --pred scores a file of whosaid JSONL output instead of running the
 * library, which makes it a drop-in for score.py.
 *
 * Prints score.py's table and a table per gold quote type, or with --json
 * score.py's JSON object plus "by_type". Returns the exit status: 0
 * all lines scored; 1 some lines were skipped (bad JSON, bad spans) or could
 * not be analysed; 2 usage error; 3 out of memory or an output error.
 */
#ifndef WHOSAID_CLI_EVAL_H
#define WHOSAID_CLI_EVAL_H

int ws_cli_eval(int argc, char **argv);

#endif
