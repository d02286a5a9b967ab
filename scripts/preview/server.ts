/**
 * The preview's HTTP server: the built bundle, and the parts of Grafana's HTTP API the app
 * calls — the datasource proxy to the real Prometheus (counting requests, for the figures of the
 * preview tests), datasources, the app's plugin settings with Grafana's permission rule (only
 * Admins write them; the role is the one the page was opened with), and a small alerting
 * provisioning API. Everything it keeps lives in one state file.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import { APP_SETTINGS_URL } from '../../src/constants';
import { PROMETHEUS_PROXY_PATH } from '../../tests/preview/grafana/ids';
import { PREVIEW_ASSETS_URL, PREVIEW_BUILD_DIR } from '../../tests/preview/webpack.config';
import { handleAlerting } from './alerting';
import { roleOf, sendJson } from './jsonApi';
import { PreviewStateFile } from './state';

const INDEX_HTML = path.resolve(__dirname, '../../tests/preview/index.html');
const NODE_MODULES = path.resolve(__dirname, '../../node_modules');

const GRAFANA_ICONS = path.join(NODE_MODULES, '@grafana/ui/dist/public/img/icons');

/**
 * Grafana serves its icons and fonts under public/: here the icons come from @grafana/ui's own
 * copy and Inter / Roboto Mono from their npm packages.
 */
function staticAsset(url: string): string | undefined {
  const inter = /^\/public\/fonts\/inter\/(Inter-[A-Za-z]+\.woff2)$/.exec(url);
  if (inter) {
    return path.join(NODE_MODULES, 'inter-ui/web', inter[1]);
  }
  if (/^\/public\/fonts\/roboto\/[\w-]+\.woff2$/.test(url)) {
    return path.join(NODE_MODULES, '@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff2');
  }
  const icon = /^\/public\/build\/img\/icons\/(\w+)\/([\w-]+)\.svg$/.exec(url);
  return icon ? path.join(GRAFANA_ICONS, icon[1], `${icon[2]}.svg`) : undefined;
}

/**
 * Grafana's build copies every Unicons icon into public/build/img/icons/unicons; @grafana/ui ships
 * only the ones it bundles. The others are drawn from the paths of @iconscout/react-unicons.
 */
