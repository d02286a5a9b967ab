/**
 * The allocation rule as the page's editor holds it (a choice and, for "charge to a team", the
 * team) and as people read it; saving it is allocationStore.ts.
 */
import { describeRule } from '../../chargeback/allocation';
import { type AllocationRule, UNALLOCATED_LABEL } from '../../chargeback/types';

export type AllocationChoice = 'unallocated' | 'proportional' | 'team';

export const ALLOCATION_CHOICES: ReadonlyArray<{ value: AllocationChoice; label: string; description: string }> = [
  {
    value: 'unallocated',
    label: `Keep as ${UNALLOCATED_LABEL}`,
    description: 'Spend without a team stays on its own row',
  },
  {
    value: 'proportional',
    label: 'Spread proportionally',
    description: "Split over the teams in proportion to each team's spend",
  },
  { value: 'team', label: 'Charge to a team', description: 'All spend without a team goes to one team' },
];

export function choiceOf(rule: AllocationRule): AllocationChoice {
  return typeof rule === 'string' ? rule : 'team';
}

/** The rule of a choice; "charge to a team" without a team is no rule yet. */
export function ruleOf(choice: AllocationChoice, team: string | undefined): AllocationRule | undefined {
  if (choice !== 'team') {
    return choice;
  }
  const name = team?.trim();
  return name ? { team: name } : undefined;
}

export function sameRule(a: AllocationRule | undefined, b: AllocationRule | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "Spend without a team: charged to team platform." (the report's wording of the rule) */
export function ruleSentence(rule: AllocationRule): string {
  return `Spend without a team: ${describeRule(rule)}.`;
}
