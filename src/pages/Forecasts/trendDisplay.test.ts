import type { Trend } from '../../analysis/trend';
import type { ChangeTone } from '../../components/ValueTable/format';
import { trendText, trendTone } from './trendDisplay';

test.each<[Trend, number, string, ChangeTone]>([
  ['increasing', 0.072, '↗ increasing (+7.2 %/day)', 'bad'],
  ['decreasing', -0.12, '↘ decreasing (−12.0 %/day)', 'good'],
  ['stable', 0.049, '→ stable (+4.9 %/day)', 'neutral'],
  ['stable', 0, '→ stable (0.0 %/day)', 'neutral'],
])('%s at %p per day reads %p and is %p', (trend, slope, text, tone) => {
  expect(trendText(trend, slope)).toBe(text);
  expect(trendTone(trend)).toBe(tone);
});
