/** @jest-environment node */
/**
 * The shipped rule files against the limits rulers document: Grafana Mimir allows 20 rules per group
 * (-ruler.max-rules-per-rule-group) and 70 groups per tenant (-ruler.max-rule-groups-per-tenant) by
 * default; Thanos Ruler and vmalert set none. The README's table of what each file holds is checked
 * against the files.
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { PROFILE_IDS, profileRulesPath } from '.';

const ROOT = path.resolve(__dirname, '../..');
const MIMIR_MAX_RULES_PER_GROUP = 20;
const MIMIR_MAX_GROUPS_PER_TENANT = 70;

interface RuleFile {
  groups: Array<{ name: string; rules: Array<{ record?: string; alert?: string }> }>;
}

function ruleFile(id: (typeof PROFILE_IDS)[number]): RuleFile {
  return parse(fs.readFileSync(path.join(ROOT, profileRulesPath(id)), 'utf8'));
}

/** The README's row for a rules file. */
function readmeRow(file: string, doc: RuleFile): string {
  const rules = doc.groups.flatMap((g) => g.rules);
  const recording = rules.filter((r) => r.record).length;
  const largest = doc.groups.reduce((a, b) => (b.rules.length > a.rules.length ? b : a));
  return `| \`${file}\` | ${doc.groups.length} | ${rules.length} (${recording} recording, ${rules.length - recording} alerting) | ${largest.rules.length} (\`${largest.name}\`) |`;
}

describe.each(PROFILE_IDS)('%s.rules.yaml', (id) => {
  test('every group within Mimir’s default rules per group, the file within its groups per tenant', () => {
    const doc = ruleFile(id);
    const over = doc.groups
      .filter((g) => g.rules.length > MIMIR_MAX_RULES_PER_GROUP)
      .map((g) => `${g.name}: ${g.rules.length} rules`);
    expect(over).toEqual([]);
    expect(doc.groups.length).toBeLessThanOrEqual(MIMIR_MAX_GROUPS_PER_TENANT);
  });

  test('the README states its groups and rules', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(readmeRow(path.basename(profileRulesPath(id)), ruleFile(id)));
  });
});
