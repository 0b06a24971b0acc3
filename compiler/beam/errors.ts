/**
 * The one error type of the reader and the decoder.
 *
 * Every problem with the bytes of a `.beam` file — a truncated container, a
 * chunk that overruns, a compact term with a bad tag, an unknown or obsolete
 * opcode, a literal that is not valid external term format — is reported as a
 * `BeamFormatError` naming the file, the chunk, the byte offset and, when the
 * decoder knows it, the function. Nothing else may escape from `readBeam` or
 * `decodeModule`: a JS TypeError/RangeError is a bug in this code.
 *
 * `offset` is a byte offset into the (gunzipped) file, so `xxd -s OFFSET`
 * shows the bad bytes.
 */

export class BeamFormatError extends Error {
  constructor(
    /** File name as given to `readBeam` (`<memory>` for a buffer). */
    public readonly file: string,
    /** Four-character chunk id (`Code`, `LitT`, ...) or undefined for the container. */
    public readonly chunk: string | undefined,
    /** Byte offset in the (decompressed) file. */
    public readonly offset: number,
    public readonly detail: string,
    /** `module:function/arity` (or just the module) when known. */
    public readonly where?: string,
  ) {
    super(detail);
    this.name = 'BeamFormatError';
  }

  /** One line: `foo.beam: chunk Code at byte 1234: unknown opcode 200 in lists:foo/2`. */
  override toString(): string {
    const place = this.chunk === undefined ? '' : `chunk ${this.chunk} `;
    const fn = this.where === undefined ? '' : ` in ${this.where}`;
    return `${this.file}: ${place}at byte ${this.offset}: ${this.detail}${fn}`;
  }

  /** A copy that names the function the error happened in. */
  withWhere(where: string): BeamFormatError {
    if (this.where !== undefined) return this;
    return new BeamFormatError(this.file, this.chunk, this.offset, this.detail, where);
  }
}

export const isBeamFormatError = (e: unknown): e is BeamFormatError => e instanceof BeamFormatError;
