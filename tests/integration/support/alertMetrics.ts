/**
 * A /metrics endpoint on 127.0.0.1 with the raw series the alerting rules read: LiteLLM's budget
 * gauges per team (changeable while it runs), one LiteLLM spend counter growing at a fixed rate,
 * and one series of recorded daily spend.
 */
import http from 'http';
import { freePort } from '../../../scripts/testbed/prometheus';
import { formatLabels } from '../../../src/demo/openmetrics';
import { ANALYSIS_SERIES } from '../../../src/engine/conventions';

export interface TeamBudget {
  limit: number;
  remaining: number;
}

export interface AlertMetricsOptions {
  budgets: Record<string, TeamBudget>;
  /** LiteLLM's spend counter of one model and team, growing by `usd` per second */
  spendPerSecond: { provider: string; model: string; team: string; usd: number };
  dailySpend: { provider: string; model: string; team: string; usd: number };
}

export interface MetricsEndpoint {
  /** host:port, as a scrape target */
  target: string;
  setRemaining(team: string, remaining: number): void;
  close(): Promise<void>;
}

function exposition(options: AlertMetricsOptions, sinceMs: number): string {
  const teams = Object.entries(options.budgets);
  const { provider, model, team, usd } = options.spendPerSecond;
  const { usd: daily, ...dailyLabels } = options.dailySpend;
  return [
    '# TYPE litellm_team_max_budget_metric gauge',
    ...teams.map(([name, b]) => `litellm_team_max_budget_metric${formatLabels({ team: name })} ${b.limit}`),
    '# TYPE litellm_remaining_team_budget_metric gauge',
    ...teams.map(([name, b]) => `litellm_remaining_team_budget_metric${formatLabels({ team: name })} ${b.remaining}`),
    '# TYPE litellm_spend_metric_total counter',
    `litellm_spend_metric_total${formatLabels({ api_provider: provider, model, team })} ${(usd * (Date.now() - sinceMs)) / 1000}`,
    `# TYPE ${ANALYSIS_SERIES.spendDaily} gauge`,
    `${ANALYSIS_SERIES.spendDaily}${formatLabels(dailyLabels)} ${daily}`,
    '',
  ].join('\n');
}

export async function startMetricsEndpoint(options: AlertMetricsOptions): Promise<MetricsEndpoint> {
  const budgets = { ...options.budgets };
  const started = Date.now();
  const server = http.createServer((_req, res) => res.end(exposition({ ...options, budgets }, started)));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    target: `127.0.0.1:${port}`,
    setRemaining: (team, remaining) => (budgets[team] = { ...budgets[team], remaining }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
