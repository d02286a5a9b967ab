/**
 * The figures of `npm run bench:scale` and the goals of issue 15, as pure functions: per-page
 * sums of the measured queries, the goal checks, the cost slope, the table and the one-line JSON.
 */

export const PAGE_IDS = ['overview', 'topSpenders', 'budgets', 'kpiDeepDive'] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** One query as Prometheus ran it (`stats=all`); ms and samples are null when it was refused. */
export interface QueryFigure {
  page: PageId;
  name: string;
  ms: number | null;
  samples: number | null;
  peakSamples: number | null;
  error?: string;
  /** a range query's step; absent for an instant query */
  stepSec?: number;
  /** whether the query reads the hourly or daily tier (not only the one-minute tier) */
  readsTiers?: boolean;
}

/** Prometheus' default --query.max-samples: a query that loads more at once is refused. */
export const DEFAULT_MAX_SAMPLES = 50_000_000;

/** Whether a Prometheus with default limits refuses the query (the bench's may run it). */
export function refusedByDefault(q: QueryFigure): boolean {
  return q.ms === null || (q.peakSamples ?? 0) > DEFAULT_MAX_SAMPLES;
}

export interface PageFigure {
  /** Prometheus' time for all the page's queries, one after the other */
  ms: number;
  /** totalQueryableSamples of all the page's queries */
  samples: number;
  queries: number;
  maxQuerySamples: number;
  /** queries a Prometheus with default limits refuses (those the bench's ran are in the sums) */
  refused: number;
}

export type PageFigures = Record<PageId, PageFigure>;

export interface WindowCost {
  windowDays: number;
  samplesPerSeries: number;
}

export interface SizeResult {
  id: string;
  spenderSeries: number;
  spendSeries: number;
  pages: PageFigures;
  ruleEvalMsPerMin: number;
  maxErrorPct: number;
  /** what maxErrorPct compares the planner with */
  errorBaseline: 'raw counters' | 'one-minute tier';
  tiersFrom: string;
  buildSeconds: number;
  models: number;
  providers: number;
  teams: number;
  /** the same page queries with every window read from the one-minute tier */
  minuteTierOnly: PageFigures;
  /** the Overview KPI values over raw counters (where the history has them) */
  rawOverview?: { ms: number; samples: number };
  /** the Overview KPI values through the planner, for the comparison with rawOverview */
  plannedOverviewValues: { ms: number; samples: number };
  /** samples per spend series of the 'Total spend' value query, by window */
  windowCosts: WindowCost[];
  /** the query that read the most samples */
  largestQuery: { page: PageId; name: string; samples: number } | null;
  /** how many (measure, window, time) totals maxErrorPct is the largest of, and that case */
  errorCases: number;
  worstError: { measure: string; windowSeconds: number; atSec: number; planned: number; truth: number; errorPct: number } | null;
  queries: { planned: QueryFigure[]; minuteTierOnly: QueryFigure[] };
}

export interface Goal {
  goal: string;
  met: boolean;
  detail: string;
}

export const GOAL_LIMITS = { pageMs: 1000, querySamples: 5_000_000, ruleCoreShare: 0.05, maxErrorPct: 1, samplesPerSeriesPerDay: 1.5 };

export function pageFigure(queries: readonly QueryFigure[]): PageFigure {
  const ran = queries.filter((q) => q.ms !== null && q.samples !== null);
  return {
    ms: round(ran.reduce((s, q) => s + q.ms!, 0)),
    samples: ran.reduce((s, q) => s + q.samples!, 0),
    queries: queries.length,
    maxQuerySamples: Math.max(0, ...ran.map((q) => q.samples!)),
    refused: queries.filter(refusedByDefault).length,
  };
}

export function pageFigures(queries: readonly QueryFigure[]): PageFigures {
  return Object.fromEntries(PAGE_IDS.map((page) => [page, pageFigure(queries.filter((q) => q.page === page))])) as PageFigures;
}

export function largestQuery(queries: readonly QueryFigure[]): SizeResult['largestQuery'] {
  const top = queries.filter((q) => q.samples !== null).sort((a, b) => b.samples! - a.samples!)[0];
  return top ? { page: top.page, name: top.name, samples: top.samples! } : null;
}