function uniconSvg(url: string): string | undefined {
  const name = /^\/public\/build\/img\/icons\/unicons\/([\w-]+)\.svg$/.exec(url)?.[1];
  const source = name && path.join(NODE_MODULES, '@iconscout/react-unicons/icons', `uil-${name}.js`);
  if (!source || !fs.existsSync(source)) {
    return undefined;
  }
  const paths = [...fs.readFileSync(source, 'utf8').matchAll(/createElement\('path', \{ d: '([^']+)' \}\)/g)].map(
    (m) => `<path d="${m[1]}"/>`
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">${paths.join('')}</svg>`;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

function sendFile(res: http.ServerResponse, file: string): true {
  if (!fs.existsSync(file)) {
    return sendJson(res, 404, { message: 'not found' });
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
  return true;
}

export interface PreviewServerOptions {
  prometheusUrl: string;
  /** what the browser tests need to know about the data behind the preview */
  info: { startSec: number; endSec: number; profile: string; engine?: string };
  state: PreviewStateFile;
  port: number;
}

export interface PreviewStats {
  prometheusRequests: number;
  prometheusPaths: string[];
}

export interface RunningPreviewServer {
  url: string;
  stats: PreviewStats;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => Promise<boolean> | boolean;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function proxyToPrometheus(prometheusUrl: string, stats: PreviewStats): Handler {
  return async (req, res, body) => {
    if (!req.url!.startsWith(`${PROMETHEUS_PROXY_PATH}/`)) {
      return false;
    }
    const target = `${prometheusUrl}${req.url!.slice(PROMETHEUS_PROXY_PATH.length)}`;
    stats.prometheusRequests++;
    stats.prometheusPaths.push(req.url!.slice(PROMETHEUS_PROXY_PATH.length).split('?')[0]);
    const upstream = await fetch(target, {
      method: req.method,
      headers: req.headers['content-type'] ? { 'content-type': String(req.headers['content-type']) } : {},
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
    return true;
  };
}

function datasourcesApi(state: PreviewStateFile): Handler {
  return (req, res, body) => {
    const url = req.url!.split('?')[0];
    if (url === '/api/datasources' && req.method === 'GET') {
      return sendJson(res, 200, state.read().datasources);
    }
    if (url === '/api/datasources' && req.method === 'POST') {
      if (roleOf(req) !== 'Admin') {
        return sendJson(res, 403, { message: 'Permission denied' });
      }
      const input = JSON.parse(body);
      const next = state.update((s) => {
        if (s.datasources.some((d) => d.name === input.name)) {
          throw Object.assign(new Error('data source with the same name already exists'), { status: 409 });
        }
        const id = Math.max(0, ...s.datasources.map((d) => d.id)) + 1;
        s.datasources.push({
          id,
          uid: input.uid ?? `ds-${id}`,
          name: input.name,
          type: input.type,
          access: 'proxy',
          jsonData: input.jsonData ?? {},
        });
      });
      const created = next.datasources[next.datasources.length - 1];
      return sendJson(res, 200, {
        datasource: created,
        id: created.id,
        name: created.name,
        message: 'Datasource added',
      });
    }
    return false;
  };
}

function appSettingsApi(state: PreviewStateFile): Handler {
  return (req, res, body) => {
    if (req.url!.split('?')[0] !== APP_SETTINGS_URL) {
      return false;
    }
    if (req.method === 'GET') {
      return sendJson(res, 200, { id: 'aispend-finops-app', ...state.read().appSettings });
    }
    if (req.method === 'POST') {
      if (roleOf(req) !== 'Admin') {
        return sendJson(res, 403, { message: 'Permission denied' });
      }
      const input = JSON.parse(body);
      state.update((s) => {
        s.appSettings = {
          enabled: input.enabled ?? s.appSettings.enabled,
          pinned: input.pinned ?? s.appSettings.pinned,
          jsonData: input.jsonData ?? {},
        };
      });
      return sendJson(res, 200, { message: 'Plugin settings updated' });
    }
    return false;
  };
}

function statsApi(stats: PreviewStats, info: object): Handler {
  return (req, res) => {
    if (req.url === '/__preview/info' && req.method === 'GET') {
      return sendJson(res, 200, info);
    }
    if (req.url === '/__preview/stats' && req.method === 'GET') {
      return sendJson(res, 200, stats);
    }
    if (req.url === '/__preview/stats/reset' && req.method === 'POST') {
      stats.prometheusRequests = 0;
      stats.prometheusPaths = [];
      return sendJson(res, 200, stats);
    }
    return false;
  };
}

function staticFiles(): Handler {
  return (req, res) => {
    if (req.method !== 'GET') {
      return false;
    }
    const url = req.url!.split('?')[0];
    if (url.startsWith(PREVIEW_ASSETS_URL)) {
      const file = path.join(PREVIEW_BUILD_DIR, path.normalize(url.slice(PREVIEW_ASSETS_URL.length)));
      return file.startsWith(PREVIEW_BUILD_DIR) ? sendFile(res, file) : sendJson(res, 404, { message: 'not found' });
    }
    const asset = staticAsset(url);
    if (asset && fs.existsSync(asset)) {
      return sendFile(res, asset);
    }
    const icon = uniconSvg(url);
    if (icon) {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(icon);
      return true;
    }
    if (url.startsWith('/api/') || url.startsWith('/public/')) {
      return false;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(fs.readFileSync(INDEX_HTML));
    return true;
  };
}

/** Longer than any client keeps an idle connection (browsers: 300 s is the longest; Playwright: pooled). */
export const PREVIEW_KEEP_ALIVE_MS = 10 * 60_000;

export function startPreviewServer(options: PreviewServerOptions): Promise<RunningPreviewServer> {
  const stats: PreviewStats = { prometheusRequests: 0, prometheusPaths: [] };
  const handlers: Handler[] = [
    proxyToPrometheus(options.prometheusUrl, stats),
    datasourcesApi(options.state),
    appSettingsApi(options.state),
    handleAlerting(options.state),
    statsApi(stats, { ...options.info, prometheusUrl: options.prometheusUrl }),
    staticFiles(),
  ];
  const server = http.createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      for (const handler of handlers) {
        if (await handler(req, res, body)) {
          return;
        }
      }
      sendJson(res, 404, { message: `the preview does not serve ${req.method} ${req.url}` });
    } catch (e) {
      const error = e as { status?: number; message?: string };
      sendJson(res, error.status ?? 500, { message: error.message ?? String(e) });
    }
  });
  // Node closes an idle keep-alive connection after 5 s; a client (Playwright's request pool, the
  // browser) that reuses it in that same instant gets ECONNRESET. Idle connections are the client's
  // to close, so the server keeps them far longer than any client does.
  server.keepAliveTimeout = PREVIEW_KEEP_ALIVE_MS;
  server.headersTimeout = PREVIEW_KEEP_ALIVE_MS + 5_000;
  return new Promise((resolve) => {
    server.listen(options.port, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        stats,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            // kept-alive connections would hold close() open for PREVIEW_KEEP_ALIVE_MS
            server.closeAllConnections();
          }),
      });
    });
  });
}
