import { ChangeTone, formatPercent, formatSignedUsd, formatUsd, spendChangeTone } from './format';

test.each<[number | null | undefined, string]>([
  [5620.498874, '$5,620.50'],
  [0, '$0.00'],
  [0.0042, '$0.0042'],
  [-12.3, '−$12.30'],
  [-0.004, '−$0.0040'],
  [1e6, '$1,000,000.00'],
  [null, '—'],
  [undefined, '—'],
  [NaN, '—'],
  [Infinity, '∞'],
])('formatUsd(%p) = %p', (value, text) => {
  expect(formatUsd(value)).toBe(text);
});

test.each<[number | null, string]>([
  [12.3, '+$12.30'],
  [-4, '−$4.00'],
  [0, '$0.00'],
  [null, '—'],
])('formatSignedUsd(%p) = %p', (value, text) => {
  expect(formatSignedUsd(value)).toBe(text);
});

test.each<[number | null, { decimals?: number; signed?: boolean }, string]>([
  [49.3412, {}, '49.3 %'],
  [49.3412, { decimals: 0 }, '49 %'],
  [2511.24, { signed: true }, '+2511.2 %'],
  [-4, { signed: true }, '−4.0 %'],
  [-0.04, { signed: true }, '0.0 %'],
  [0, { signed: true }, '0.0 %'],
  [Infinity, {}, '+∞ %'],
  [null, {}, '—'],
])('formatPercent(%p, %p) = %p', (value, options, text) => {
  expect(formatPercent(value, options)).toBe(text);
});

test.each<[number | null, ChangeTone]>([
  [1, 'bad'],
  [1e-12, 'bad'],
  [-3, 'good'],
  [0, 'neutral'],
  [null, 'neutral'],
  [NaN, 'neutral'],
])('more spend is bad: change %p is %p', (change, tone) => {
  expect(spendChangeTone(change)).toBe(tone);
});
