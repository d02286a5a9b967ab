import { FamilyId } from '../engine/conventions';
import { litellmProfile } from '../rules/profiles/litellm';
import { HealthAnswers } from './healthQueries';
import { profileRawMetrics } from './rawMetrics';
import { formatSeconds, gapsOf, HealthContext, HealthFinding, healthFindings } from './recordingHealth';

const HOUR = 3600;
const NOW = Date.UTC(2026, 9, 31, 12) / 1000;
const CTX: HealthContext = { profile: litellmProfile, nowSec: NOW, lookbackSeconds: 7 * 24 * HOUR };
const LITELLM_FAMILIES: FamilyId[] = [
  'spend',
  'requests',
  'tokens',
  'cache_hits',
  'fallbacks',
  'spend_by_user',
  'budget_limit',
  'budget_spend',
];
const LITELLM_RAW = profileRawMetrics(litellmProfile);

/** Hour steps ending at `lastSec`, `count` of them, each with `points`. */
function steps(points: number, count = 168, lastSec = NOW): Array<[number, number]> {
  return Array.from({ length: count }, (_, i) => [lastSec - (count - 1 - i) * HOUR, points]);
}

interface Change {
  hourly?: Partial<Record<FamilyId, Array<[number, number]> | null>>;
  notRecent?: FamilyId[];
  rawAbsent?: string[];
}

/** Every litellm family recorded every minute for a week, all recent, all raw metrics arriving; then `change`. */
function answers(change: Change = {}): HealthAnswers {
  const hourly = new Map<FamilyId, Array<readonly [number, number]>>(LITELLM_FAMILIES.map((id) => [id, steps(60)]));
  for (const [id, value] of Object.entries(change.hourly ?? {}) as Array<[FamilyId, Array<[number, number]> | null]>) {
    value ? hourly.set(id, value) : hourly.delete(id);
  }
  const recentFamilies = new Set([...hourly.keys()].filter((id) => !change.notRecent?.includes(id)));
  return { hourly, recentFamilies, recentRaw: new Set(LITELLM_RAW.filter((n) => !change.rawAbsent?.includes(n))) };
}

const brief = (f: HealthFinding) => [f.severity, f.kind, f.family ?? '', f.message];

test.each<[string, Change, string[][]]>([
  ['every family every minute, all recent: healthy', {}, []],
  [
    'spend every 5 minutes (vmalert default -datasource.queryStep)',
    { hourly: { spend: steps(12) } },
    [
      [
        'error',
        'sparse',
        'spend',
        'aigateway:spend_usd:increase1m: recorded every 5 m, not every 1 m (12 points per hour): totals are ~80 % low',
      ],
    ],
  ],
  [
    'a gauge every 5 minutes: its values lag (a warning)',
    { hourly: { budget_limit: steps(12) } },
    [
      [
        'warning',
        'sparse',
        'budget_limit',
        'aigateway:budget_limit_usd: recorded every 5 m, not every 1 m (12 points per hour): its values lag',
      ],
    ],
  ],
  [
    'requests every 30 s (two rulers): counted twice',
    { hourly: { requests: steps(120) } },
    [
      [
        'error',
        'dense',
        'requests',
        'aigateway:requests:increase1m: recorded every 30 s, not every 1 m (120 points per hour): totals are ~100 % high',
      ],
    ],
  ],
  ['59 or 61 points an hour: evaluation jitter, on time', { hourly: { spend: steps(59), tokens: steps(61) } }, []],
  ['two hours at 12 points: too few to judge the interval', { hourly: { spend: steps(12, 2) } }, []],
  [
    'tokens stopped 3 h ago while the raw tokens still arrive',
    { hourly: { tokens: steps(60, 165, NOW - 3 * HOUR) }, notRecent: ['tokens'] },
    [['error', 'stale', 'tokens', 'aigateway:tokens:increase1m: no point for over 3 h']],
  ],
  [
    'spend stopped in the last hour',
    { notRecent: ['spend'] },
    [['error', 'stale', 'spend', 'aigateway:spend_usd:increase1m: no point for over 15 m']],
  ],
  [
    'cache hits: no points for 3 h a day ago, and 1 h two days ago',
    {
      hourly: {
        cache_hits: steps(60).filter(([t]) => !(t > NOW - 27 * HOUR && t <= NOW - 24 * HOUR) && t !== NOW - 48 * HOUR),
      },
    },
    [
      [
        'warning',
        'gap',
        'cache_hits',
        'aigateway:cache_hits:increase1m: no points for 4 h of the last 7 d (in 2 gaps, the longest 3 h from 2026-10-30 09:00 UTC to 2026-10-30 12:00 UTC): totals over those hours are low',
      ],
    ],
  ],
  [
    'fallbacks never recorded though its raw counter arrives: the rule never ran',
    { hourly: { fallbacks: null }, rawAbsent: ['litellm_deployment_failed_fallbacks_total'] },
    [
      [
        'error',
        'never-ran',
        'fallbacks',
        'aigateway:fallbacks:increase1m: no series in the last 7 d although litellm_deployment_successful_fallbacks_total has data: its rule never ran',
      ],
    ],
  ],
  [
    'fallbacks never recorded and no raw fallbacks: missing (a warning)',
    {
      hourly: { fallbacks: null },
      rawAbsent: ['litellm_deployment_successful_fallbacks_total', 'litellm_deployment_failed_fallbacks_total'],
    },
    [
      [
        'warning',
        'missing',
        'fallbacks',
        'aigateway:fallbacks:increase1m: no series in the last 7 d, and none of litellm_deployment_successful_fallbacks_total, litellm_deployment_failed_fallbacks_total in the last 15 m',
      ],
    ],
  ],
  ['retries absent, as the litellm profile says: nothing', { hourly: { retries: null } }, []],
  [
    'no family at all, raw metrics arrive: the rule file never ran (one finding)',
    { hourly: Object.fromEntries(LITELLM_FAMILIES.map((id) => [id, null])) },
    [
      [
        'error',
        'never-ran',
        '',
        `the litellm recording rules never ran: ${LITELLM_RAW.join(', ')} have data, but there is no aigateway:* series in the last 7 d`,
      ],
    ],
  ],
  [
    'nothing at all: wrong datasource or profile',
    { hourly: Object.fromEntries(LITELLM_FAMILIES.map((id) => [id, null])), rawAbsent: LITELLM_RAW },
    [
      [
        'error',
        'no-data',
        '',
        "no aigateway:* series in the last 7 d and none of the litellm gateway's metrics in the last 15 m",
      ],
    ],
  ],
  [
    'errors before warnings',
    {
      hourly: { spend: [...steps(12, 10, NOW - 15 * HOUR), ...steps(12, 5)], fallbacks: null },
      rawAbsent: ['litellm_deployment_successful_fallbacks_total', 'litellm_deployment_failed_fallbacks_total'],
    },
    [
      [
        'error',
        'sparse',
        'spend',
        'aigateway:spend_usd:increase1m: recorded every 5 m, not every 1 m (12 points per hour): totals are ~80 % low',
      ],
      [
        'warning',
        'gap',
        'spend',
        'aigateway:spend_usd:increase1m: no points for 10 h of the last 7 d (from 2026-10-30 21:00 UTC to 2026-10-31 07:00 UTC): totals over those hours are low',
      ],
      [
        'warning',
        'missing',
        'fallbacks',
        'aigateway:fallbacks:increase1m: no series in the last 7 d, and none of litellm_deployment_successful_fallbacks_total, litellm_deployment_failed_fallbacks_total in the last 15 m',
      ],
    ],
  ],
])('%s', (_name, change, expected) => {
  expect(healthFindings(answers(change), CTX).map(brief)).toEqual(expected);
});

