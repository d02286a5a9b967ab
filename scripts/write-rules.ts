/** Regenerates the committed rule files under provisioning/prometheus/rules from the profiles. */
import fs from 'fs';
import path from 'path';
import { getProfile, PROFILE_IDS, profileRuleGroups, profileRulesPath, renderRules } from '../src/rules';

const root = path.resolve(__dirname, '..');
for (const id of PROFILE_IDS) {
  const profile = getProfile(id);
  const file = path.join(root, profileRulesPath(id));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderRules(profile, profileRuleGroups(profile), 'yaml'));
  console.log(`wrote ${path.relative(root, file)}`);
}
