export default async function globalTeardown(): Promise<void> {
  await Promise.all((globalThis.__aispendPrometheus ?? []).map((p) => p.stop()));
  globalThis.__aispendPrometheus = undefined;
}