/** The `n` slowest queries, one line each (a refused one first, with Prometheus' reason). */
export function slowestQueries(queries: readonly QueryFigure[], n: number): string {
  const cost = (q: QueryFigure) => (q.ms === null ? Infinity : q.ms);
  return [...queries]
    .sort((a, b) => cost(b) - cost(a))
    .slice(0, n)
    .map((q) => `    ${q.page} / ${q.name}: ${q.ms === null ? `refused (${q.error})` : `${q.ms} ms, ${q.samples} samples`}`)
    .join('\n');
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  // + 0: no -0 in the report
  return Math.round(n * f) / f + 0;
}

/** Least-squares slope and intercept of y over x. */
export function linearFit(points: ReadonlyArray<[number, number]>): { slope: number; intercept: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxx ? points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx : 0;
  return { slope, intercept: my - slope * mx };
}

/** Samples of a window beyond the hourly tier's reach, per series and added day (the daily tier adds one). */
export function samplesPerSeriesPerDay(costs: readonly WindowCost[]): number | null {
  const long = costs.filter((c) => c.windowDays >= 7).sort((a, b) => a.windowDays - b.windowDays);
  if (long.length < 2) {
    return null;
  }
  const [first, last] = [long[0], long[long.length - 1]];
  return (last.samplesPerSeries - first.samplesPerSeries) / (last.windowDays - first.windowDays);
}

/** The issue's goals, checked on the largest size (by spender series). */
export function checkGoals(sizes: readonly SizeResult[]): Goal[] {
  const largest = [...sizes].sort((a, b) => b.spenderSeries - a.spenderSeries)[0];
  const pages = PAGE_IDS.map((p) => ({ page: p, ...largest.pages[p] }));
  const slowest = [...pages].sort((a, b) => b.ms - a.ms)[0];
  const refused = pages.filter((p) => p.refused > 0);
  const perDay = samplesPerSeriesPerDay(largest.windowCosts);
  const budgetMs = 60_000 * GOAL_LIMITS.ruleCoreShare;
  return [
    {
      goal: `every page's 30-day queries together ≤ ${GOAL_LIMITS.pageMs} ms`,
      met: slowest.ms <= GOAL_LIMITS.pageMs && refused.length === 0,
      detail:
        `slowest: ${slowest.page} ${slowest.ms} ms${refused.length ? `; refused queries on ${refused.map((p) => p.page).join(', ')}` : ''}` +
        (slowest.ms > GOAL_LIMITS.pageMs ? `; ${pageTimeSplit(largest, slowest.page)}` : ''),
    },
    {
      goal: `no query above ${GOAL_LIMITS.querySamples / 1e6} M samples`,
      met: (largest.largestQuery?.samples ?? 0) <= GOAL_LIMITS.querySamples && refused.length === 0,
      detail: largest.largestQuery
        ? `largest: ${largest.largestQuery.page} / ${largest.largestQuery.name}, ${largest.largestQuery.samples} samples` +
          (largest.largestQuery.samples > GOAL_LIMITS.querySamples ? `; ${overSampleBudget(largest)}` : '')
        : 'no query ran',
    },
    {
      goal: `rule evaluation ≤ ${GOAL_LIMITS.ruleCoreShare * 100} % of one core (${budgetMs} ms per minute)`,
      met: largest.ruleEvalMsPerMin <= budgetMs,
      detail: `${largest.ruleEvalMsPerMin} ms per minute = ${round((largest.ruleEvalMsPerMin / 60_000) * 100, 2)} % of one core`,
    },
    {
      goal: `maxErrorPct ≤ ${GOAL_LIMITS.maxErrorPct}`,
      met: sizes.every((s) => s.maxErrorPct <= GOAL_LIMITS.maxErrorPct),
      detail: sizes.map((s) => `${s.id} ${s.maxErrorPct} % vs ${s.errorBaseline}`).join('; '),
    },
    {
      goal: `a window beyond the daily tier adds ≤ ${GOAL_LIMITS.samplesPerSeriesPerDay} samples per series and day`,
      met: perDay !== null && perDay <= GOAL_LIMITS.samplesPerSeriesPerDay,
      detail: perDay === null ? 'no windows of 7 days or more measured' : `${round(perDay, 2)} samples per series per added day (the one-minute tier adds 1440)`,
    },
  ];
}

