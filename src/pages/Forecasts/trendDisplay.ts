/** How a trend reads: arrow, word and slope; its colour follows "more spend is bad". */
import type { Trend } from '../../analysis/trend';
import type { ChangeTone } from '../../components/ValueTable/format';
import { formatPercent } from '../../format/numbers';

const ARROWS: Record<Trend, string> = { increasing: '↗', decreasing: '↘', stable: '→' };

/** "↗ increasing (+7.2 %/day)"; the slope is relative to the mean daily spend. */
export function trendText(trend: Trend, relativeSlopePerDay: number): string {
  return `${ARROWS[trend]} ${trend} (${formatPercent(relativeSlopePerDay * 100, { signed: true })}/day)`;
}

export function trendTone(trend: Trend): ChangeTone {
  return trend === 'increasing' ? 'bad' : trend === 'decreasing' ? 'good' : 'neutral';
}
