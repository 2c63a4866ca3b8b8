/**
 * The Redis database a queue test uses: TAILOR_TEST_REDIS_URL (default the local server) with
 * the database number set. Each test file takes a number of its own: a worker listening in
 * another test's database would take that test's households while both run.
 */
export function testRedisUrl(database: number): string {
  const url = new URL(process.env.TAILOR_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  url.pathname = `/${database}`;
  return url.href;
}
