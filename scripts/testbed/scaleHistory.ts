/**
 * Builds (once, then cached) the Prometheus data directory of one scale test bed size: through the
 * real rules for the smallest (history.ts: promtool backfill of raw counters, then the shipped
 * rule file evaluated by Prometheus), through the canonical generator and the block writer for the
 * others. Cached outside the clone under ~/.cache/aispend, keyed on everything that determines the
 * content: the spec, the generating code and the series names.
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { FAMILIES, MODEL_PROVIDER_INFO } from '../../src/engine/conventions';
import { TIER_CLOCK, tierSeries } from '../../src/engine/tiers';
import { profileRulesPath } from '../../src/rules';
import { buildHistory, DEFAULT_CACHE_ROOT, HistorySpec, ProgressFactory, REPO_ROOT } from './history';
import { startProgress } from './progress';
import { ScaleSize, scaleHistorySpec, TIER_SOURCE_TEXT } from './scaleSizes';

export const SCALE_CACHE_ROOT =
  process.env.AISPEND_SCALE_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'aispend', 'scale');

export interface ScaleHistory {
  size: ScaleSize;
  dataDir: string;
  rulesFile: string;
  startSec: number;
  endSec: number;
  /** how the canonical series and tiers were produced */
  tiersFrom: string;
  buildSeconds: number;
  fromCache: boolean;
  /** raw counters cover the whole history (the real-rules size) or only its last minutes */
  rawHistory: 'full' | 'tail';
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
}

/** The generated history changes with its spec, the generating code and the names it writes. */
function generatedCacheKey(size: ScaleSize, spec: HistorySpec): string {
  const names = Object.values(FAMILIES).map((f) => [f.series, f.kind === 'increase' ? [tierSeries(f.id, 'hour'), tierSeries(f.id, 'day')] : []]);
  const hash = createHash('sha256').update(JSON.stringify({ spec, names, TIER_CLOCK, MODEL_PROVIDER_INFO }));
  const code = [
    ...sourceFiles(path.join(REPO_ROOT, 'src/demo')),
    ...sourceFiles(path.join(__dirname, 'tsdb')),
    ...['canonicalGenerator.ts', 'tierBuckets.ts', 'rawTail.ts', 'generateScaleBlock.ts'].map((f) => path.join(__dirname, f)),
  ];
  code.forEach((file) => hash.update(fs.readFileSync(file)));
  return `${size.id}-${spec.days}d-${hash.digest('hex').slice(0, 16)}`;
}

/** The generator as one bundled file, so that its hot loops call functions, not export getters (see generateScaleBlock.ts). */
async function bundledGenerator(outDir: string): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(outDir, 'generate-scale-block.js');
  await build({ entryPoints: [path.join(__dirname, 'generateScaleBlock.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  return outfile;
}

/** Runs the bundled generator; its progress goes to this process' stderr, its stats come back. */
function runGenerator(bundle: string, size: ScaleSize, dataDir: string): Promise<{ startSec: number; endSec: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, size.id, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the ${size.id} generator exited with ${code}`))));
  });
}

async function generatedHistory(size: ScaleSize, cacheRoot: string): Promise<Omit<ScaleHistory, 'rulesFile'>> {
  const spec = scaleHistorySpec(size);
  const dir = path.join(cacheRoot, generatedCacheKey(size, spec));
  const dataDir = path.join(dir, 'data');
  const doneFile = path.join(dir, 'scale-history.json');
  if (fs.existsSync(doneFile)) {
    return { ...JSON.parse(fs.readFileSync(doneFile, 'utf8')), dataDir, fromCache: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const { startSec, endSec } = await runGenerator(await bundledGenerator(dir), size, dataDir);
  const history = { size, startSec, endSec, tiersFrom: TIER_SOURCE_TEXT.generator, buildSeconds: (Date.now() - started) / 1000, rawHistory: 'tail' as const };
  fs.writeFileSync(doneFile, JSON.stringify(history, null, 2));
  return { ...history, dataDir, fromCache: false };
}

export async function buildScaleHistory(size: ScaleSize, progress: ProgressFactory = startProgress, cacheRoot = SCALE_CACHE_ROOT): Promise<ScaleHistory> {
  const rulesFile = path.join(REPO_ROOT, profileRulesPath('litellm'));
  if (size.tiers === 'generator') {
    return { ...(await generatedHistory(size, cacheRoot)), rulesFile };
  }
  const history = await buildHistory(scaleHistorySpec(size), DEFAULT_CACHE_ROOT, progress);
  return {
    size,
    dataDir: history.dataDir,
    rulesFile,
    startSec: history.startSec,
    endSec: history.endSec,
    tiersFrom: TIER_SOURCE_TEXT.rules,
    buildSeconds: (history.timings.rawMs + history.timings.rulesMs) / 1000,
    fromCache: history.fromCache,
    rawHistory: 'full',
  };
}
