/** @jest-environment node */
import { SCALE_DAYS, SCALE_SIZES, scaleHistorySpec, sizeFigures } from './scaleSizes';

test('three sizes that grow: 500 / 2,000 / 5,000 spender and 200 / 500 / 1,000 spend series', () => {
  expect(SCALE_SIZES.map((s) => [s.id, sizeFigures(s).spenderSeries, sizeFigures(s).spendSeries])).toEqual([
    ['small', 500, 200],
    ['medium', 2000, 500],
    ['large', 5000, 1000],
  ]);
});

test.each(SCALE_SIZES.map((s) => [s.id, s]))('%s: 60+ models, 10 providers, 25+ teams, 35 days, several pods', (_, size) => {
  const figures = sizeFigures(size);
  expect(figures.models).toBeGreaterThanOrEqual(60);
  expect(figures.providers).toBe(10);
  expect(figures.teams).toBeGreaterThanOrEqual(25);
  expect(size.world.pods).toBeGreaterThan(1);
  expect(scaleHistorySpec(size)).toMatchObject({ profile: 'litellm', days: SCALE_DAYS, scrapeIntervalSeconds: 60, world: size.world });
  expect(SCALE_DAYS).toBeGreaterThanOrEqual(35);
});

test('the smallest size runs the real rules, the others are generated', () => {
  expect(SCALE_SIZES.map((s) => s.tiers)).toEqual(['rules', 'generator', 'generator']);
});
