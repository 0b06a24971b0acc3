/**
 * Facts about the machine the runtime runs on, for `os` and
 * `erlang:system_info/1`. In Node they come from the `process` global (no
 * `node:` import, so the runtime still loads in browsers); in a browser the
 * answers are those of an anonymous Unix-like system: no environment, no pid,
 * `{unix, browser}`.
 */

interface NodeReport {
  header?: { osRelease?: string; cpus?: unknown[]; osMachine?: string };
}

interface NodeProcess {
  platform?: string;
  arch?: string;
  pid?: number;
  env?: Record<string, string | undefined>;
  report?: { getReport?: () => NodeReport };
}

/** Node's `process`, or undefined outside Node. */
export function nodeProcess(): NodeProcess | undefined {
  const p = (globalThis as { process?: NodeProcess }).process;
  return p !== undefined && typeof p.platform === 'string' ? p : undefined;
}

let report: NodeReport | null | undefined;

/** Node's diagnostic report (OS release, CPUs), computed once: it takes a few ms. */
function nodeReport(): NodeReport | undefined {
  if (report === undefined) {
    try {
      report = nodeProcess()?.report?.getReport?.() ?? null;
    } catch {
      report = null;
    }
  }
  return report ?? undefined;
}

/** `os:type/0`'s `{Family, Name}`, as erts derives it from uname. */
export function osType(): [string, string] {
  const platform = nodeProcess()?.platform;
  if (platform === undefined) return ['unix', 'browser'];
  if (platform === 'win32') return ['win32', 'nt'];
  if (platform === 'sunos') return ['unix', 'sunos'];
  return ['unix', platform.replace(/[^a-z0-9_]/gi, '').toLowerCase()];
}

/** `os:version/0`: the kernel release's first three numbers. */
export function osVersion(): [number, number, number] {
  const release = nodeReport()?.header?.osRelease ?? '';
  const nums = (release.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  while (nums.length < 3) nums.push(0);
  return nums as [number, number, number];
}

/** The host's processor count, or undefined when unknown. */
export function logicalProcessors(): number | undefined {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (typeof nav?.hardwareConcurrency === 'number' && nav.hardwareConcurrency > 0) return nav.hardwareConcurrency;
  const cpus = nodeReport()?.header?.cpus;
  return Array.isArray(cpus) && cpus.length > 0 ? cpus.length : undefined;
}

const ARCH: Record<string, string> = {
  x64: 'x86_64', arm64: 'aarch64', ia32: 'i686', arm: 'arm', ppc64: 'powerpc64', s390x: 's390x', riscv64: 'riscv64',
};

/** A GNU target triple like the one erts was configured for. */
export function systemArchitecture(): string {
  const p = nodeProcess();
  if (p === undefined) return 'javascript-unknown-browser';
  const cpu = ARCH[p.arch ?? ''] ?? p.arch ?? 'unknown';
  switch (p.platform) {
    case 'linux': return `${cpu}-pc-linux-gnu`;
    case 'darwin': return `${cpu}-apple-darwin`;
    case 'win32': return 'win32';
    default: return `${cpu}-unknown-${p.platform}`;
  }
}

/** The host OS process id, as `os:getpid/0` gives it (a browser has none: "0"). */
export const hostPid = (): string => String(nodeProcess()?.pid ?? 0);
