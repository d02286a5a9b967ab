import { unpricedModels, unpricedUsageQueries, unpricedWarning } from './unpriced';

describe('unpricedUsageQueries', () => {
  test.each([
    [
      3600,
      {},
      '(sum by (provider, model) (sum_over_time(aigateway:tokens:increase1m[3599999ms])) > 0) unless on (provider, model) ' +
        '(sum by (provider, model) (sum_over_time(aigateway:spend_usd:increase1m[3599999ms])) > 0)',
      '(sum by (provider, model) (sum_over_time(aigateway:requests:increase1m[3599999ms])) > 0) unless on (provider, model) ' +
        '(sum by (provider, model) (sum_over_time(aigateway:spend_usd:increase1m[3599999ms])) > 0)',
    ],
    [
      600,
      { team: ['a"b'] },
      '(sum by (provider, model) (sum_over_time(aigateway:tokens:increase1m{team="a\\"b"}[599999ms])) > 0) unless on (provider, model) ' +
        '(sum by (provider, model) (sum_over_time(aigateway:spend_usd:increase1m{team="a\\"b"}[599999ms])) > 0)',
      '(sum by (provider, model) (sum_over_time(aigateway:requests:increase1m{team="a\\"b"}[599999ms])) > 0) unless on (provider, model) ' +
        '(sum by (provider, model) (sum_over_time(aigateway:spend_usd:increase1m{team="a\\"b"}[599999ms])) > 0)',
    ],
  ])('window %i s, filters %j', (window, filters, tokens, requests) => {
    expect(unpricedUsageQueries(window, filters)).toEqual({ tokens, requests });
  });
});

const v = (provider: string, model: string, value: number) => ({ labels: { provider, model }, value });

describe('unpricedModels', () => {
  test('joins tokens and requests per provider and model, most tokens first', () => {
    expect(unpricedModels([v('self-hosted', 'llama-4', 1200), v('openai', 'o5', 3_000_000)], [v('openai', 'o5', 40), v('x', 'img', 7), v('self-hosted', 'llama-4', 3)])).toEqual([
      { provider: 'openai', model: 'o5', tokens: 3_000_000, requests: 40 },
      { provider: 'self-hosted', model: 'llama-4', tokens: 1200, requests: 3 },
      { provider: 'x', model: 'img', tokens: 0, requests: 7 },
    ]);
  });

  test('a label missing from a sample is ""; zero values are no usage', () => {
    expect(unpricedModels([{ labels: { model: 'm' }, value: 5 }, v('p', 'q', 0)])).toEqual([{ provider: '', model: 'm', tokens: 5, requests: 0 }]);
  });
});

describe('unpricedWarning', () => {
  const row = (model: string, tokens: number, requests = 0, provider = 'p') => ({ provider, model, tokens, requests });
  test.each([
    [[], null],
    [[row('a', 4_200_000)], '1 model used without a price: a — 4.20 M tokens'],
    [[row('a', 4_000_000), row('b', 150_000), row('c', 50_000)], '3 models used without a price: a, b, c — 4.20 M tokens'],
    [[row('img', 0, 1234)], '1 model used without a price: img — 1,234 requests'],
    [[row('', 999)], '1 model used without a price: (no model) — 999 tokens'],
    [[row('m', 10, 0, 'openai'), row('m', 5, 0, 'azure')], '2 models used without a price: openai/m, azure/m — 15 tokens'],
    [
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((m, i) => row(m, 1000 - i)),
      '7 models used without a price: a, b, c, d, e and 2 more — 6.98 k tokens',
    ],
  ])('%j: %s', (models, text) => {
    expect(unpricedWarning(models)).toBe(text);
  });
});
