// Completes package-lock.json with the platform-specific optional packages that the
// registry reachable from our machines does not serve (e.g. @swc/core-darwin-arm64).
//
// Why: npm leaves an optional dependency out of the lockfile when it cannot fetch its
// metadata, and `npm ci` then refuses the lockfile as "out of sync". An entry that
// names the package's platform (os/cpu, read from its name) lets `npm ci` see the tree
// as complete and skip the package, as it does for any optional package built for
// another platform. Runs after every `npm install` (the root `postinstall`); idempotent.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = [
  'darwin',
  'linux',
  'win32',
  'freebsd',
  'android',
  'openbsd',
  'sunos',
  'aix',
  'netbsd',
  'openharmony',
  'wasm32',
];
const CPU = [
  'arm64',
  'x64',
  'ia32',
  'arm',
  'ppc64',
  's390x',
  'riscv64',
  'loong64',
  'mips64el',
  'wasm32',
];

/** The os and cpu a platform package is for, read from a name like `core-linux-arm64-gnu`. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part));
  if (parts.includes('wasm32') || parts.includes('wasi')) {
    return { cpu: ['wasm32'] };
  }
  return os === undefined || cpu === undefined ? undefined : { os: [os], cpu: [cpu] };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path === '' ? '' : `${path}/`}node_modules/${name}`;
    if (packages[nested] !== undefined || packages[`node_modules/${name}`] !== undefined) {
      continue;
    }
    const platform = platformOf(name);
    if (platform === undefined) {
      continue;
    }
    packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev === true ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
  }
}

if (added > 0) {
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
  );
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`complete-lockfile: added ${added} platform-specific optional packages`);
}
