/**
 * A real Prometheus for tests, benchmarks and `npm run demo`: Debian's `prometheus`
 * on a free 127.0.0.1 port, with the project's rule files, always stopped again.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import path from 'path';

export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? 'prometheus';
export const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? 'promtool';

/** The absolute path of a command on the PATH, or undefined. */
export function whichBinary(bin: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Installs the Debian packages of `tools` when one of `binaries` (their paths, overridable by the
 * environment) is missing, through the same script as `npm test`; as a non-root user that script
 * stops with the command to run.
 */
export function ensureInstalled(binaries: string[], tools: string[]): void {
  if (binaries.every((bin) => whichBinary(bin))) {
    return;
  }
  try {
    execFileSync('bash', [path.join(__dirname, '..', 'require-tools.sh'), ...tools], { stdio: ['ignore', 'inherit', 'pipe'] });
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '').trim();
    throw new Error(stderr.replace(/^error: /, '') || `${tools.join('/')} could not be installed`);
  }
}

/** Debian's prometheus, which ships promtool. */
export function ensurePrometheusInstalled(): void {
  ensureInstalled([PROMETHEUS_BIN, PROMTOOL_BIN], ['prometheus', 'promtool']);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export interface PrometheusOptions {
  dataDir: string;
  ruleFiles?: string[];
  port?: number;
  /** rule evaluation and scrape interval (default 1m, as the rules expect) */
  interval?: string;
  /** host:port targets to scrape (none by default: the test bed's data is backfilled) */
  scrapeTargets?: string[];
  /** host:port of Alertmanagers to send alerts to (none by default) */
  alertmanagers?: string[];
  /** how often a firing alert is sent again (Prometheus' default 1m when unset) */
  alertResendDelay?: string;
  /** samples one query may load (Prometheus' default 50,000,000 when unset) */
  queryMaxSamples?: number;
  /** how long a query may run (Prometheus' default 2m when unset) */
  queryTimeout?: string;
}

export interface RunningPrometheus {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

function writeConfig(dataDir: string, options: PrometheusOptions): string {
  const { ruleFiles = [], interval = '1m', scrapeTargets: targets = [], alertmanagers = [] } = options;
  const configPath = path.join(dataDir, '..', `prometheus-${path.basename(dataDir)}.yml`);
  const rules = ruleFiles.map((f) => `  - ${JSON.stringify(path.resolve(f))}`).join('\n');
  const scrape = `scrape_configs:\n  - job_name: aispend\n    static_configs:\n      - targets: ${JSON.stringify(targets)}\n`;
  const alerting = `alerting:\n  alertmanagers:\n    - api_version: v2\n      static_configs:\n        - targets: ${JSON.stringify(alertmanagers)}\n`;
  fs.writeFileSync(
    configPath,
    `global:\n  evaluation_interval: ${interval}\n  scrape_interval: ${interval}\n` +
      (rules ? `rule_files:\n${rules}\n` : '') +
      (targets.length ? scrape : '') +
      (alertmanagers.length ? alerting : '')
  );
  return configPath;
}

/** Polls `${url}/-/ready` (Prometheus and Alertmanager alike) until it answers or `child` exits. */
export async function waitReady(url: string, child: ChildProcess, log: () => string, name = 'prometheus', timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${name} exited with ${child.exitCode}:\n${log()}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} not ready after ${timeoutMs} ms:\n${log()}`);
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Remembers a server process, so that it is killed if the tests exit without stopping it. */
export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  return child;
}

/** SIGTERM (a clean shutdown: Prometheus and Alertmanager write their state), SIGKILL after 10 s. */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    running.delete(child);
    if (child.exitCode !== null) {
      return resolve();
    }
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  ensurePrometheusInstalled();
  fs.mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const configPath = writeConfig(options.dataDir, options);
  const child = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${configPath}`,
      `--storage.tsdb.path=${options.dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // backfilled history is weeks old: keep it
      '--storage.tsdb.retention.time=3650d',
      '--web.enable-lifecycle',
      '--log.level=warn',
      ...(options.alertResendDelay ? [`--rules.alert.resend-delay=${options.alertResendDelay}`] : []),
      ...(options.queryMaxSamples ? [`--query.max-samples=${options.queryMaxSamples}`] : []),
      ...(options.queryTimeout ? [`--query.timeout=${options.queryTimeout}`] : []),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  track(child);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
  const stop = () => stopProcess(child);
  try {
    await waitReady(url, child, () => stderr);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, dataDir: options.dataDir, stop };
}

/** Runs `body` against a started Prometheus and always stops it. */
export async function withPrometheus<T>(options: PrometheusOptions, body: (p: RunningPrometheus) => Promise<T>): Promise<T> {
  const prometheus = await startPrometheus(options);
  try {
    return await body(prometheus);
  } finally {
    await prometheus.stop();
  }
}

/** The TSDB blocks in a data directory (each has a meta.json). */
export function blockCount(dataDir: string): number {
  return fs.readdirSync(dataDir).filter((entry) => fs.existsSync(path.join(dataDir, entry, 'meta.json'))).length;
}

/**
 * Rule backfill writes one 2 h block per group and range: thousands for weeks of history, and
 * every query then opens them all. A running Prometheus compacts them into a few large blocks
 * (its first compaction starts about a minute after start); this waits until it has, so that
 * timings measure queries, not block fan-out. The compacted blocks stay in the data directory.
 */
export async function waitForCompaction(dataDir: string, maxBlocks = 12, timeoutMs = 600_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let blocks = blockCount(dataDir);
  while (blocks > maxBlocks && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5000));
    blocks = blockCount(dataDir);
  }
  return blocks;
}
