/** An Alertmanager webhook receiver on 127.0.0.1 that keeps every notification it is sent. */
import http from 'http';
import { freePort } from '../../../scripts/testbed/prometheus';

/** One POST of Alertmanager's webhook (version 4 payload), reduced to what the tests compare. */
export interface Notification {
  receiver: string;
  status: 'firing' | 'resolved';
  groupKey: string;
  alerts: Array<{ status: string; labels: Record<string, string> }>;
}

export interface WebhookReceiver {
  /** base URL; Alertmanager's receivers post to `${url}/<receiver name>` */
  url: string;
  notifications: Notification[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const notifications: Notification[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const payload = JSON.parse(body) as Notification;
      notifications.push({
        receiver: payload.receiver,
        status: payload.status,
        groupKey: payload.groupKey,
        alerts: payload.alerts.map((a) => ({ status: a.status, labels: a.labels })),
      });
      res.end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    notifications,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
