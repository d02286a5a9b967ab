/**
 * The test bed records the analysis series (daily spend, 30-day baselines) for its last day only:
 * queries of the anomaly table at other times read them computed in place.
 */
import { anomalyRuleGroups } from '../../src/rules/anomalyRules';
import { RecordingRule } from '../../src/rules/profile';

const RECORDED: RecordingRule[] = anomalyRuleGroups()
  .flatMap((g) => g.rules)
  .filter((r): r is RecordingRule => 'record' in r)
  .sort((a, b) => b.record.length - a.record.length);

/** `promql` with each recorded series replaced by its rule's expression, longest names first. */
export function inlineRecorded(promql: string): string {
  let out = promql;
  for (const rule of RECORDED) {
    const name = new RegExp(`(?<![\\w:])${rule.record.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w:])`, 'g');
    out = out.replace(name, `(${rule.expr})`);
  }
  return out;
}
