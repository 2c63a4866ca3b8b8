/**
 * The `tailor` command as a user runs it, for the CLI's tests: a real process on the embedded
 * store in the given TAILOR_HOME (DATABASE_URL cleared), answering its exit code and output.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'tailor.js');

/** What a finished `tailor` process said. */
export interface TailorResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A runner of `tailor …` in `home`, with `extraEnv` added to the environment. */
export function tailorIn(home: string, extraEnv: Record<string, string> = {}) {
  return async (...args: string[]): Promise<TailorResult> => {
    const env = { ...process.env, TAILOR_HOME: home, DATABASE_URL: '', ...extraEnv };
    try {
      const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { env, cwd: root });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as TailorResult;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
}
