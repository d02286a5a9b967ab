/** One Prometheus rule group, as rule files and PrometheusRule resources write it. */
import type { AlertingRule } from './derived';
import type { RecordingRule } from './profile';

export interface RuleGroup {
  name: string;
  interval: string;
  rules: Array<RecordingRule | AlertingRule>;
}
