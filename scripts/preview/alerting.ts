/**
 * The preview's stand-in for the parts of Grafana's alerting provisioning API and folder API the
 * Budgets page uses (/api/folders, /api/v1/provisioning/alert-rules, .../rule-groups). As in
 * Grafana, writing provisioned alert rules needs the Admin role.
 */
import type http from 'http';
import { roleOf, sendJson } from './jsonApi';
import type { PreviewStateFile } from './state';

const RULE = /^\/api\/v1\/provisioning\/alert-rules(?:\/([^/]+))?$/;
const GROUP = /^\/api\/v1\/provisioning\/folder\/([^/]+)\/rule-groups\/([^/]+)$/;
const FOLDER = /^\/api\/folders(?:\/([^/]+))?$/;

type Rule = { uid: string; folderUID: string; ruleGroup: string } & Record<string, unknown>;

/** GET of a collection (no uid) or of one item by uid, 404 when it is not there. */
function getOneOrAll(
  res: http.ServerResponse,
  all: Array<{ uid: string }>,
  uid: string | undefined,
  kind: string
): true {
  if (!uid) {
    return sendJson(res, 200, all);
  }
  const found = all.find((item) => item.uid === uid);
  return found ? sendJson(res, 200, found) : sendJson(res, 404, { message: `${kind} not found` });
}

function forbidden(res: http.ServerResponse) {
  return sendJson(res, 403, { message: 'You do not have permission to write alert rules (alert.provisioning:write)' });
}

function rules(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
  state: PreviewStateFile,
  uid?: string
): true {
  const all = (state.read().alertRules ?? []) as Rule[];
  if (req.method === 'GET') {
    return getOneOrAll(res, all, uid, 'rule');
  }
  if (roleOf(req) !== 'Admin') {
    return forbidden(res);
  }
  if (req.method === 'DELETE' && uid) {
    state.update((s) => (s.alertRules = all.filter((r) => r.uid !== uid)));
    return sendJson(res, 204, {});
  }
  const input = JSON.parse(body || '{}') as Rule;
  if (req.method === 'POST') {
    if (all.some((r) => r.uid === input.uid)) {
      return sendJson(res, 409, { message: `a rule with uid ${input.uid} already exists` });
    }
    state.update((s) => (s.alertRules = [...all, input]));
    return sendJson(res, 201, input);
  }
  if (req.method === 'PUT' && uid) {
    if (!all.some((r) => r.uid === uid)) {
      return sendJson(res, 404, { message: 'rule not found' });
    }
    state.update((s) => (s.alertRules = all.map((r) => (r.uid === uid ? { ...input, uid } : r))));
    return sendJson(res, 200, { ...input, uid });
  }
  return sendJson(res, 405, { message: 'method not allowed' });
}

function group(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
  state: PreviewStateFile,
  folderUid: string,
  name: string
): true {
  const all = (state.read().alertRules ?? []) as Rule[];
  const members = all.filter((r) => r.folderUID === folderUid && r.ruleGroup === name);
  if (req.method === 'GET') {
    return members.length
      ? sendJson(res, 200, { title: name, folderUid, interval: 60, rules: members })
      : sendJson(res, 404, { message: 'rule group not found' });
  }
  if (req.method !== 'PUT') {
    return sendJson(res, 405, { message: 'method not allowed' });
  }
  if (roleOf(req) !== 'Admin') {
    return forbidden(res);
  }
  const input = JSON.parse(body) as { interval?: number; rules: Rule[] };
  const replaced = input.rules.map((r) => ({ ...r, folderUID: folderUid, ruleGroup: name }));
  state.update(
    (s) => (s.alertRules = [...all.filter((r) => !(r.folderUID === folderUid && r.ruleGroup === name)), ...replaced])
  );
  return sendJson(res, 200, { title: name, folderUid, interval: input.interval ?? 60, rules: replaced });
}

function folders(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
  state: PreviewStateFile,
  uid?: string
): true {
  const all = state.read().folders ?? [];
  if (req.method === 'GET') {
    return getOneOrAll(res, all, uid, 'folder');
  }
  if (req.method === 'POST' && !uid) {
    if (roleOf(req) === 'Viewer') {
      return sendJson(res, 403, { message: 'Permission denied' });
    }
    const input = JSON.parse(body) as { uid: string; title: string };
    if (all.some((f) => f.uid === input.uid)) {
      return sendJson(res, 409, { message: 'a folder with the same uid already exists' });
    }
    state.update((s) => (s.folders = [...all, { uid: input.uid, title: input.title }]));
    return sendJson(res, 200, { uid: input.uid, title: input.title });
  }
  return sendJson(res, 405, { message: 'method not allowed' });
}

export function handleAlerting(state: PreviewStateFile) {
  return (req: http.IncomingMessage, res: http.ServerResponse, body: string): boolean => {
    const url = req.url!.split('?')[0];
    const rule = RULE.exec(url);
    if (rule) {
      return rules(req, res, body, state, rule[1] && decodeURIComponent(rule[1]));
    }
    const ruleGroup = GROUP.exec(url);
    if (ruleGroup) {
      return group(req, res, body, state, decodeURIComponent(ruleGroup[1]), decodeURIComponent(ruleGroup[2]));
    }
    const folder = FOLDER.exec(url);
    if (folder) {
      return folders(req, res, body, state, folder[1] && decodeURIComponent(folder[1]));
    }
    return false;
  };
}
