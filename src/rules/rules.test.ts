/** @jest-environment node */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { FAMILIES } from '../engine/conventions';
import { getProfile, PROFILE_IDS, profileRuleGroups, profileRulesPath, renderRules } from '.';

const ROOT = path.resolve(__dirname, '../..');

describe.each(PROFILE_IDS)('profile %s', (id) => {
  const profile = getProfile(id);
  const committed = path.join(ROOT, profileRulesPath(id));

  test('the committed rules file is exactly what `aispend rules` generates (regenerate with npm run rules:write)', () => {
    expect(fs.readFileSync(committed, 'utf8')).toBe(renderRules(profile, profileRuleGroups(profile), 'yaml'));
  });

  test('records every canonical family it does not declare missing, and none it does', () => {
    const recorded = new Set(
      profileRuleGroups(profile).flatMap((g) => g.rules.map((r) => ('record' in r ? r.record : r.alert)))
    );
    for (const family of Object.values(FAMILIES)) {
      expect([family.id, recorded.has(family.series)]).toEqual([family.id, !profile.missing.includes(family.id)]);
    }
  });

  test('the prometheusrule format wraps the same groups for the Prometheus Operator', () => {
    const doc = parse(renderRules(profile, profileRuleGroups(profile), 'prometheusrule'));
    expect(doc.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(doc.kind).toBe('PrometheusRule');
    expect(doc.spec.groups).toEqual(parse(fs.readFileSync(committed, 'utf8')).groups);
  });

  test('promtool check rules and promtool test rules pass', () => {
    execFileSync('promtool', ['check', 'rules', committed], { stdio: 'pipe' });
    execFileSync('promtool', ['test', 'rules', path.join(ROOT, `provisioning/prometheus/tests/${id}.test.yaml`)], {
      stdio: 'pipe',
    });
  });
});
