import { parseCommandArgs } from '../args';
import { CliIO, Command, EXIT_OK } from '../io';
import { compileRequest } from '../kpiQuery';
import { FORMULA_OPTIONS, formulaRequest } from './formulaArgs';

export const promqlCommand: Command = {
  name: 'promql',
  summary: 'print the one PromQL expression a KPI formula compiles to',
  usage:
    'aispend promql <formula> [--by team] [--window 30d | --from T --to T] [--range --step 1h] [--json]\n' +
    '  --by      group by provider, model, team, user or api_key\n' +
    '  --window  instant window ending now or at --to (default 30d)\n' +
    '  --range   a time series: one value per --step (default 1h)',
  async run(args: string[], io: CliIO) {
    const { values, positionals } = parseCommandArgs(args, FORMULA_OPTIONS, true);
    const output = compileRequest(formulaRequest(positionals, values, Math.floor(io.now() / 1000)));
    io.out(values.json ? `${JSON.stringify(output)}\n` : `${output.promql}\n`);
    return EXIT_OK;
  },
};
