/**
 * The Line chunk: `u32 Version, Flags, NumLineInstrs, NumItems, NumFnames`,
 * a stream of compact terms (`a` = switch to file index F, `i` = line number,
 * which appends one item), then NumFnames × (`u16 len`, UTF-8 name).
 *
 * Item 0 is the implicit undefined location; file index 0 is the implicit
 * `<module>.erl`. Like ERTS, a version other than 0 means "no line table".
 */
import { utf8String } from './bytes.js';
import { CompactReader, TAG_A, TAG_I, TAG_NAMES } from './compact.js';
import type { LineTable, Location, RawChunk } from './types.js';

export function parseLines(chunk: RawChunk, file: string, module: string): LineTable | undefined {
  const r = new CompactReader(chunk.data, chunk.offset, file, chunk.id);
  const version = r.u32('Line version');
  if (version !== 0) return undefined;
  const flags = r.u32('Line flags');
  const instrCount = r.u32('line instruction count');
  const itemsAt = r.pos;
  const itemCount = r.u32('line item count');
  const namesAt = r.pos;
  const nameCount = r.u32('file name count');
  // Each item takes at least one byte and each name at least two.
  if (itemCount > r.remaining) throw r.error(`line item count ${itemCount} does not fit in the chunk`, itemsAt);
  if (nameCount * 2 > r.remaining) throw r.error(`file name count ${nameCount} does not fit in the chunk`, namesAt);

  const rawItems: number[] = [0, 0]; // pairs (file index, line); item 0 = undefined location
  let fileIndex = 0;
  let n = 0;
  while (n < itemCount) {
    const at = r.pos;
    const tag = r.tagged();
    if (tag === TAG_A) {
      if (r.value > nameCount) {
        throw r.error(`file index ${r.value} is beyond the ${nameCount} file names`, at);
      }
      fileIndex = r.value;
    } else if (tag === TAG_I) {
      if (r.big !== undefined || r.value < 0) throw r.error(`bad line number ${r.big ?? r.value}`, at);
      rawItems.push(fileIndex, r.value);
      n++;
    } else {
      throw r.error(`illegal line item tag ${TAG_NAMES[tag]}`, at);
    }
  }

  const files: string[] = [`${module}.erl`];
  for (let i = 1; i <= nameCount; i++) {
    const len = r.u16('file name length');
    const at = r.pos;
    const bytes = r.bytes(len, 'file name');
    // An empty name stands for the module's own file, as in ERTS.
    files.push(len === 0 ? files[0]! : utf8String(bytes, r, at, 'file name'));
  }

  const items: Location[] = new Array<Location>(itemCount + 1);
  for (let i = 0; i <= itemCount; i++) {
    items[i] = { file: files[rawItems[2 * i]!]!, line: rawItems[2 * i + 1]! };
  }
  return { version, flags, instrCount, items, files };
}
