import { parseArgs, ParseArgsConfig } from 'util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Indexes of arguments before `--` that start with a minus yet are no option: a formula such as
 * `-total_cost` or `-2 * retries`, which `util.parseArgs` would split into short options. A dash
 * and one letter stays an option (so `-z` is still refused), as does any option's value.
 */
function dashedPositionals(args: string[], options: Options): Set<number> {
  const takesValue = new Set(
    Object.entries(options)
      .filter(([, option]) => option.type === 'string')
      .flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])])
  );
  const found = new Set<number>();
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    if (takesValue.has(args[i])) {
      i++;
    } else if (/^-[^-]/.test(args[i]) && !/^-[A-Za-z]$/.test(args[i])) {
      found.add(i);
    }
  }
  return found;
}

/** `util.parseArgs` with every mistake turned into a UsageError; positionals may start with a minus. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, allowPositionals = false) {
  const withHelp = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  const dashed = allowPositionals ? dashedPositionals(args, withHelp) : new Set<number>();
  const rest = args.map((value, at) => ({ value, at })).filter((a) => !dashed.has(a.at));
  try {
    const { values, tokens } = parseArgs({ args: rest.map((a) => a.value), options: withHelp, allowPositionals, strict: true, tokens: true });
    const positionals = [
      ...tokens.flatMap((t) => (t.kind === 'positional' ? [{ value: t.value, at: rest[t.index].at }] : [])),
      ...[...dashed].map((at) => ({ value: args[at], at })),
    ];
    return { values, positionals: positionals.sort((a, b) => a.at - b.at).map((p) => p.value) };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new UsageError(`--${name} must be a positive integer (got "${value}")`);
  }
  return n;
}
