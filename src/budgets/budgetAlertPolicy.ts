/**
 * When budget alerts fire: one policy for the Prometheus alerting rules (`aispend rules`) and
 * the Grafana-managed rules (Budgets page, file provisioning), so both alert alike.
 *
 * Why these `for:` durations. Within a period utilization only grows (spend accumulates) and
 * drops at the reset, so a real crossing happens once. What moves it back and forth is noise:
 * LiteLLM refreshes its budget gauges on each worker's own requests (and from a cron), and with
 * several workers (`pid`) the recorded spend jumps between the workers' values until each has
 * seen traffic; a limit being edited, or a missed scrape, does the same for a minute or two.
 * Requiring the condition for a while keeps such a wobble from firing, resolving and firing
 * again. Warning is not urgent (15m); at critical a fast burner may run out within the hour, so
 * it waits less (5m). Days to exhaustion changes slowly with the 7-day burn rate and hovers when
 * near the limit, so that alert waits an hour.
 */
import { BUDGET_CRITICAL_PERCENT, BUDGET_WARNING_PERCENT } from '../engine/conventions';

export const BUDGET_ALERT_POLICY = {
  warning: { percent: BUDGET_WARNING_PERCENT, for: '15m' },
  critical: { percent: BUDGET_CRITICAL_PERCENT, for: '5m' },
  /** seed 001 §2.2: fewer than 15 days of budget left at the burn rate is urgent */
  exhaustion: { days: 15, for: '1h' },
} as const;

/** Go-template (Prometheus and Grafana alike) naming the budget of an alert instance. */
export const BUDGET_OWNER_TEMPLATE = '{{ if $labels.team }}team "{{ $labels.team }}"{{ else }}all teams (global budget){{ end }}';
