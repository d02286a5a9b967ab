/**
 * Allocation of spend without a team (team ""): kept as "Unallocated", spread over the teams in
 * proportion to their spend, or charged to one named team. A redistribution: what the rule adds
 * to teams it takes from the Unallocated row, so the rows still add up to the same total.
 */
import type { AllocationRule } from './types';

export const NO_TEAM = '';

export interface AllocatedTeam {
  recorded: number;
  /** + for a team that receives, − for the Unallocated row that gives */
  allocated: number;
}

export interface Allocation {
  teams: Map<string, AllocatedTeam>;
  /** spend without a team before the rule */
  unallocated: number;
  /** why the rule could not apply as asked */
  note?: string;
}

export function describeRule(rule: AllocationRule): string {
  return rule === 'unallocated' ? 'kept as Unallocated' : rule === 'proportional' ? 'proportional to team spend' : `charged to team ${rule.team}`;
}

/** The rule applied to spend by team (`recorded`); the Unallocated row stays, at 0 once allocated. */
export function allocate(recorded: ReadonlyMap<string, number>, rule: AllocationRule): Allocation {
  const teams = new Map([...recorded].map(([team, spend]) => [team, { recorded: spend, allocated: 0 }]));
  const unallocated = recorded.get(NO_TEAM) ?? 0;
  if (rule === 'unallocated' || unallocated === 0) {
    return { teams, unallocated };
  }
  const give = (team: string, amount: number) => {
    const row = teams.get(team) ?? { recorded: 0, allocated: 0 };
    teams.set(team, { ...row, allocated: row.allocated + amount });
  };
  if (rule === 'proportional') {
    const receivers = [...recorded].filter(([team, spend]) => team !== NO_TEAM && spend > 0);
    const base = receivers.reduce((s, [, spend]) => s + spend, 0);
    if (base <= 0) {
      return { teams, unallocated, note: 'no team has spend in the period: the spend without a team stays Unallocated' };
    }
    receivers.forEach(([team, spend]) => give(team, (unallocated * spend) / base));
  } else {
    give(rule.team, unallocated);
  }
  give(NO_TEAM, -unallocated);
  const unknownTarget = typeof rule === 'object' && !recorded.has(rule.team);
  return { teams, unallocated, note: unknownTarget ? `team ${rule.team} has no spend of its own in the period` : undefined };
}
