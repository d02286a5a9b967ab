/** `aispend` run in-process, its output captured (the integration tests' way to call the CLI). */
import os from 'os';
import type { CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `nowMs` fixes the CLI's clock (default: the real one). */
export async function runCli(argv: string[], nowMs?: number): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: os.tmpdir(), now: () => nowMs ?? Date.now() };
  const code = await main(argv, io);
  return { code, out, err };
}
