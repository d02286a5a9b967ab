/** `aispend` — KPI formulas, Prometheus rules and demo data from the command line (PRODUCT.md §7). */
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { doctorCommand } from './commands/doctor';
import { evalCommand } from './commands/eval';
import { promqlCommand } from './commands/promql';
import { reportCommand } from './commands/report';
import { rulesCommand } from './commands/rules';
import { CliIO, Command, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, processIO, UsageError } from './io';

export const COMMANDS: Command[] = [checkCommand, promqlCommand, evalCommand, reportCommand, rulesCommand, doctorCommand, demoCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return (
    'usage: aispend <command> [options]   (aispend <command> --help for its options)\n\n' +
    COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n') +
    '\n'
  );
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`error: unknown command "${name}"\n\n${overview()}`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n\nusage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    io.err(`error: ${(e as Error).message}\n`);
    return EXIT_FAILURE;
  }
}
