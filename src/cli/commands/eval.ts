import { parseCommandArgs } from '../args';
import { CliIO, Command, EXIT_OK, UsageError } from '../io';
import { formatPlainNumber } from '../../format/numbers';
import { JsonValue, KpiOutput, runKpi } from '../kpiQuery';
import { FORMULA_OPTIONS, formulaRequest } from './formulaArgs';

/** A formula has no unit: thousands separators and up to four decimals; NaN and ±Inf as Prometheus writes them. */
function formatValue(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : formatPlainNumber(value);
}

export function formatTable(output: KpiOutput): string {
  const lines: string[] = [];
  for (const r of output.results ?? []) {
    const label = Object.entries(r.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ') || '(all)';
    if (r.values) {
      lines.push(label, ...r.values.map(([t, v]) => `  ${new Date(t * 1000).toISOString()}  ${formatValue(v)}`));
    } else {
      lines.push(`${label}\t${formatValue(r.value)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'evaluate a KPI formula on a Prometheus',
  usage:
    'aispend eval <formula> --prometheus URL [--window 30d | --from T --to T] [--range --step 1h] [--by team] [--json]\n' +
    '  --prometheus  base URL of the Prometheus HTTP API (Mimir / Thanos query frontends work too)\n' +
    '  --from/--to   unix seconds or RFC 3339; --window ends now or at --to (default 30d)\n' +
    '  --json        {"formula", "mode", "from", "to", "step", "groupBy", "promql", "results"}',
  async run(args: string[], io: CliIO) {
    const { values, positionals } = parseCommandArgs(args, { ...FORMULA_OPTIONS, prometheus: { type: 'string' } }, true);
    if (!values.prometheus) {
      throw new UsageError('--prometheus URL is required');
    }
    const output = await runKpi(values.prometheus, formulaRequest(positionals, values, Math.floor(io.now() / 1000)));
    io.out(values.json ? `${JSON.stringify(output)}\n` : formatTable(output));
    return EXIT_OK;
  },
};
