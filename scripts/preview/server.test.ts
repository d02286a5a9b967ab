/** @jest-environment node */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { PREVIEW_KEEP_ALIVE_MS, RunningPreviewServer, startPreviewServer } from './server';
import { initialState, PreviewStateFile } from './state';

jest.setTimeout(30_000);

/** Node's default: a server closes a connection after 5 s without a request. */
const NODE_DEFAULT_KEEP_ALIVE_MS = 5_000;

let server: RunningPreviewServer;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aispend-preview-server-'));
  const state = new PreviewStateFile(path.join(dir, 'state.json'), () => initialState('litellm'));
  server = await startPreviewServer({ prometheusUrl: 'http://127.0.0.1:9', info: { startSec: 0, endSec: 1, profile: 'litellm' }, state, port: 0 });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** GET through `agent`, answering with the local port of the connection that carried it. */
function localPortOfGet(agent: http.Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(req.socket!.localPort!));
    });
    req.on('error', reject);
  });
}

// The browser tests once failed with ECONNRESET: a pooled connection idle for 5 s was closed by
// the server just as the client reused it. Idle connections are now the client's to close.
test("an idle kept-alive connection is still open after Node's default keep-alive timeout", async () => {
  expect(PREVIEW_KEEP_ALIVE_MS).toBeGreaterThan(60_000);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await localPortOfGet(agent, `${server.url}/__preview/info`);
    await new Promise((r) => setTimeout(r, NODE_DEFAULT_KEEP_ALIVE_MS + 1_000));
    const second = await localPortOfGet(agent, `${server.url}/__preview/info`);
    expect(second).toBe(first);
  } finally {
    agent.destroy();
  }
});

test('closing the server does not wait for idle kept-alive connections', async () => {
  const other = await startPreviewServer({
    prometheusUrl: 'http://127.0.0.1:9',
    info: { startSec: 0, endSec: 1, profile: 'litellm' },
    state: new PreviewStateFile(path.join(dir, 'other.json'), () => initialState('litellm')),
    port: 0,
  });
  const agent = new http.Agent({ keepAlive: true });
  await localPortOfGet(agent, `${other.url}/__preview/info`);
  const started = Date.now();
  await other.close();
  expect(Date.now() - started).toBeLessThan(2_000);
  agent.destroy();
});
