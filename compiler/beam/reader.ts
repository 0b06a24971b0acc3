/**
 * readBeam: bytes → BeamFile.
 *
 * Splits the container, then parses each chunk it knows (beam-format.md
 * section 1). Like ERTS's loader, chunk order does not matter and a later
 * duplicate replaces an earlier one. AtU8, Code, ImpT and ExpT are required;
 * the old Latin-1 `Atom` chunk is rejected (OTP 25 no longer loads it).
 */
import type { Term } from '../../runtime/terms/types.js';
import { parseAtoms, parseCodeHeader, parseExportTable, parseFuns, parseImports } from './chunks.js';
import { gunzip, isGzip, readContainer } from './container.js';
import { BeamFormatError } from './errors.js';
import { parseLines } from './lines.js';
import { parseLiterals, parseTermChunk } from './literals.js';
import { parseTypes } from './types-chunk.js';
import type { BeamFile, RawChunk, ReadOptions } from './types.js';

export { BeamFormatError } from './errors.js';
export type * from './types.js';

/** The chunks this reader interprets; everything else lands in `unknown`. */
const KNOWN = new Set(['AtU8', 'Atom', 'Code', 'StrT', 'ImpT', 'ExpT', 'LocT', 'FunT', 'LitT',
  'Line', 'Type', 'Attr', 'CInf', 'Meta', 'Dbgi']);

export function readBeam(bytes: Uint8Array, file = '<memory>', options: ReadOptions = {}): BeamFile {
  try {
    return readBeamUnchecked(bytes, file, options);
  } catch (e) {
    if (e instanceof BeamFormatError) throw e;
    // A JS error here is a bug in the reader; still, the caller gets a
    // BeamFormatError rather than a TypeError.
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new BeamFormatError(file, undefined, 0, `cannot read: ${msg}`);
  }
}

function readBeamUnchecked(input: Uint8Array, file: string, options: ReadOptions): BeamFile {
  const gzipped = isGzip(input);
  // A plain Uint8Array view: subarrays of a node Buffer are Buffers, which are
  // slower to create, and chunk data is sliced a lot.
  const raw = gzipped ? gunzip(input, file) : input;
  const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  const chunks = readContainer(bytes, file);
  const byId = new Map<string, RawChunk>();
  const unknown: RawChunk[] = [];
  for (const c of chunks) {
    byId.set(c.id, c);
    if (!KNOWN.has(c.id)) unknown.push(c);
  }
  const required = (id: string): RawChunk => {
    const c = byId.get(id);
    if (c === undefined) throw new BeamFormatError(file, id, 0, `missing required chunk ${id}`);
    return c;
  };

  const atU8 = byId.get('AtU8');
  if (atU8 === undefined) {
    const old = byId.get('Atom');
    if (old !== undefined) {
      throw new BeamFormatError(file, 'Atom', old.offset,
        'obsolete Latin-1 atom table (chunk "Atom", OTP 20 or earlier); recompile with OTP 21 or later');
    }
    throw new BeamFormatError(file, 'AtU8', 0, 'missing required chunk AtU8 (the atom table)');
  }
  const atoms = parseAtoms(atU8, file);
  const module = atoms[1]!;
  const code = parseCodeHeader(required('Code'), file);
  const imports = parseImports(required('ImpT'), file, atoms);
  const exports = parseExportTable(required('ExpT'), file, atoms);
  const opt = (id: string): RawChunk | undefined => byId.get(id);
  const locT = opt('LocT');
  const funT = opt('FunT');
  const litT = opt('LitT');
  const line = opt('Line');
  const type = opt('Type');
  const term = (id: string): Term | undefined => {
    const c = opt(id);
    return c === undefined ? undefined : parseTermChunk(c, file);
  };
  return {
    file,
    module,
    gzipped,
    chunks,
    atoms,
    code,
    strings: opt('StrT')?.data ?? new Uint8Array(0),
    imports,
    exports,
    locals: locT === undefined ? undefined : parseExportTable(locT, file, atoms),
    funs: funT === undefined ? [] : parseFuns(funT, file, atoms),
    literals: litT === undefined ? [] : parseLiterals(litT, file),
    lines: line === undefined ? undefined : parseLines(line, file, module),
    types: type === undefined ? undefined : parseTypes(type, file),
    attributes: term('Attr'),
    compileInfo: term('CInf'),
    meta: term('Meta'),
    debugInfo: options.debugInfo ? term('Dbgi') : undefined,
    unknown,
  };
}

/**
 * Decode any chunk holding one external-format term (Dbgi, Docs, ExCk, ...)
 * on demand; undefined when the file has no such chunk.
 */
export function decodeTermChunk(beam: BeamFile, id: string): Term | undefined {
  let found: RawChunk | undefined;
  for (const c of beam.chunks) if (c.id === id) found = c;
  return found === undefined ? undefined : parseTermChunk(found, beam.file);
}
