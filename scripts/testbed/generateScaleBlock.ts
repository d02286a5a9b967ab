/**
 * Writes the TSDB block of one generated scale test bed size into a data directory:
 *   node <bundle of this file> <size id> <data dir>
 * Prints the block's stats as JSON on stdout; progress goes to stderr. scaleHistory.ts runs it
 * bundled into one file: under tsx every call between modules goes through an export getter,
 * which makes the hot loops over 600 M samples almost twice as slow.
 */
import { setUpDemo } from '../../src/demo';
import { writeCanonicalHistory } from './canonicalGenerator';
import { Progress, startProgress } from './progress';
import { writeRawTail } from './rawTail';
import { findSize, scaleHistorySpec } from './scaleSizes';
import { BlockWriter } from './tsdb/block';

function main(): void {
  const [id, dataDir] = process.argv.slice(2);
  const size = findSize(id ?? '');
  if (!size || !dataDir) {
    throw new Error('usage: generateScaleBlock <size id> <data dir>');
  }
  const spec = scaleHistorySpec(size);
  const options = { profile: spec.profile, seed: spec.seed, endMs: spec.endMs, scrapeIntervalSeconds: spec.scrapeIntervalSeconds, world: spec.world };
  const setup = setUpDemo({ ...options, days: spec.days });
  const writer = new BlockWriter(dataDir);
  try {
    let bar: Progress | undefined;
    writeCanonicalHistory(setup, writer.add.bind(writer), (done, total) => {
      bar ??= startProgress(`${size.id}: canonical series and tiers, by team × model`, total);
      bar.update(done);
    });
    bar?.finish();
    writeRawTail(options, writer.add.bind(writer));
    const block = writer.finish();
    const startSec = Math.floor(setup.model.startMs / 1000);
    process.stdout.write(JSON.stringify({ ...block, startSec, endSec: startSec + setup.model.slots * setup.model.slotSeconds }) + '\n');
  } catch (e) {
    writer.discard();
    throw e;
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`error: ${(e as Error).message}\n`);
  process.exit(1);
}
