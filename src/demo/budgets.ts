/**
 * Monthly team budgets whose utilization at the end of the history is chosen: one team near
 * 88 % (warning), one near 97 % (critical), one without a budget, the others comfortable.
 */
import { emptyTraffic, slotTimeMs, streamTraffic, TrafficModel } from './traffic';
import { GLOBAL_BUDGET_UTILIZATION } from './world';

export interface DemoBudgets {
  /** USD per team index; null = no budget */
  teamLimits: Array<number | null>;
  globalLimit: number;
  /** month-to-date spend at the end, per team and for everyone */
  teamSpendAtEnd: number[];
  totalSpendAtEnd: number;
  /** first slot of the calendar month (UTC) each slot belongs to */
  monthStartSlot(slot: number): number;
}

export function monthStartMs(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function computeBudgets(model: TrafficModel): DemoBudgets {
  const slotMs = model.slotSeconds * 1000;
  const endMs = slotTimeMs(model, model.slots);
  const firstSlotOfMonth = Math.max(0, Math.ceil((monthStartMs(endMs - 1) - model.startMs) / slotMs));
  const teamSpend = model.world.teams.map(() => 0);
  let total = 0;
  const scratch = emptyTraffic();
  for (const stream of model.world.streams) {
    for (let slot = firstSlotOfMonth; slot < model.slots; slot++) {
      const cost = streamTraffic(model, stream, slot, scratch).cost;
      total += cost;
      if (stream.team >= 0) {
        teamSpend[stream.team] += cost;
      }
    }
  }
  const round = (usd: number) => Math.round(usd / 10) * 10 || 10;
  return {
    teamLimits: model.world.teams.map((t, i) => (t.targetUtilization === null ? null : round(teamSpend[i] / t.targetUtilization))),
    globalLimit: round(total / GLOBAL_BUDGET_UTILIZATION),
    teamSpendAtEnd: teamSpend,
    totalSpendAtEnd: total,
    monthStartSlot: (slot) => Math.max(0, Math.ceil((monthStartMs(slotTimeMs(model, slot)) - model.startMs) / slotMs)),
  };
}
