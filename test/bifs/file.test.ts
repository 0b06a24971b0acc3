/**
 * OTP's file layer on beamjs against BEAM: each scenario of
 * test/bifs/file_driver.erl (raw and io-server files, positions, read_line,
 * errors, file info, directories, links, consult, copy, filelib, cwd, file
 * names, erl_prim_loader) runs on erl and on beamjs, each in its own fresh
 * directory, and the `~w` texts must be identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beamjsSide, compileDriver, erlRuns, scratch, type Side } from './file-driver.js';

const SCENARIOS = [
  'raw_rw', 'raw_positions', 'raw_read_line', 'raw_errors', 'whole_files', 'infos',
  'dirs', 'renames_deletes', 'links', 'io_server', 'io_server_lines', 'consult',
  'copy', 'filelib', 'cwd', 'names', 'prim_loader', 'pread_pwrite', 'read_ahead', 'modes', 'io_simple', 'raw_args', 'owner_exit',
  'write_file_info',
];

let side: Side;
const erlDir = scratch('erl');
const jsDir = scratch('js');
let expected: Map<string, string>;

beforeAll(async () => {
  compileDriver();
  side = await beamjsSide();
  const answers = await erlRuns(SCENARIOS.map((s) => [s, `${erlDir.dir}/${s}`]));
  expected = new Map(SCENARIOS.map((s, i) => [s, answers[i]!]));
});

afterAll(() => {
  side?.close();
  erlDir.remove();
  jsDir.remove();
});

describe('file layer against erl', () => {
  it.each(SCENARIOS)('%s', async (s) => {
    const want = expected.get(s)!;
    expect(want).not.toMatch(/^raised/);
    expect(await side.run(s, `${jsDir.dir}/${s}`)).toBe(want);
  });
});
