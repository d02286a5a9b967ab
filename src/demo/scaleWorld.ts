/**
 * A gateway the size of a mid-size company, for the scale test bed (`npm run bench:scale`): many
 * models over ten providers, dozens of teams, thousands of API keys. Its shape fixes how many
 * canonical series it makes, so that a test bed size is stated in series, not in users:
 * `teams × modelsPerTeam` spend series (team × model) and `keys × modelsPerKey` spender series
 * (user × API key × model). Traffic, restarts and budgets are the demo's (traffic.ts, budgets.ts).
 */
import { mulberry32 } from './random';
import { DemoModel, DemoStream, DemoTeam, DemoUser, DemoWorld, lateStartMinute, MODELS } from './world';

export interface WorldShape {
  /** variants of the base models, so that every provider is there from 15 models on */
  models: number;
  teams: number;
  /** distinct models each team uses */
  modelsPerTeam: number;
  /** API keys, spread evenly over the teams; about one user in four holds two */
  keys: number;
  /** distinct models of its team that each key calls */
  modelsPerKey: number;
  pods: number;
}

/** The demo's models and one model each of three more providers. */
const BASE_MODELS: DemoModel[] = [
  ...MODELS,
  { name: 'mistral-large', provider: 'mistral', inputPrice: 0.002, outputPrice: 0.006, inputTokens: 1500, outputTokens: 450, failureRate: 0.01 },
  { name: 'command-r-plus', provider: 'cohere', inputPrice: 0.0025, outputPrice: 0.01, inputTokens: 1700, outputTokens: 400, failureRate: 0.012 },
  { name: 'llama-3.3-70b', provider: 'groq', inputPrice: 0.00059, outputPrice: 0.00079, inputTokens: 1200, outputTokens: 380, failureRate: 0.014 },
];

const VARIANTS = ['', '-latest', '-batch', '-eu', '-2025', '-preview', '-fast', '-long'];
/** team budgets at the end of the history: warning, critical, none and comfortable ones */
const UTILIZATIONS = [0.88, 0.97, null, 0.45, 0.62, 0.3, 0.75, null];

export function spendSeriesOf(shape: WorldShape): number {
  return shape.teams * shape.modelsPerTeam;
}

export function spenderSeriesOf(shape: WorldShape): number {
  return shape.keys * shape.modelsPerKey;
}

/** Why a shape cannot give its stated series counts, or null. */
export function shapeProblem(shape: WorldShape): string | null {
  const keysPerTeam = shape.keys / shape.teams;
  if (shape.modelsPerTeam > shape.models || shape.modelsPerKey > shape.modelsPerTeam) {
    return 'a team uses at most every model, a key at most its team’s';
  }
  if (!Number.isInteger(keysPerTeam) || keysPerTeam * shape.modelsPerKey < shape.modelsPerTeam) {
    return 'keys must split evenly over the teams and together call every model of their team';
  }
  return shape.models > BASE_MODELS.length * VARIANTS.length ? `at most ${BASE_MODELS.length * VARIANTS.length} models` : null;
}

/** Model i is a variant of base model i mod 15 (same provider), priced ±40 % around it. */
function scaleModels(shape: WorldShape, random: () => number): DemoModel[] {
  return Array.from({ length: shape.models }, (_, i) => {
    const base = BASE_MODELS[i % BASE_MODELS.length];
    const factor = 0.6 + 0.8 * random();
    const name = `${base.name}${VARIANTS[Math.floor(i / BASE_MODELS.length)]}`;
    return { ...base, name, inputPrice: base.inputPrice * factor, outputPrice: base.outputPrice * factor };
  });
}

/** The providers a shape's models come from. */
export function providersOf(shape: WorldShape): string[] {
  return [...new Set(BASE_MODELS.slice(0, shape.models).map((m) => m.provider))];
}

/** `count` distinct indices below `n`, in random order. */
function pickDistinct(n: number, count: number, random: () => number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, count);
}

function hexKey(random: () => number): string {
  return Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('');
}

export function buildScaleWorld(seed: number, shape: WorldShape, days: number): DemoWorld {
  const problem = shapeProblem(shape);
  if (problem) {
    throw new RangeError(`world shape ${JSON.stringify(shape)}: ${problem}`);
  }
  const random = mulberry32(seed);
  const models = scaleModels(shape, random);
  const pods = Array.from({ length: shape.pods }, (_, i) => `gateway-${i}`);
  const teams: DemoTeam[] = Array.from({ length: shape.teams }, (_, t) => ({
    name: `team-${String(t + 1).padStart(2, '0')}`,
    models: pickDistinct(shape.models, shape.modelsPerTeam, random),
    pod: t % shape.pods,
    targetUtilization: UTILIZATIONS[t % UTILIZATIONS.length],
  }));
  const keysPerTeam = shape.keys / shape.teams;
  const users: DemoUser[] = [];
  const streams: DemoStream[] = [];
  teams.forEach((team, t) => {
    for (let j = 0; j < keysPerTeam; j++) {
      // four users per five keys: one user in four holds two
      const user = `u${String(t + 1).padStart(2, '0')}-${String(Math.floor((j * 4) / 5) + 1).padStart(3, '0')}`;
      users.push({ id: user, team: t, apiKey: hexKey(random), pod: team.pod });
      for (let m = 0; m < shape.modelsPerKey; m++) {
        const model = team.models[(j * shape.modelsPerKey + m) % shape.modelsPerTeam];
        streams.push({ index: streams.length, user: users.length - 1, model, team: t, pod: team.pod, baseRate: 0.2 + random() * 1.6, startMinute: 0 });
      }
    }
  });
  streams[streams.length - 1].startMinute = lateStartMinute(days);
  return { models, teams, users, streams, pods };
}
