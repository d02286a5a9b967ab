/** @jest-environment node */
/** `npm run server` provisions the FinOps dashboard from the built plugin that the compose file mounts. */
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { ALERT_FOLDER_TITLE, APP_PLUGIN_ID } from '../constants';

const ROOT = path.join(__dirname, '..', '..');
const readYaml = (...parts: string[]) => parse(fs.readFileSync(path.join(ROOT, ...parts), 'utf8'));

test("the dashboard provider reads dist/dashboards where the compose file mounts dist/, into the alert rules' folder", () => {
  const volumes: string[] = readYaml('.config', 'docker-compose-base.yaml').services.grafana.volumes;
  expect(volumes).toContain('../provisioning:/etc/grafana/provisioning');
  const mount = volumes.find((v) => v.startsWith('../dist:'))!.split(':')[1];
  expect(mount).toBe(`/var/lib/grafana/plugins/${APP_PLUGIN_ID}`);
  expect(readYaml('provisioning', 'dashboards', 'aispend.yaml').providers).toEqual([
    expect.objectContaining({
      type: 'file',
      folder: ALERT_FOLDER_TITLE,
      options: expect.objectContaining({ path: `${mount}/dashboards` }),
    }),
  ]);
});
