/**
 * Answers to a report's queries for tests: a November 2026 of 100 USD (80 in October) by teams,
 * keys, models and providers, 30 days with data, one anomaly and one unpriced model.
 */
import type { ChargebackQueryId, ChargebackResults, QueryAnswer, RangeSeries } from '../types';

export const t = (iso: string) => Date.parse(iso) / 1000;
export const NOW = t('2026-12-15T10:20:30Z');
const DAY = 86400;
const NOV_START = t('2026-11-01T00:00:00Z');

type Row = [Record<string, string>, number];
export const instant = (...rows: Row[]): QueryAnswer => ({ kind: 'instant', values: rows.map(([labels, value]) => ({ labels, value })) });
export const range = (...series: RangeSeries[]): QueryAnswer => ({ kind: 'range', series });
const one = (value: number): Row => [{}, value];

/** Day d of November (1-based) spends 3 USD, the 30th 13; the day before the month 2.5. */
export const NOVEMBER_DAILY: RangeSeries = {
  labels: {},
  points: Array.from({ length: 31 }, (_, i) => ({ timeSec: NOV_START + i * DAY, value: i === 0 ? 2.5 : i === 30 ? 13 : 3 })),
};
/** 24 hours with data each day; `gapDays` (1-based November days) have none. */
export const hoursPerDay = (gapDays: number[] = []): RangeSeries => ({
  labels: { aispend_period: 'current' },
  points: Array.from({ length: 31 }, (_, i) => ({ timeSec: NOV_START + i * DAY, value: gapDays.includes(i) ? 0 : 24 })),
});

export function novemberAnswers(): ChargebackResults {
  const period = (steps: number) => instant([{ aispend_period: 'current' }, steps]);
  const answers: Partial<Record<ChargebackQueryId, QueryAnswer>> = {
    total: instant(one(100)),
    previousTotal: instant(one(80)),
    teams: instant([{ team: 'a' }, 60], [{ team: 'b' }, 30], [{ team: '' }, 10]),
    previousTeams: instant([{ team: 'a' }, 50], [{ team: 'b' }, 30]),
    apiKeys: instant([{ api_key: 'k1' }, 70], [{ api_key: 'k2' }, 25], [{ api_key: '' }, 5]),
    previousApiKeys: instant([{ api_key: 'k1' }, 60], [{ api_key: 'k2' }, 20]),
    models: instant([{ model: 'm1' }, 75], [{ model: 'm2' }, 25]),
    previousModels: instant([{ model: 'm1' }, 80]),
    providers: instant([{ provider: 'openai' }, 100]),
    previousProviders: instant([{ provider: 'openai' }, 80]),
    daily: range(NOVEMBER_DAILY),
    dailyCoverage: range(hoursPerDay()),
    coverage: period(720),
    previousCoverage: period(744),
    anomalyHours: instant([{ provider: 'openai', model: 'm1', team: 'a' }, 5]),
    anomalyFirst: instant([{ provider: 'openai', model: 'm1', team: 'a' }, t('2026-11-20T13:00:00Z')]),
    anomalyPeakRate: instant([{ provider: 'openai', model: 'm1', team: 'a' }, 14]),
    anomalyMaxDeviation: instant([{ provider: 'openai', model: 'm1', team: 'a' }, 250]),
    anomalyMinDeviation: instant([{ provider: 'openai', model: 'm1', team: 'a' }, 120]),
    unpricedTokens: instant([{ provider: 'self-hosted', model: 'llama-x' }, 4_200_000]),
    unpricedRequests: instant([{ provider: 'self-hosted', model: 'llama-x' }, 900]),
  };
  return answers;
}
