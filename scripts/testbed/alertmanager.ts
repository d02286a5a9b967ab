/**
 * A real Alertmanager for tests: Debian's `prometheus-alertmanager` on a free 127.0.0.1 port with
 * a config file and a storage directory, always stopped again. Clustering is off (no gossip port,
 * no peer settling). `restart()` keeps port and storage directory, as a pod restart with a volume
 * does: the notification log and silences written there on shutdown are read back.
 */
import { spawn } from 'child_process';
import path from 'path';
import { ensureInstalled, freePort, stopProcess, track, waitReady } from './prometheus';

export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? 'prometheus-alertmanager';
export const AMTOOL_BIN = process.env.AMTOOL_BIN ?? 'amtool';

/** The example routing tree the README documents. */
export const ALERTMANAGER_EXAMPLE_FILE = path.resolve(__dirname, '../../provisioning/alertmanager/aispend.yml');

/** Debian's prometheus-alertmanager, which ships amtool. */
export function ensureAlertmanagerInstalled(): void {
  ensureInstalled([ALERTMANAGER_BIN, AMTOOL_BIN], ['prometheus-alertmanager', 'amtool']);
}

export interface AlertmanagerOptions {
  configFile: string;
  storageDir: string;
  port?: number;
}

/** An alert as Alertmanager's API v2 lists it. */
export interface AlertmanagerAlert {
  labels: Record<string, string>;
  status: { state: 'active' | 'suppressed' | 'unprocessed'; inhibitedBy: string[]; silencedBy: string[] };
  receivers: Array<{ name: string }>;
}

export interface RunningAlertmanager {
  url: string;
  /** host:port, as Prometheus' `alerting.alertmanagers` targets name it */
  address: string;
  port: number;
  storageDir: string;
  /** the alerts it holds; fails with an error naming the address when it does not answer */
  alerts(): Promise<AlertmanagerAlert[]>;
  stop(): Promise<void>;
  /** stops it (if running) and starts it again on the same port and storage directory */
  restart(): Promise<void>;
}

export async function startAlertmanager(options: AlertmanagerOptions): Promise<RunningAlertmanager> {
  ensureAlertmanagerInstalled();
  const port = options.port ?? (await freePort());
  const address = `127.0.0.1:${port}`;
  const url = `http://${address}`;
  let stopCurrent: () => Promise<void> = async () => undefined;

  const launch = async () => {
    const child = track(
      spawn(
        ALERTMANAGER_BIN,
        [
          `--config.file=${options.configFile}`,
          `--storage.path=${options.storageDir}`,
          `--web.listen-address=${address}`,
          '--cluster.listen-address=',
          '--log.level=warn',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] }
      )
    );
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
    stopCurrent = () => stopProcess(child);
    try {
      await waitReady(url, child, () => stderr, `alertmanager on ${address}`, 30_000);
    } catch (e) {
      await stopCurrent();
      throw e;
    }
  };

  const alerts = async (): Promise<AlertmanagerAlert[]> => {
    let res: Response;
    try {
      res = await fetch(`${url}/api/v2/alerts`);
    } catch (e) {
      const code = (e as { cause?: { code?: string } }).cause?.code ?? String(e);
      throw new Error(`Alertmanager on ${address} does not answer (${code}): is it running?`);
    }
    if (!res.ok) {
      throw new Error(`Alertmanager on ${address} answered ${res.status}: ${await res.text()}`);
    }
    return res.json();
  };

  await launch();
  return {
    url,
    address,
    port,
    storageDir: options.storageDir,
    alerts,
    stop: () => stopCurrent(),
    restart: async () => {
      await stopCurrent();
      await launch();
    },
  };
}
