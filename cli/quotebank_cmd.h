/* quotebank_cmd.h - the quote bank's commands: argument parsing and output.
 * argv[0] is the command name ("index", "search", "speakers", "serve").
 * Each returns the exit status: 0 success; 1 some input or the database
 * failed; 2 usage error; 3 out of memory or an output error. */
#ifndef WHOSAID_CLI_QUOTEBANK_CMD_H
#define WHOSAID_CLI_QUOTEBANK_CMD_H

int ws_cli_index(int argc, char **argv);
int ws_cli_search(int argc, char **argv);
int ws_cli_speakers(int argc, char **argv);
int ws_cli_serve(int argc, char **argv); /* serve.c */

/* Shared option parsing: is argv[*i] the option name (as "--name VALUE" or
 * "--name=VALUE")? Then *val is its value and *i moves past it; a missing
 * value prints a usage error and sets *bad. */
int qb_opt(int argc, char **argv, int *i, const char *name, const char **val, int *bad,
           const char *cmd);
int qb_usage_error(const char *cmd, const char *fmt, const char *arg);
/* A positive count (--limit, --port...): 0 on success. */
int qb_parse_count(const char *s, long long max, long long *out);

#endif
