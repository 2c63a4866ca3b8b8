/**
 * The line `tailor serve` prints once it listens, and how a caller watching its output finds
 * the URL in it (the e2e tests, the smoke check of `npm start`, the CLI's own tests).
 */

const PREFIX = 'tailor serve: ';
const URL_AFTER_PREFIX = new RegExp(`${PREFIX}(http://\\S+)`);

/** The first line of `tailor serve`'s output: `tailor serve: http://host:port  (…)`. */
export function listeningLine(url: string, detail: string): string {
  return `${PREFIX}${url}  (${detail})`;
}

/** The URL from `tailor serve`'s output, once it has printed its listening line. */
export function servedUrl(output: string): string | undefined {
  return URL_AFTER_PREFIX.exec(output)?.[1];
}
