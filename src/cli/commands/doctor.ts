import { parseDurationSeconds } from '../../engine/duration';
import { DEFAULT_LOOKBACK_SECONDS } from '../../health/healthQueries';
import { HealthContext, HealthFinding, healthySentence } from '../../health/recordingHealth';
import { getProfile, isProfileId, PROFILE_IDS } from '../../rules';
import { parseCommandArgs } from '../args';
import { CliIO, Command, EXIT_FAILURE, EXIT_OK, UsageError } from '../io';
import { runRecordingHealth } from '../recordingHealth';
import { parseTime } from './formulaArgs';

export function formatFindings(findings: readonly HealthFinding[], ctx: HealthContext): string {
  if (!findings.length) {
    return `ok: ${healthySentence(ctx)}\n`;
  }
  return findings.map((f) => `${f.severity}: ${f.message}. Fix: ${f.fix}\n`).join('');
}

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'check that the recording rules write the canonical series every minute, without gaps',
  usage:
    'aispend doctor --prometheus URL [--profile seed|litellm|otel] [--time T] [--lookback 7d] [--json]\n' +
    '  --prometheus  base URL of the Prometheus HTTP API (VictoriaMetrics, Mimir / Thanos query frontends work too)\n' +
    '  --profile     which gateway metrics the rules read (default litellm)\n' +
    '  --time        end of the checked window: unix seconds or RFC 3339 (default now)\n' +
    '  --lookback    how far back to look for gaps and missing families (default 7d)\n' +
    '  --json        {"profile", "time", "lookbackSeconds", "findings": [{"kind", "severity", "family", "message", "fix"}]}\n' +
    '  exit status   0 healthy or warnings only, 1 a finding of severity error, 2 usage',
  async run(args: string[], io: CliIO) {
    const { values } = parseCommandArgs(args, {
      prometheus: { type: 'string' },
      profile: { type: 'string' },
      time: { type: 'string' },
      lookback: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.prometheus) {
      throw new UsageError('--prometheus URL is required');
    }
    const profileId = values.profile ?? 'litellm';
    if (!isProfileId(profileId)) {
      throw new UsageError(`--profile must be one of ${PROFILE_IDS.join(', ')} (got "${profileId}")`);
    }
    const lookbackSeconds =
      values.lookback === undefined ? DEFAULT_LOOKBACK_SECONDS : parseDurationSeconds(values.lookback);
    if (lookbackSeconds === undefined || lookbackSeconds < 3 * 3600) {
      throw new UsageError(`--lookback must be a duration of at least 3h, like 1d or 7d (got "${values.lookback}")`);
    }
    const nowSec = values.time ? parseTime('time', values.time) : Math.floor(io.now() / 1000);
    const ctx = { profile: getProfile(profileId), nowSec, lookbackSeconds };
    const findings = await runRecordingHealth(values.prometheus, ctx);
    io.out(
      values.json
        ? `${JSON.stringify({ profile: profileId, time: nowSec, lookbackSeconds, findings })}\n`
        : formatFindings(findings, ctx)
    );
    return findings.some((f) => f.severity === 'error') ? EXIT_FAILURE : EXIT_OK;
  },
};
