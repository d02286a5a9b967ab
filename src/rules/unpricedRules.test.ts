/** @jest-environment node */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { unpricedUsageQueries } from '../analysis/unpriced';
import { getProfile, PROFILE_IDS, profileRuleGroups, profileRulesPath } from '.';
import { UNPRICED_GROUP, unpricedRuleGroup } from './unpricedRules';

const ROOT = path.resolve(__dirname, '../..');

test('records the pages\' unpriced queries over one hour and alerts on tokens', () => {
  const queries = unpricedUsageQueries(3600);
  expect(unpricedRuleGroup().rules.map((r) => ('record' in r ? [r.record, r.expr] : [r.alert, r.expr, r.for]))).toEqual([
    ['aigateway:unpriced_tokens:1h', queries.tokens],
    ['aigateway:unpriced_requests:1h', queries.requests],
    ['AISpendUnpricedUsage', 'aigateway:unpriced_tokens:1h > 0', '15m'],
  ]);
});

test.each(PROFILE_IDS)('profile %s: the unpriced group is in the committed file', (id) => {
  expect(profileRuleGroups(getProfile(id)).map((g) => g.name)).toContain(UNPRICED_GROUP);
  const committed = parse(fs.readFileSync(path.join(ROOT, profileRulesPath(id)), 'utf8')).groups;
  expect(committed.filter((g: { name: string }) => g.name === UNPRICED_GROUP)).toEqual([unpricedRuleGroup()]);
});

test('promtool: two unpriced models fire after 15 minutes; a priced one and one with failed requests only do not', () => {
  execFileSync('promtool', ['test', 'rules', path.join(ROOT, 'provisioning/prometheus/tests/unpriced.test.yaml')], { stdio: 'pipe' });
});