/**
 * Where a slow page's time goes, from its measured queries: its range queries (beside the same
 * queries over the one-minute tier alone) and its instant queries.
 */
export function pageTimeSplit(size: SizeResult, page: PageId): string {
  const planned = size.queries.planned.filter((q) => q.page === page);
  const range = planned.filter((q) => q.stepSec !== undefined);
  const rangeNames = new Set(range.map((q) => q.name));
  const minuteRange = size.queries.minuteTierOnly.filter((q) => q.page === page && rangeNames.has(q.name));
  const instant = planned.filter((q) => q.stepSec === undefined);
  const [r, m] = [pageFigure(range), pageFigure(minuteRange)];
  const parts = [`${instant.length} instant queries ${pageFigure(instant).ms} ms`];
  if (range.length) {
    parts.unshift(
      `${range.length} range queries ${r.ms} ms (${samples(r.samples)} samples; the one-minute tier alone: ${m.ms} ms, ${samples(m.samples)} samples)`
    );
  }
  return `${page}: ${parts.join(', ')}`;
}

/** Why the largest query reads more than the goal allows. */
export function overSampleBudget(size: SizeResult): string {
  const top = size.queries.planned.find((q) => q.page === size.largestQuery?.page && q.name === size.largestQuery?.name);
  if (!top || top.stepSec === undefined) {
    return 'an instant query';
  }
  if (!top.readsTiers) {
    return top.stepSec % 3600
      ? `a range query at a ${top.stepSec} s step: not a whole number of hours, so each point sums its one-minute samples`
      : `a range query at a ${top.stepSec} s step over the one-minute tier: no hourly buckets written for its range`;
  }
  return `a range query at a ${top.stepSec} s step: each point still reads up to two hours of one-minute samples at its edges`;
}

/** How the samples of the 30-day 'Total spend' value grow with the spend series, over the sizes (null from fewer than two). */
export function seriesSlope(sizes: readonly SizeResult[]): { samplesPerSeries: number; intercept: number } | null {
  const points = sizes.map((s): [number, number] => [s.spendSeries, (s.windowCosts.find((c) => c.windowDays === 30)?.samplesPerSeries ?? 0) * s.spendSeries]);
  if (new Set(points.map(([x]) => x)).size < 2) {
    return null;
  }
  const { slope, intercept } = linearFit(points);
  return { samplesPerSeries: round(slope, 2), intercept: round(intercept, 0) };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

const ms = (f: PageFigure) => (f.refused ? `${f.ms} +${f.refused} refused` : String(f.ms));
const samples = (n: number) => (n >= 1e6 ? `${round(n / 1e6, 1)} M` : n >= 1e3 ? `${round(n / 1e3, 1)} k` : String(n));

/** The measured sizes as a table: page ms / samples (planner, and the one-minute tier alone), rules, error. */
export function formatTable(sizes: readonly SizeResult[]): string {
  const header = ['size', 'spender', 'spend', ...PAGE_IDS.map((p) => `${p} ms / samples`), 'rules ms/min', 'max error %'];
  const rows = sizes.flatMap((s) => [
    [
      s.id,
      String(s.spenderSeries),
      String(s.spendSeries),
      ...PAGE_IDS.map((p) => `${ms(s.pages[p])} / ${samples(s.pages[p].samples)}`),
      String(s.ruleEvalMsPerMin),
      String(s.maxErrorPct),
    ],
    ['  1m tier only', '', '', ...PAGE_IDS.map((p) => `${ms(s.minuteTierOnly[p])} / ${samples(s.minuteTierOnly[p].samples)}`), '', ''],
  ]);
  return table([header, ...rows]);
}

/** The one JSON object of `--json`: the shape the issue asks for, extra figures inside. */
export function resultJson(sizes: readonly SizeResult[], extra: Record<string, unknown>): string {
  return JSON.stringify({ sizes, ...extra });
}
