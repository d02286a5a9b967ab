import { ChangeTone, spendChangeTone } from './format';

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
