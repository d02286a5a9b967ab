import {
  formatDays,
  formatKpiValue,
  formatNumber,
  formatPercent,
  formatPlainNumber,
  formatUsd,
  siMagnitude,
  type UnitDisplay,
} from './numbers';

test.each<[number | null | undefined, { signed?: boolean }, string]>([
  [57748.4712, {}, '$57,748.47'],
  [5620.498874, {}, '$5,620.50'],
  [1e6, {}, '$1,000,000.00'],
  [0, {}, '$0.00'],
  [0.0042, {}, '$0.0042'],
  [0.01, {}, '$0.01'],
  [-12.3, {}, '−$12.30'],
  [-0.004, {}, '−$0.0040'],
  [12.3, { signed: true }, '+$12.30'],
  [-4, { signed: true }, '−$4.00'],
  [0, { signed: true }, '$0.00'],
  [Infinity, {}, '$∞'],
  [null, {}, '—'],
  [undefined, {}, '—'],
  [NaN, {}, '—'],
])('formatUsd(%p, %j) = %p', (value, options, text) => {
  expect(formatUsd(value, options)).toBe(text);
});

test.each<[number | null, { decimals?: number; signed?: boolean }, string]>([
  [49.3412, {}, '49.3 %'],
  [49.3412, { decimals: 0 }, '49 %'],
  [99.954, { decimals: 2 }, '99.95 %'],
  [2537.94, {}, '2,537.9 %'],
  [2511.24, { signed: true }, '+2,511.2 %'],
  [-4, { signed: true }, '−4.0 %'],
  // rounds to zero: no sign either way
  [-0.04, { signed: true }, '0.0 %'],
  [0.04, { signed: true }, '0.0 %'],
  [0, { signed: true }, '0.0 %'],
  [Infinity, {}, '∞ %'],
  [Infinity, { signed: true }, '+∞ %'],
  [-Infinity, {}, '−∞ %'],
  [null, {}, '—'],
])('formatPercent(%p, %j) = %p', (value, options, text) => {
  expect(formatPercent(value, options)).toBe(text);
});

test.each<[number | null, number | undefined, string]>([
  [12.34, undefined, '12.3 days'],
  [1234.56, undefined, '1,234.6 days'],
  [12.34, 0, '12 days'],
  [null, undefined, '—'],
])('formatDays(%p, %p) = %p', (value, decimals, text) => {
  expect(formatDays(value, decimals)).toBe(text);
});

test.each<[number | null, number, boolean, string]>([
  [1234567.891, 2, false, '1,234,567.89'],
  [3.25, 1, false, '3.3'],
  [-1234, 0, false, '−1,234'],
  [1234, 0, true, '+1,234'],
  [Infinity, 1, false, '∞'],
  [NaN, 1, false, '—'],
])('formatNumber(%p, %p, signed %p) = %p', (value, decimals, signed, text) => {
  expect(formatNumber(value, decimals, { signed })).toBe(text);
});

test.each<[number, string]>([
  [3066544, '3.07 M'],
  [12400, '12.4 k'],
  [123456, '123 k'],
  [1000, '1 k'],
  [3_000_000, '3 M'],
  [9526529.4, '9.53 M'],
  [2.5e9, '2.50 G'],
  [950, '950'],
  [12.34, '12.3'],
  [1.5, '1.50'],
  [0.5, '0.500'],
  [0, '0'],
  [-12400, '12.4 k'],
])('siMagnitude(%p) = %p: three significant digits, a whole number without decimals', (value, text) => {
  expect(siMagnitude(value)).toBe(text);
});

test.each<[UnitDisplay, number | null, string]>([
  [{ unit: 'USD', decimals: 2 }, 57748.4712, '$57,748.47'],
  [{ unit: 'USD', decimals: 2 }, -250.5, '−$250.50'],
  [{ unit: 'USD', decimals: 4 }, 0.01017, '$0.0102'],
  [{ unit: 'USD/day', decimals: 2 }, 1806.742, '$1,806.74/day'],
  [{ unit: '%', decimals: 1 }, 51.52, '51.5 %'],
  [{ unit: '%', decimals: 2 }, 99.954, '99.95 %'],
  [{ unit: '%', decimals: 1 }, 2537.94, '2,537.9 %'],
  [{ unit: 'tokens/h', decimals: 0 }, 3066544.4, '3.07 M tokens/h'],
  [{ unit: 'tokens/h', decimals: 0 }, 12400, '12.4 k tokens/h'],
  [{ unit: 'tokens/h', decimals: 0 }, 950, '950 tokens/h'],
  [{ unit: 'ratio', decimals: 2 }, 0.3141, '0.31'],
  [{ unit: 'count', decimals: 0 }, 1234, '1,234'],
  [{ unit: 'days', decimals: 1 }, 10.66, '10.7 days'],
  [{ unit: 'req/s', decimals: 1 }, 12345.67, '12,345.7 req/s'],
  [{ unit: '', decimals: 1 }, 12.34, '12.3'],
  [{ unit: 'USD', decimals: 2 }, null, '—'],
])('formatKpiValue(%j, %p) = %p', (kpi, value, text) => {
  expect(formatKpiValue(kpi, value)).toBe(text);
});

test.each<[UnitDisplay, number, string]>([
  [{ unit: 'USD', decimals: 2 }, 5640.2, '+$5,640.20'],
  [{ unit: 'tokens/h', decimals: 0 }, -12400, '−12.4 k tokens/h'],
  [{ unit: '%', decimals: 1 }, 0, '0.0 %'],
])('formatKpiValue(%j, %p, signed) = %p', (kpi, value, text) => {
  expect(formatKpiValue(kpi, value, { signed: true })).toBe(text);
});

test.each<[number | null, string]>([
  [57748.4712345, '57,748.4712'],
  [12.5, '12.5'],
  [3066544, '3,066,544'],
  [0.00421789, '0.004218'],
  [0.000004, '0.000004'],
  [-0.5, '−0.5'],
  [0, '0'],
  [Infinity, '∞'],
  [null, '—'],
])('formatPlainNumber(%p) = %p', (value, text) => {
  expect(formatPlainNumber(value)).toBe(text);
});
