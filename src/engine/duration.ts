/** Durations as PromQL and Grafana write them: 90s, 5m, 1h, 30d, 2w. */
const DURATION = /^(\d+)(s|m|h|d|w)$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Milliseconds as a PromQL duration: whole seconds in `s`, anything else in `ms`. */
export function formatPromDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

export function parseDurationSeconds(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  return match && Number(match[1]) > 0 ? Number(match[1]) * UNIT_SECONDS[match[2]] : undefined;
}