test.each<[string, Change, string]>([
  [
    'sparse',
    { hourly: { spend: steps(12) } },
    "Run vmalert with -datasource.queryStep=1m (its default is 5m), or set your ruler's evaluation interval for the aispend rule groups to 1m.",
  ],
  [
    'stale, raw arriving',
    { notRecent: ['spend'] },
    "The gateway's metrics still arrive but the rules stopped: check that your ruler (Prometheus, vmalert, Mimir or Thanos) is running with provisioning/prometheus/rules/litellm.rules.yaml loaded.",
  ],
  [
    'stale, raw stopped too',
    { notRecent: ['spend'], rawAbsent: ['litellm_spend_metric_total'] },
    "The gateway's metrics (litellm_spend_metric_total) stopped too: check the gateway and that it is still scraped.",
  ],
  [
    'never ran',
    { hourly: { fallbacks: null } },
    'Load the current rules (aispend rules --profile litellm) into your ruler and check its log for errors of this rule.',
  ],
])('the fix of a %s finding', (_name, change, fix) => {
  expect(healthFindings(answers(change), CTX).map((f) => f.fix)).toEqual([fix]);
});

test.each<[number, string]>([
  [300, '5 m'],
  [60, '1 m'],
  [30, '30 s'],
  [276.9, '4.6 m'],
  [3 * HOUR, '3 h'],
  [7 * 86400, '7 d'],
])('%d seconds read %s', (seconds, text) => {
  expect(formatSeconds(seconds)).toBe(text);
});

test.each<[string, Array<[number, number]>, Array<[number, number]>]>([
  ['no gap', steps(60, 3, 3 * HOUR), []],
  [
    'one empty hour',
    [
      [HOUR, 60],
      [3 * HOUR, 60],
    ],
    [[HOUR, 2 * HOUR]],
  ],
  [
    'two runs',
    [
      [0, 60],
      [3 * HOUR, 60],
      [4 * HOUR, 1],
      [6 * HOUR, 60],
    ],
    [
      [0, 2 * HOUR],
      [4 * HOUR, 5 * HOUR],
    ],
  ],
])('gaps: %s', (_name, hourSteps, gaps) => {
  expect(gapsOf(hourSteps)).toEqual(gaps);
});
