/**
 * Entry point of the `tailor` binary: runs the program and turns failures into exit codes.
 */
import { CommanderError } from 'commander';
import { CliError } from './cli-error.js';
import { buildProgram } from './program.js';

try {
  await buildProgram().exitOverride().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError) {
    console.error(`tailor: ${error.message}`);
    process.exitCode = error.exitCode;
  } else if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else {
    console.error('tailor: internal error (please report it):', error);
    process.exitCode = 70;
  }
}
