import { buildScaleWorld, providersOf, shapeProblem, spenderSeriesOf, spendSeriesOf, WorldShape } from './scaleWorld';

const SHAPE: WorldShape = { models: 64, teams: 25, modelsPerTeam: 8, keys: 250, modelsPerKey: 2, pods: 4 };

test.each([
  { name: 'the small test bed', shape: SHAPE },
  { name: 'more keys and models per team', shape: { ...SHAPE, teams: 50, modelsPerTeam: 20, keys: 2500 } },
  { name: 'keys calling three models', shape: { ...SHAPE, modelsPerKey: 3 } },
])('$name: the streams make exactly the stated spend and spender series', ({ shape }) => {
  const world = buildScaleWorld(1, shape, 35);
  const teamModels = new Set(world.streams.map((s) => `${s.team}/${s.model}`));
  const spenders = new Set(world.streams.map((s) => `${world.users[s.user].id}/${world.users[s.user].apiKey}/${s.model}`));
  expect(teamModels.size).toBe(spendSeriesOf(shape));
  expect(spenders.size).toBe(spenderSeriesOf(shape));
});

test('64 models with distinct names come from ten providers; teams and pods as stated', () => {
  const world = buildScaleWorld(1, SHAPE, 35);
  expect(new Set(world.models.map((m) => m.name)).size).toBe(64);
  expect(new Set(world.models.map((m) => m.provider)).size).toBe(10);
  expect(providersOf(SHAPE)).toHaveLength(10);
  expect(world.teams).toHaveLength(25);
  expect(new Set(world.teams.map((t) => t.pod))).toEqual(new Set([0, 1, 2, 3]));
});

test('about one user in four holds two keys, always within one team', () => {
  const world = buildScaleWorld(1, SHAPE, 35);
  const keysOf = new Map<string, Set<number>>();
  world.users.forEach((u) => keysOf.set(u.id, new Set([...(keysOf.get(u.id) ?? []), u.team])));
  expect(keysOf.size).toBe(200);
  expect([...keysOf.values()].every((teams) => teams.size === 1)).toBe(true);
});

test('one stream starts ten days before the end; the same seed gives the same world', () => {
  const world = buildScaleWorld(1, SHAPE, 35);
  expect(world.streams.filter((s) => s.startMinute > 0).map((s) => s.startMinute)).toEqual([25 * 1440 + 437]);
  expect(buildScaleWorld(1, SHAPE, 35)).toEqual(world);
});

test.each([
  { change: { modelsPerTeam: 70 }, problem: /at most every model/ },
  { change: { modelsPerKey: 9 }, problem: /at most every model/ },
  { change: { keys: 251 }, problem: /split evenly/ },
  { change: { keys: 75 }, problem: /call every model/ },
  { change: { models: 200, modelsPerTeam: 8 }, problem: /at most 120 models/ },
  { change: {}, problem: null },
])('shape $change: $problem', ({ change, problem }) => {
  const found = shapeProblem({ ...SHAPE, ...change });
  if (problem === null) {
    expect(found).toBeNull();
  } else {
    expect(found).toMatch(problem);
  }
});
