import fs from 'fs';
import path from 'path';
import { getProfile, isProfileId, PROFILE_IDS, profileRuleGroups, renderRules } from '../../rules';
import { withoutSpenderFamily } from '../../rules/registry';
import { kpiRuleGroup, parseKpiCatalog } from '../../rules/kpiRules';
import { oneOf, parseCommandArgs } from '../args';
import { CliIO, Command, EXIT_OK, UsageError } from '../io';

const FORMATS = ['yaml', 'prometheusrule'] as const;

function readCatalog(file: string) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read catalog ${file}: ${(e as Error).message}`);
  }
  try {
    return parseKpiCatalog(JSON.parse(text));
  } catch (e) {
    throw new Error(`catalog ${file}: ${(e as Error).message}`);
  }
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Prometheus rule YAML: profile recording rules, Appendix A series, spend anomaly baselines and alert, budget alerts at 80 % / 95 %',
  usage:
    'aispend rules [--profile seed|litellm|otel] [--team-label L] [--without-spenders] [--catalog FILE] [--format yaml|prometheusrule] [--out FILE]\n' +
    '  --profile      which gateway metrics to read (default litellm)\n' +
    '  --team-label   otel only: the label that carries the team (default service_name)\n' +
    '  --without-spenders  no spend-by-user/API-key family (and its tiers): for tens of thousands of users or keys\n' +
    '  --catalog      JSON file of custom KPIs (an array, or the app settings with customKpis):\n' +
    '                 each becomes aigateway:kpi_<id>:1h and :1d recording rules\n' +
    '  --format       plain rule file (Prometheus, Mimir, Thanos) or a Prometheus Operator PrometheusRule\n' +
    '  --out          write to FILE instead of standard output',
  async run(args: string[], io: CliIO) {
    const { values } = parseCommandArgs(args, {
      profile: { type: 'string' },
      'team-label': { type: 'string' },
      'without-spenders': { type: 'boolean' },
      catalog: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    const profileId = values.profile ?? 'litellm';
    if (!isProfileId(profileId)) {
      throw new UsageError(`--profile must be one of ${PROFILE_IDS.join(', ')} (got "${profileId}")`);
    }
    if (values['team-label'] !== undefined && profileId !== 'otel') {
      throw new UsageError('--team-label applies to --profile otel only');
    }
    const format = oneOf('format', values.format, FORMATS, 'yaml');
    const chosen = getProfile(profileId, { teamLabel: values['team-label'] });
    const profile = values['without-spenders'] ? withoutSpenderFamily(chosen) : chosen;
    const extraGroups = values.catalog === undefined ? [] : [kpiRuleGroup(readCatalog(path.resolve(io.cwd, values.catalog)))];
    const text = renderRules(profile, profileRuleGroups(profile, extraGroups), format);
    if (values.out) {
      fs.writeFileSync(path.resolve(io.cwd, values.out), text);
    } else {
      io.out(text);
    }
    return EXIT_OK;
  },
};
