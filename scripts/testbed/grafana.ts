/**
 * A local Grafana for `npm run demo`, when a `grafana` or `grafana-server` binary is on the
 * PATH (none exists in this project's CI): this plugin from dist/, the app and datasources
 * provisioned against the demo Prometheus, anonymous admin, a free 127.0.0.1 port.
 */
import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { APP_PLUGIN_ID, KPI_DATASOURCE_PLUGIN_ID } from '../../src/constants';
import type { ProfileId } from '../../src/rules/profile';
import { REPO_ROOT } from './history';
import { freePort, whichBinary } from './prometheus';

export interface RunningGrafana {
  url: string;
  stop(): Promise<void>;
}

function findBinary(): { bin: string; args: string[] } | undefined {
  const grafana = whichBinary('grafana');
  if (grafana) {
    return { bin: grafana, args: ['server'] };
  }
  const server = whichBinary('grafana-server');
  return server ? { bin: server, args: [] } : undefined;
}

/** Debian/RPM packages keep Grafana's static files here; tarballs are run from their own directory. */
function homePath(bin: string): string {
  const candidates = [process.env.GF_PATHS_HOME, '/usr/share/grafana', path.resolve(path.dirname(fs.realpathSync(bin)), '..')];
  return candidates.find((c): c is string => Boolean(c && fs.existsSync(path.join(c, 'conf', 'defaults.ini')))) ?? '/usr/share/grafana';
}

function writeProvisioning(dir: string, prometheusUrl: string, profile: ProfileId): void {
  const source = path.join(REPO_ROOT, 'provisioning');
  for (const sub of ['datasources', 'plugins']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
    for (const file of fs.readdirSync(path.join(source, sub))) {
      const text = fs
        .readFileSync(path.join(source, sub, file), 'utf8')
        // the committed files point at the docker compose service; here it is a local port
        .replace('http://prometheus:9090', prometheusUrl)
        .replace(/profile: \w+/g, `profile: ${profile}`);
      fs.writeFileSync(path.join(dir, sub, file), text);
    }
  }
}

export async function startGrafana(options: { prometheusUrl: string; profile: ProfileId }): Promise<RunningGrafana | undefined> {
  const binary = findBinary();
  if (!binary) {
    return undefined;
  }
  const dist = path.join(REPO_ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'plugin.json'))) {
    throw new Error('dist/ has no plugin.json: run `npm run build` first');
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-grafana-'));
  fs.mkdirSync(path.join(work, 'plugins'));
  fs.symlinkSync(dist, path.join(work, 'plugins', APP_PLUGIN_ID));
  writeProvisioning(path.join(work, 'provisioning'), options.prometheusUrl, options.profile);
  const port = await freePort();
  const env = {
    ...process.env,
    GF_PATHS_DATA: path.join(work, 'data'),
    GF_PATHS_LOGS: path.join(work, 'logs'),
    GF_PATHS_PLUGINS: path.join(work, 'plugins'),
    GF_PATHS_PROVISIONING: path.join(work, 'provisioning'),
    GF_SERVER_HTTP_ADDR: '127.0.0.1',
    GF_SERVER_HTTP_PORT: String(port),
    GF_AUTH_ANONYMOUS_ENABLED: 'true',
    GF_AUTH_ANONYMOUS_ORG_ROLE: 'Admin',
    GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS: `${APP_PLUGIN_ID},${KPI_DATASOURCE_PLUGIN_ID}`,
  };
  const child: ChildProcess = spawn(binary.bin, [...binary.args, `--homepath=${homePath(binary.bin)}`], { env, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (keepLogs = false) => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (!keepLogs) {
      fs.rmSync(work, { recursive: true, force: true });
    }
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop(true);
      throw new Error(`grafana exited with ${child.exitCode}; logs in ${path.join(work, 'logs')}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) {
        return { url, stop: () => stop() };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop(true);
  throw new Error(`grafana did not answer /api/health within 120 s; logs in ${path.join(work, 'logs')}`);
}
