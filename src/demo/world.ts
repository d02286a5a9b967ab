/** Who uses the demo gateway: providers, models with prices, teams, users, keys, pods. */
import { mulberry32 } from './random';

export interface DemoModel {
  name: string;
  provider: string;
  /** USD per 1k tokens */
  inputPrice: number;
  outputPrice: number;
  /** mean tokens per request */
  inputTokens: number;
  outputTokens: number;
  failureRate: number;
}

export interface DemoTeam {
  name: string;
  models: number[];
  pod: number;
  /** utilization of the monthly budget at the end of the history; null = no budget */
  targetUtilization: number | null;
}

export interface DemoUser {
  id: string;
  /** index into teams, or -1 for a key without a team */
  team: number;
  apiKey: string;
  pod: number;
}

/** One user's traffic to one model: the unit every raw series is summed from. */
export interface DemoStream {
  index: number;
  user: number;
  model: number;
  team: number;
  pod: number;
  /** requests per minute at the start of the history, before cycles */
  baseRate: number;
  /** first minute (from the start of the history) with traffic; 0 for most streams */
  startMinute: number;
}

export interface DemoWorld {
  models: DemoModel[];
  teams: DemoTeam[];
  users: DemoUser[];
  streams: DemoStream[];
  pods: string[];
}

export const PROVIDERS = ['openai', 'anthropic', 'aws', 'azure', 'gcp', 'cursor', 'self-hosted'] as const;

export const MODELS: DemoModel[] = [
  m('gpt-4o', 'openai', 0.0025, 0.01, 1400, 450, 0.008),
  m('gpt-4o-mini', 'openai', 0.00015, 0.0006, 1200, 380, 0.006),
  m('claude-opus-4', 'anthropic', 0.015, 0.075, 2200, 700, 0.01),
  m('claude-sonnet-4', 'anthropic', 0.003, 0.015, 1800, 600, 0.009),
  m('claude-haiku-3.5', 'anthropic', 0.0008, 0.004, 900, 250, 0.007),
  m('amazon-nova-pro', 'aws', 0.0008, 0.0032, 1100, 300, 0.012),
  m('azure-gpt-4.1', 'azure', 0.002, 0.008, 1500, 420, 0.02),
  m('gemini-2.5-pro', 'gcp', 0.00125, 0.01, 2000, 650, 0.011),
  m('gemini-2.5-flash', 'gcp', 0.0003, 0.0025, 1000, 320, 0.009),
  m('cursor-small', 'cursor', 0.0005, 0.0015, 2600, 200, 0.005),
  m('llama-3.1-70b', 'self-hosted', 0.00012, 0.00012, 1300, 400, 0.015),
  m('mistral-7b', 'self-hosted', 0.00002, 0.00002, 700, 200, 0.013),
];

function m(name: string, provider: string, inputPrice: number, outputPrice: number, inputTokens: number, outputTokens: number, failureRate: number): DemoModel {
  return { name, provider, inputPrice, outputPrice, inputTokens, outputTokens, failureRate };
}

/** Each team uses three models; together they cover all twelve. */
const TEAMS: DemoTeam[] = [
  { name: 'platform', models: [0, 9, 10], pod: 0, targetUtilization: 0.88 },
  { name: 'data-science', models: [2, 3, 7], pod: 0, targetUtilization: 0.97 },
  { name: 'support', models: [1, 4, 11], pod: 0, targetUtilization: null },
  { name: 'marketing', models: [3, 6, 8], pod: 1, targetUtilization: 0.45 },
  { name: 'research', models: [2, 5, 7], pod: 1, targetUtilization: 0.62 },
];

export const DEMO_PODS = ['gateway-0', 'gateway-1'];
export const TEAMLESS_USERS = 2;
export const GLOBAL_BUDGET_UTILIZATION = 0.6;

function hexKey(random: () => number): string {
  return Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('');
}

/** Users of the demo gateway: enough for a top 10 per user and per key, few enough for a quick first history. */
export const DEMO_USERS = 30;

/** One stream starts ten days before the end, at an uneven minute: a series that starts mid-window. */
export function lateStartMinute(days: number): number {
  return Math.max(0, days * 1440 - 10 * 1440 + 437);
}

export function buildDemoWorld(seed: number, userCount = DEMO_USERS, days = 60): DemoWorld {
  const random = mulberry32(seed);
  const users: DemoUser[] = [];
  for (let i = 0; i < userCount; i++) {
    const team = i < TEAMLESS_USERS ? -1 : (i - TEAMLESS_USERS) % TEAMS.length;
    users.push({
      id: `u${String(i + 1).padStart(3, '0')}`,
      team,
      apiKey: hexKey(random),
      pod: team < 0 ? 1 : TEAMS[team].pod,
    });
  }
  const streams: DemoStream[] = [];
  users.forEach((user, u) => {
    const teamModels = user.team < 0 ? [1, 8] : TEAMS[user.team].models;
    const first = Math.floor(random() * teamModels.length);
    const picks = random() < 0.45 ? [first, (first + 1) % teamModels.length] : [first];
    for (const pick of picks) {
      streams.push({
        index: streams.length,
        user: u,
        model: teamModels[pick],
        team: user.team,
        pod: user.pod,
        baseRate: 0.4 + random() * 2.2,
        startMinute: 0,
      });
    }
  });
  streams[streams.length - 1].startMinute = lateStartMinute(days);
  return { models: MODELS, teams: TEAMS, users, streams, pods: DEMO_PODS };
}
