/**
 * `tailor serve`: the HTTP API (docs/api.md) and the web dashboard on one port, over the store
 * ($TAILOR_HOME or DATABASE_URL). `--demo` fills an empty store with the demo firm, runs it
 * once, and creates one login per role.
 */
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { listeningLine } from '../serve-url.js';
import { wholeNumberOption } from './demo.js';

interface ServeOptions {
  port: string;
  host: string;
  maxBody: string;
  demo?: boolean;
  accounts: string;
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `10mb`, `512kb`, `1048576` → bytes; a usage error otherwise. */
export function byteSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(value);
  const unit = UNITS[(m?.[2] ?? '').toLowerCase()];
  const bytes = m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!Number.isFinite(bytes) || bytes < 1024 || bytes > 1024 ** 3)
    throw new CliError(`--max-body must be a size from 1kb to 1gb such as 10mb; got "${value}"`, 2);
  return bytes;
}

async function serveCommand(o: ServeOptions): Promise<void> {
  const port = wholeNumberOption('port', o.port, 0, 65535);
  const maxBodyBytes = byteSize(o.maxBody);
  const accounts = wholeNumberOption('accounts', o.accounts, 1, 100_000);
  const [{ openStore }, api, { defaultThreads }] = await Promise.all([
    import('../../store/index.js'),
    import('../../api/index.js'),
    import('../../batch/index.js'),
  ]);
  const store = await openStore();
  let demo: Awaited<ReturnType<typeof api.setUpDemo>> | undefined;
  const password = process.env.TAILOR_DEMO_PASSWORD || api.DEFAULT_DEMO_PASSWORD;
  let server: Awaited<ReturnType<typeof api.startServer>>;
  try {
    if (o.demo)
      demo = await api.setUpDemo(store, {
        accounts,
        password,
        threads: defaultThreads(),
        note: (text) => process.stderr.write(`${text}\n`),
      });
    server = await api.startServer({ store, port, host: o.host, maxBodyBytes });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new CliError(
        `cannot listen on ${o.host}:${port} (${code}); choose another --port or --host`,
        1,
        { cause: error },
      );
    throw error;
  }
  const lines = [
    listeningLine(server.url, `store: ${store.location}; API reference ${server.url}/docs`),
  ];
  if (demo) {
    lines.push(
      demo.built
        ? `demo firm built; first run ${demo.runId ?? ''}`
        : 'demo logins (the store already held a book):',
    );
    if (demo.backtestId) lines.push(`demo backtest ${demo.backtestId} (Evidence page)`);
    for (const l of demo.logins)
      lines.push(
        `  ${l.username.padEnd(8)} ${l.created ? `password ${password}` : '(existed: password unchanged)'}${l.advisor ? `  (advisor ${l.advisor})` : ''}`,
      );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    process.stderr.write(`${signal}: closing …\n`);
    // A run in progress stays `running` and continues with `tailor run --resume`.
    void server
      .close()
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('tailor serve: could not close cleanly:', error);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/** Adds `serve` to the program. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .summary('serve the HTTP API and the web dashboard')
    .description(
      'Serves the JSON API under /v1 (docs/api.md; reference at /docs, OpenAPI at /openapi.json) ' +
        'and the dashboard built into dist/web (npm run build:web) at /, over the store ' +
        '($TAILOR_HOME or DATABASE_URL). Users log in with a password (tailor users add) or send ' +
        'an API token. Stops cleanly on SIGINT or SIGTERM.',
    )
    .option('--port <n>', 'port to listen on (0: any free port)', '3000')
    .option('--host <address>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option('--max-body <size>', 'largest request body, e.g. 10mb or 512kb', '10mb')
    .option(
      '--demo',
      'on an empty store build the demo firm and run it once; create the logins admin, pm, ' +
        'trader, advisor and viewer (password $TAILOR_DEMO_PASSWORD, default tailor-demo)',
    )
    .option('--accounts <n>', 'accounts of the demo firm (with --demo)', '200')
    .addHelpText(
      'after',
      '\nExamples:\n  tailor serve --demo\n  tailor serve --port 8080 --host 0.0.0.0\n',
    )
    .action(serveCommand);
}
