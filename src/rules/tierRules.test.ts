/** @jest-environment node */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { getProfile, PROFILE_IDS, profileRuleGroups, profileRulesPath } from '.';
import { tierRuleGroups, TIER_GROUPS } from './tierRules';

const ROOT = path.resolve(__dirname, '../..');

test('one hourly and one daily rule per counter family, each group closed by its clock', () => {
  const [hourly, daily] = tierRuleGroups();
  expect(hourly.rules.map((r) => ('record' in r ? r.record : r.alert))).toEqual([
    'aigateway:spend_usd:increase1h',
    'aigateway:requests:increase1h',
    'aigateway:tokens:increase1h',
    'aigateway:cache_hits:increase1h',
    'aigateway:retries:increase1h',
    'aigateway:fallbacks:increase1h',
    'aigateway:spend_usd_by_user:increase1h',
    'aigateway:tier_clock',
  ]);
  expect(hourly.rules[0]).toEqual({
    record: 'aigateway:spend_usd:increase1h',
    expr: 'sum_over_time(last_over_time(aigateway:spend_usd:increase1m[59999ms])[3599999ms:1m] offset 1m) and on () (minute() == 0)',
  });
  expect(daily.rules[0]).toEqual({
    record: 'aigateway:spend_usd:increase1d',
    expr:
      'sum_over_time(aigateway:spend_usd:increase1h[1d] offset 30m) and on () (hour() == 0 and minute() == 0) and ' +
      'on () (count_over_time(aigateway:tier_clock{tier="1h"}[1d] offset 30m) == 24)',
  });
  expect(daily.rules.at(-1)).toEqual({
    record: 'aigateway:tier_clock',
    expr: 'vector(time() - time() % 86400) and on () (hour() == 0 and minute() == 0) and on () (count_over_time(aigateway:tier_clock{tier="1h"}[1d] offset 30m) == 24)',
    labels: { tier: '1d' },
  });
});

test.each(PROFILE_IDS)('profile %s: the tier groups follow the canonical group in the committed file', (id) => {
  const names = profileRuleGroups(getProfile(id)).map((g) => g.name);
  expect(names.slice(1, 3)).toEqual([TIER_GROUPS.hour, TIER_GROUPS.day]);
  const committed = parse(fs.readFileSync(path.join(ROOT, profileRulesPath(id)), 'utf8')).groups;
  expect(committed.slice(1, 3)).toEqual(tierRuleGroups(getProfile(id).missing));
});

test('promtool: hourly and daily buckets hold exactly their clock-cut minutes; a series without minutes in a bucket has none', () => {
  execFileSync('promtool', ['test', 'rules', path.join(ROOT, 'provisioning/prometheus/tests/tiers.test.yaml')], { stdio: 'pipe' });
});
