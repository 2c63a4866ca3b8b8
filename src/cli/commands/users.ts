/**
 * `tailor users add` and `tailor users list`: the logins of `tailor serve`. The password comes
 * from $TAILOR_PASSWORD or standard input — never from the command line, where it would land in
 * the shell history and the process list.
 */
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { readInput } from '../files.js';
import { defaultActor, withStore } from './lifecycle-store.js';

const ROLES = ['admin', 'pm', 'trader', 'advisor', 'viewer'] as const;
type Role = (typeof ROLES)[number];

interface AddOptions {
  role: string;
  advisor?: string;
  as: string;
}

async function passwordOf(): Promise<string> {
  const fromEnv = process.env.TAILOR_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('password (then Enter and Ctrl-D): ');
  return (await readInput('-')).replace(/\r?\n$/, '');
}

async function addCommand(username: string, o: AddOptions): Promise<void> {
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(username))
    throw new CliError(
      `username must be 1–64 letters, digits, ".", "_", "-" or "@"; got "${username}"`,
      2,
    );
  if (!ROLES.includes(o.role as Role))
    throw new CliError(`--role must be one of ${ROLES.join(', ')}; got "${o.role}"`, 2);
  if (o.role === 'advisor' && !o.advisor)
    throw new CliError('an advisor needs --advisor NAME: the advisor name on their households', 2);
  if (o.role !== 'advisor' && o.advisor)
    throw new CliError('--advisor applies to --role advisor only', 2);
  const password = await passwordOf();
  if (password.length < 8)
    throw new CliError(
      'the password must have at least 8 characters (TAILOR_PASSWORD or standard input)',
      2,
    );
  const [{ createUser }, { hashPassword }] = await Promise.all([
    import('../../store/index.js'),
    import('../../api/index.js'),
  ]);
  const passwordHash = await hashPassword(password);
  const made = await withStore((db) =>
    createUser(
      db,
      { username, role: o.role as Role, advisor: o.advisor ?? null, passwordHash },
      o.as,
    ),
  );
  if (!made)
    throw new CliError(
      `user ${username} exists; change it in the API (PATCH /v1/users/${username})`,
    );
  process.stdout.write(
    `added ${username} (${o.role}${o.advisor ? `, advisor ${o.advisor}` : ''})\n`,
  );
}

async function listCommand(o: { json?: boolean }): Promise<void> {
  const [{ listUsers }, { formatTable }] = await Promise.all([
    import('../../store/index.js'),
    import('../format-table.js'),
  ]);
  const { items } = await withStore((db) => listUsers(db, { limit: 100_000, offset: 0 }));
  const rows = items.map((u) => ({
    username: u.username,
    role: u.role,
    advisor: u.advisor,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
  }));
  if (o.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (rows.length === 0)
    process.stdout.write('no users: add one with tailor users add NAME --role admin\n');
  else
    process.stdout.write(
      `${formatTable(
        [
          { heading: 'username' },
          { heading: 'role' },
          { heading: 'advisor' },
          { heading: 'disabled' },
          { heading: 'created' },
        ],
        rows.map((u) => [
          u.username,
          u.role,
          u.advisor ?? '',
          u.disabled ? 'yes' : '',
          u.createdAt,
        ]),
      )}\n`,
    );
}

/** Adds `users` (add, list) to the program. */
export function registerUsers(program: Command): void {
  const users = program.command('users').summary('logins of tailor serve: add, list');
  users
    .command('add')
    .summary('add a user (password from $TAILOR_PASSWORD or standard input)')
    .argument('<username>', 'login name')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--advisor <name>', 'for --role advisor: the advisor name on their households')
    .option('--as <name>', 'who adds the user (audit log)', defaultActor())
    .addHelpText(
      'after',
      '\nExample:\n  TAILOR_PASSWORD=… tailor users add ana --role advisor --advisor "Ana Ruiz"\n',
    )
    .action(addCommand);
  users.command('list').summary('list users').option('--json', 'as JSON').action(listCommand);
}
