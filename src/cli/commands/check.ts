import { check } from '../../engine/language';
import { parseCommandArgs } from '../args';
import { CliIO, Command, EXIT_BAD_FORMULA, EXIT_OK } from '../io';
import { formulaPositional } from './formulaArgs';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check a KPI formula and report problems with their column',
  usage: 'aispend check <formula>',
  async run(args: string[], io: CliIO) {
    const { positionals } = parseCommandArgs(args, {}, true);
    const result = check(formulaPositional(positionals));
    if (result.ok) {
      io.out('ok\n');
      return EXIT_OK;
    }
    for (const d of result.diagnostics) {
      io.err(`error: ${d.message} (${d.line > 1 ? `line ${d.line}, ` : ''}column ${d.startColumn})\n`);
    }
    return EXIT_BAD_FORMULA;
  },
};
