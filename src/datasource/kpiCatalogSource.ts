/**
 * Standard KPIs plus the custom KPIs saved in the app's settings, cached briefly and
 * re-read when a query names an id the cache does not know (someone just saved it).
 */
import { getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { APP_SETTINGS_URL } from '../constants';
import { KpiDefinition, STANDARD_KPIS } from '../engine/catalog';
import type { AppSettings } from '../settings/appSettings';

const CACHE_MS = 30_000;

export class KpiCatalogSource {
  private custom: KpiDefinition[] = [];
  private loadedAt = -Infinity;
  private loading?: Promise<void>;

  constructor(private readonly now: () => number = Date.now) {}

  all(): KpiDefinition[] {
    return [...STANDARD_KPIS, ...this.custom];
  }

  async find(id: string): Promise<KpiDefinition | undefined> {
    await this.refresh(false);
    const found = this.all().find((k) => k.id === id);
    if (found || STANDARD_KPIS.some((k) => k.id === id)) {
      return found;
    }
    await this.refresh(true);
    return this.all().find((k) => k.id === id);
  }

  async refresh(force: boolean): Promise<void> {
    if (!force && this.now() - this.loadedAt < CACHE_MS) {
      return;
    }
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<void> {
    try {
      const response = await lastValueFrom(
        getBackendSrv().fetch<{ jsonData?: Partial<AppSettings> }>({ url: APP_SETTINGS_URL, showErrorAlert: false })
      );
      this.custom = (response.data.jsonData?.customKpis ?? []).map((k) => ({ ...k, standard: false }));
    } catch {
      // Without the app's settings (app disabled, no permission) only the standard KPIs exist.
      this.custom = [];
    }
    this.loadedAt = this.now();
  }
}
