/**
 * Regenerates the committed rule files: provisioning/prometheus/rules from the profiles, and the
 * Grafana-managed budget alert rules under provisioning/alerting from their builder.
 */
import fs from 'fs';
import path from 'path';
import { BUDGET_ALERT_FILE, renderBudgetAlertFile } from '../src/alerts/alertRuleFile';
import { getProfile, PROFILE_IDS, profileRuleGroups, profileRulesPath, renderRules } from '../src/rules';

const root = path.resolve(__dirname, '..');
for (const id of PROFILE_IDS) {
  const profile = getProfile(id);
  const file = path.join(root, profileRulesPath(id));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderRules(profile, profileRuleGroups(profile), 'yaml'));
  console.log(`wrote ${path.relative(root, file)}`);
}
const alertFile = path.join(root, BUDGET_ALERT_FILE);
fs.mkdirSync(path.dirname(alertFile), { recursive: true });
fs.writeFileSync(alertFile, renderBudgetAlertFile());
console.log(`wrote ${BUDGET_ALERT_FILE}`);
