import fs from 'fs';
import path from 'path';
import { getProfile, isProfileId, PROFILE_IDS, profileRuleGroups, renderRules } from '../../rules';
import { oneOf, parseCommandArgs } from '../args';
import { CliIO, Command, EXIT_OK, UsageError } from '../io';

const FORMATS = ['yaml', 'prometheusrule'] as const;

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Prometheus rule YAML: profile recording rules, Appendix A series, budget alerts at 80 % / 95 %',
  usage:
    'aispend rules [--profile seed|litellm|otel] [--team-label L] [--catalog FILE] [--format yaml|prometheusrule] [--out FILE]\n' +
    '  --profile      which gateway metrics to read (default litellm)\n' +
    '  --team-label   otel only: the label that carries the team (default service_name)\n' +
    '  --catalog      JSON file of custom KPIs to add as recording rules\n' +
    '  --format       plain rule file (Prometheus, Mimir, Thanos) or a Prometheus Operator PrometheusRule\n' +
    '  --out          write to FILE instead of standard output',
  async run(args: string[], io: CliIO) {
    const { values } = parseCommandArgs(args, {
      profile: { type: 'string' },
      'team-label': { type: 'string' },
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
    if (values.catalog !== undefined) {
      throw new UsageError('--catalog needs the KPI engine, which this build does not include yet');
    }
    const format = oneOf('format', values.format, FORMATS, 'yaml');
    const profile = getProfile(profileId, { teamLabel: values['team-label'] });
    const text = renderRules(profile, profileRuleGroups(profile), format);
    if (values.out) {
      fs.writeFileSync(path.resolve(io.cwd, values.out), text);
    } else {
      io.out(text);
    }
    return EXIT_OK;
  },
};
