/**
 * Parsers for the fixed-layout chunks: AtU8 (both encodings), Code (header
 * only), ImpT, ExpT/LocT and FunT. Layouts: beam-format.md section 1.2.
 *
 * Indices into the atom table are checked here, once, so later stages can
 * index `atoms` without checks.
 */
import type { Atom } from '../../runtime/terms/types.js';
import { ByteReader, utf8String } from './bytes.js';
import { CompactReader } from './compact.js';
import type { CodeChunk, ExportEntry, FunEntry, Import, RawChunk } from './types.js';

/** ERTS's MAX_ARG: the largest arity a function may have. */
export const MAX_ARG = 255;

export function reader(chunk: RawChunk, file: string): ByteReader {
  return new ByteReader(chunk.data, chunk.offset, file, chunk.id);
}

/**
 * AtU8: `i32 N` then N atoms. N > 0: each length is one byte (OTP <= 27).
 * N < 0 (OTP 28+): -N atoms, each length in the compact `u` encoding.
 * Returns a 1-based table (index 0 is a placeholder).
 */
export function parseAtoms(chunk: RawChunk, file: string): Atom[] {
  const r = new CompactReader(chunk.data, chunk.offset, file, chunk.id);
  const signed = r.i32('atom count');
  const long = signed < 0;
  const count = long ? -signed : signed;
  if (count < 1) throw r.error('the atom table is empty (atom 1 must be the module name)', 0);
  if (count > r.remaining) throw r.error(`atom count ${count} does not fit in the chunk`, 0);
  const atoms: Atom[] = new Array<Atom>(count + 1);
  atoms[0] = '';
  for (let i = 1; i <= count; i++) {
    const at = r.pos;
    const len = long ? r.unsigned('atom length') : r.u8('atom length');
    const bytes = r.bytes(len, `atom ${i}`);
    atoms[i] = utf8String(bytes, r, at, `atom ${i}`);
  }
  return atoms;
}

/** The Code chunk header; the instructions are decoded by compiler/asm. */
export function parseCodeHeader(chunk: RawChunk, file: string): CodeChunk {
  const r = reader(chunk, file);
  const headerSize = r.u32('Code header size');
  if (headerSize < 16) throw r.error(`Code header size ${headerSize} is smaller than 16`, 0);
  r.need(headerSize, 'Code header');
  const formatNumber = r.u32('instruction set');
  if (formatNumber !== 0) {
    throw r.error(`unsupported BEAM format number ${formatNumber} (expected 0)`, 4);
  }
  const opcodeMax = r.u32('opcode max');
  const labelCount = r.u32('label count');
  const functionCount = r.u32('function count');
  const codeStart = 4 + headerSize;
  const code = chunk.data.subarray(codeStart);
  // Each label and each function costs at least two bytes of code.
  if (labelCount > code.length + 1 || functionCount > code.length) {
    throw r.error(`Code header counts (${labelCount} labels, ${functionCount} functions) exceed the code size`, 12);
  }
  return {
    headerSize, formatNumber, opcodeMax, labelCount, functionCount,
    code, codeStart, chunkOffset: chunk.offset,
  };
}

function atomAt(r: ByteReader, atoms: readonly Atom[], what: string): Atom {
  const at = r.pos;
  const i = r.u32(what);
  if (i < 1 || i >= atoms.length) {
    throw r.error(`${what} ${i} is not in the atom table (1..${atoms.length - 1})`, at);
  }
  return atoms[i]!;
}

function arityAt(r: ByteReader, what: string): number {
  const at = r.pos;
  const a = r.u32(what);
  if (a > MAX_ARG) throw r.error(`${what} ${a} is larger than ${MAX_ARG}`, at);
  return a;
}

/** ImpT: `u32 N`, N × (module atom, function atom, arity). */
export function parseImports(chunk: RawChunk, file: string, atoms: readonly Atom[]): Import[] {
  const r = reader(chunk, file);
  const n = r.count(12, 'import');
  const out: Import[] = new Array<Import>(n);
  for (let i = 0; i < n; i++) {
    const module = atomAt(r, atoms, 'import module atom');
    const name = atomAt(r, atoms, 'import function atom');
    const arity = arityAt(r, 'import arity');
    out[i] = { module, name, arity };
  }
  return out;
}

/** ExpT and LocT: `u32 N`, N × (function atom, arity, entry label). */
export function parseExportTable(chunk: RawChunk, file: string, atoms: readonly Atom[]): ExportEntry[] {
  const r = reader(chunk, file);
  const n = r.count(12, chunk.id === 'LocT' ? 'local' : 'export');
  const out: ExportEntry[] = new Array<ExportEntry>(n);
  for (let i = 0; i < n; i++) {
    const name = atomAt(r, atoms, 'function atom');
    const arity = arityAt(r, 'arity');
    const label = r.u32('label');
    out[i] = { name, arity, label };
  }
  return out;
}

/** FunT: `u32 N`, N × (function atom, arity, label, index, num free, old uniq). */
export function parseFuns(chunk: RawChunk, file: string, atoms: readonly Atom[]): FunEntry[] {
  const r = reader(chunk, file);
  const n = r.count(24, 'fun');
  const out: FunEntry[] = new Array<FunEntry>(n);
  for (let i = 0; i < n; i++) {
    const name = atomAt(r, atoms, 'fun function atom');
    const arity = arityAt(r, 'fun arity');
    const label = r.u32('fun label');
    const index = r.u32('fun index');
    const at = r.pos;
    const numFree = r.u32('fun free variable count');
    if (numFree > arity) throw r.error(`fun has ${numFree} free variables but arity ${arity}`, at);
    const oldUniq = r.u32('fun old uniq');
    out[i] = { name, arity, label, index, numFree, oldUniq };
  }
  return out;
}
