// The npm mirror this project is developed behind serves @swc/core's Linux builds only, so
// `npm install` writes a lockfile without the other platforms' optional packages, and `npm ci`
// then refuses it as out of sync with @swc/core's optionalDependencies. This adds the missing
// entries (os/cpu taken from @swc/core's published matrix) so `npm ci` accepts the lockfile on
// any machine; npm skips them on non-matching platforms and fetches them from the registry on
// matching ones. Run it after any `npm install` that rewrites package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCKFILE = new URL('../package-lock.json', import.meta.url);
const SWC_PLATFORMS = {
  'darwin-arm64': { os: 'darwin', cpu: 'arm64' },
  'darwin-x64': { os: 'darwin', cpu: 'x64' },
  'linux-arm-gnueabihf': { os: 'linux', cpu: 'arm' },
  'linux-arm64-gnu': { os: 'linux', cpu: 'arm64', libc: 'glibc' },
  'linux-arm64-musl': { os: 'linux', cpu: 'arm64', libc: 'musl' },
  'linux-ppc64-gnu': { os: 'linux', cpu: 'ppc64', libc: 'glibc' },
  'linux-s390x-gnu': { os: 'linux', cpu: 's390x', libc: 'glibc' },
  'linux-x64-gnu': { os: 'linux', cpu: 'x64', libc: 'glibc' },
  'linux-x64-musl': { os: 'linux', cpu: 'x64', libc: 'musl' },
  'win32-arm64-msvc': { os: 'win32', cpu: 'arm64' },
  'win32-ia32-msvc': { os: 'win32', cpu: 'ia32' },
  'win32-x64-msvc': { os: 'win32', cpu: 'x64' },
};

const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8'));
const core = lock.packages['node_modules/@swc/core'];
const added = [];
for (const [name, version] of Object.entries(core.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) {
    continue;
  }
  const platform = SWC_PLATFORMS[name.replace('@swc/core-', '')];
  if (!platform) {
    throw new Error(`no platform known for ${name}; extend SWC_PLATFORMS`);
  }
  lock.packages[key] = {
    version,
    cpu: [platform.cpu],
    dev: true,
    ...(platform.libc ? { libc: [platform.libc] } : {}),
    license: 'Apache-2.0 AND MIT',
    optional: true,
    os: [platform.os],
    engines: { node: '>=10' },
  };
  added.push(name);
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(LOCKFILE, JSON.stringify(lock, null, 2) + '\n');
console.log(added.length ? `added lock entries: ${added.join(', ')}` : 'lockfile already complete');
