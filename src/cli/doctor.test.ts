/** @jest-environment node */
import http from 'http';
import { AddressInfo } from 'net';
import os from 'os';
import { FAMILIES } from '../engine/conventions';
import { pointsPerHourQuery, recentQuery } from '../health/healthQueries';
import { profileRawMetrics } from '../health/rawMetrics';
import { litellmProfile } from '../rules/profiles/litellm';
import { CliIO } from './io';
import { main } from './main';

const NOW_SEC = Date.UTC(2026, 9, 31, 12) / 1000;
const HOUR = 3600;

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: os.tmpdir(), now: () => NOW_SEC * 1000 };
  const code = await main(argv, io);
  return { code, out, err };
}

/** A stand-in Prometheus: every litellm family at `pointsPerHour` for the week, all recent; it records the requests. */
function fakePrometheus(pointsPerHour: (family: string) => number) {
  const requests: Array<Record<string, string>> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      requests.push({ path: req.url!, ...params });
      const families = Object.values(FAMILIES).filter((f) => !litellmProfile.missing.includes(f.id));
      const result =
        req.url === '/api/v1/query_range'
          ? families.map((f) => ({
              metric: { aispend_family: f.id },
              values: Array.from({ length: 168 }, (_, i) => [NOW_SEC - i * HOUR, String(pointsPerHour(f.id))]),
            }))
          : families.map((f) => ({ metric: { aispend_family: f.id }, value: [NOW_SEC, '1'] }));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
    });
  });
  return new Promise<{ url: string; requests: typeof requests; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        close: () => server.close(),
      })
    )
  );
}

test.each([
  [['doctor'], 'error: --prometheus URL is required'],
  [
    ['doctor', '--prometheus', 'http://x', '--profile', 'datadog'],
    'error: --profile must be one of seed, litellm, otel (got "datadog")',
  ],
  [
    ['doctor', '--prometheus', 'http://x', '--lookback', '1h'],
    'error: --lookback must be a duration of at least 3h, like 1d or 7d (got "1h")',
  ],
  [
    ['doctor', '--prometheus', 'http://x', '--time', 'yesterday'],
    'error: --time must be unix seconds or RFC 3339 (got "yesterday")',
  ],
])('aispend %j exits 2', async (argv, errStart) => {
  const { code, err } = await run(...argv);
  expect(code).toBe(2);
  expect(err.startsWith(errStart)).toBe(true);
});

test('healthy: exit 0, one ok line; the two queries asked are the health queries over the week before --time', async () => {
  const prometheus = await fakePrometheus(() => 60);
  try {
    const { code, out } = await run('doctor', '--prometheus', prometheus.url, '--time', '2026-10-31T12:00:00Z');
    expect({ code, out }).toEqual({
      code: 0,
      out: 'ok: the litellm families are recorded every 1m, none stale, no gaps in the last 7 d\n',
    });
    expect(prometheus.requests.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: '/api/v1/query', query: recentQuery(profileRawMetrics(litellmProfile)), time: String(NOW_SEC) },
      {
        path: '/api/v1/query_range',
        query: pointsPerHourQuery(),
        start: String(NOW_SEC - 167 * HOUR),
        end: String(NOW_SEC),
        step: '3600',
      },
    ]);
  } finally {
    prometheus.close();
  }
});

test('spend every 5 minutes: exit 1, the finding and its fix on one line; --json has the documented shape', async () => {
  const prometheus = await fakePrometheus((family) => (family === 'spend' ? 12 : 60));
  try {
    const human = await run('doctor', '--prometheus', prometheus.url, '--time', String(NOW_SEC));
    expect(human).toEqual({
      code: 1,
      err: '',
      out:
        'error: aigateway:spend_usd:increase1m: recorded every 5 m, not every 1 m (12 points per hour): totals are ~80 % low. ' +
        "Fix: Run vmalert with -datasource.queryStep=1m (its default is 5m), or set your ruler's evaluation interval for the aispend rule groups to 1m.\n",
    });
    const json = await run(
      'doctor',
      '--prometheus',
      prometheus.url,
      '--time',
      String(NOW_SEC),
      '--lookback',
      '1d',
      '--json'
    );
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual({
      profile: 'litellm',
      time: NOW_SEC,
      lookbackSeconds: 86400,
      findings: [
        {
          kind: 'sparse',
          severity: 'error',
          family: 'spend',
          message: expect.stringContaining('every 5 m'),
          fix: expect.any(String),
        },
      ],
    });
  } finally {
    prometheus.close();
  }
});

test('--help: the usage with its exit statuses, exit 0', async () => {
  const { code, out } = await run('doctor', '--help');
  expect(code).toBe(0);
  expect(out).toContain('aispend doctor --prometheus URL');
  expect(out).toContain('exit status   0 healthy or warnings only, 1 a finding of severity error, 2 usage');
});

test('an unreachable Prometheus: exit 1 and the reason', async () => {
  const { code, err } = await run('doctor', '--prometheus', 'http://127.0.0.1:1');
  expect(code).toBe(1);
  expect(err).toMatch(/^error: cannot reach Prometheus at http:\/\/127\.0\.0\.1:1/);
});
