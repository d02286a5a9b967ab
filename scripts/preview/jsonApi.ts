/** JSON replies and the caller's role, for every handler of the preview's stand-in Grafana API. */
import type http from 'http';
import { ROLE_HEADER } from '../../tests/preview/grafana/ids';

export function sendJson(res: http.ServerResponse, status: number, data: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(data));
  return true;
}

/** The role the page was opened with (the preview's stand-in for Grafana's signed-in user). */
export function roleOf(req: http.IncomingMessage): string {
  return String(req.headers[ROLE_HEADER] ?? 'Viewer');
}
