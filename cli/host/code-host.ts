/**
 * The code path of a Node run (runtime/process/host.ts CodeHost): the folders
 * of the input modules first, then the runtime's own Erlang modules, then
 * every ebin of the installed OTP, in the order `code:get_path/0` reports.
 * A module loads from the first folder on the path that has its .beam, as on
 * BEAM; `code:add_patha/1` and friends change the path at run time. A folder
 * may lie inside a code archive (./archive.ts), as an archive escript's do.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CodeHost } from '../../runtime/process/host.js';
import { inArchive } from './archive.js';
import type { BeamIndex } from './inputs.js';
import { otpRoot } from './otp.js';

/** A folder inside a code archive: the archive and the folder's path in it. */
type ArchiveDir = NonNullable<ReturnType<typeof inArchive>>;

export class NodeCodeHost implements CodeHost {
  readonly rootDir: string;
  private dirs: string[];
  /** The path's folders that lie inside an archive (found once, when the path is set). */
  private archiveDirs = new Map<string, ArchiveDir>();
  /** Module → .beam file, or null when no folder has it (reset when the path changes). */
  private readonly found = new Map<string, string | null>();
  loadBinary?: CodeHost['loadBinary'];

  /** `index` gives the initial path: the folders of its files, in order. */
  constructor(index: BeamIndex) {
    this.rootDir = otpRoot() ?? '/';
    const seen = new Set<string>();
    this.dirs = [];
    for (const file of index.values()) {
      const d = dirname(resolve(file));
      if (!seen.has(d)) {
        seen.add(d);
        this.dirs.push(d);
      }
    }
  }

  path(): string[] {
    return [...this.dirs];
  }

  setPath(dirs: string[]): string | undefined {
    const abs = dirs.map((d) => resolve(d));
    const archiveDirs = new Map<string, ArchiveDir>();
    for (const d of abs) {
      if (isDir(d)) continue;
      const a = inArchive(d);
      if (a === undefined) return d;
      archiveDirs.set(d, a);
    }
    this.dirs = abs;
    this.archiveDirs = archiveDirs;
    this.found.clear();
    return undefined;
  }

  which(name: string): string | undefined {
    if (!/^[A-Za-z0-9_.@$-]+$/.test(name) || name.startsWith('.')) return undefined;
    const hit = this.found.get(name);
    if (hit !== undefined) return hit ?? undefined;
    let file: string | undefined;
    for (const d of this.dirs) {
      const f = join(d, `${name}.beam`);
      const a = this.archiveDirs.get(d);
      if (a === undefined ? existsSync(f) : a.zip.has(`${a.inner}/${name}.beam`)) {
        file = f;
        break;
      }
    }
    this.found.set(name, file ?? null);
    return file;
  }

  objectCode(name: string): { bytes: Uint8Array; file: string } | undefined {
    const file = this.which(name);
    if (file === undefined) return undefined;
    const bytes = readCode(file);
    return bytes === undefined ? undefined : { bytes, file };
  }
}

/** The bytes of a .beam that `which` found: a file, or a member of an archive. */
function readCode(file: string): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    const a = inArchive(file);
    return a?.zip.read(a.inner);
  }
}

function isDir(d: string): boolean {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
}
