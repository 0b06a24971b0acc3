/**
 * What the runtime asks of its host (Node, a browser, a bundle): where code
 * comes from, standard input, and the arguments `init` answers with. Each
 * piece is optional; without it the BIFs that need it answer as an Erlang
 * system without that facility would (no input: eof; no code path: []).
 */

/** The code path and the .beam files behind the module loader. */
export interface CodeHost {
  /** OTP's root folder (`code:root_dir()`). */
  readonly rootDir: string;
  /** The folders searched for modules, in order (`code:get_path()`). */
  path(): string[];
  /** Replace the path; returns the first entry that is not a folder, if any. */
  setPath(dirs: string[]): string | undefined;
  /** The .beam file module `name` loads (or would load) from. */
  which(name: string): string | undefined;
  /** The bytes of a module's .beam, as `code:get_object_code/1` returns them. */
  objectCode(name: string): { bytes: Uint8Array; file: string } | undefined;
  /**
   * Compile and load .beam bytes (`code:load_binary/3`); settles once the
   * module is registered, rejects with a message when the bytes are bad.
   */
  loadBinary?(name: string, file: string, bytes: Uint8Array): Promise<void>;
}

export interface HostOptions {
  code?: CodeHost;
  /** The next chunk of standard input; undefined at its end. */
  readInput?: () => Promise<Uint8Array | undefined>;
  /** init's flags, as `init:get_arguments/0` returns them: `[flag, values]`. */
  initArgs?: [string, string[]][];
  /** init's plain arguments (`init:get_plain_arguments/0`). */
  plainArgs?: string[];
}
