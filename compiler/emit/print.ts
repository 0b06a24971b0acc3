/**
 * Print a lowered module (ESTree) as JavaScript text with a source map.
 *
 * astring writes the JS and reports a mapping for every node that has a
 * `loc` (identifiers, literals and function heads; compiler/js/builders.ts
 * puts them there). astring names one source for the whole map — the
 * generator's `file` — so the generator is wrapped: each mapping takes its
 * source from the node position (`Pos.source`, the .erl or .hrl file from
 * the Line chunk), falling back to the module's main source file.
 */
import { generate } from 'astring';
import type * as E from 'estree';
import { SourceMapGenerator } from 'source-map';

export interface Printed {
  js: string;
  /** Source map v3 as JSON text. */
  map: string;
}

interface AstringMapping {
  original: { line: number; column: number; source?: string } | null;
  generated: { line: number; column: number };
  name?: string;
}

/** The part of SourceMapGenerator astring uses, re-routing sources per node. */
class MultiSourceMap {
  constructor(
    private readonly gen: SourceMapGenerator,
    readonly file: string,
    private readonly fallbackSource: string,
  ) {}

  addMapping(m: AstringMapping): void {
    if (m.original === null || !(m.original.line > 0)) return;
    this.gen.addMapping({
      generated: { line: m.generated.line, column: m.generated.column },
      original: { line: m.original.line, column: m.original.column },
      source: m.original.source ?? this.fallbackSource,
      ...(m.name !== undefined ? { name: m.name } : {}),
    });
  }
}

/**
 * `jsFile` is the name of the generated file (the map's `file`);
 * `mainSource` the source used for nodes without their own.
 */
export function printModule(program: E.Program, jsFile: string, mainSource: string): Printed {
  const gen = new SourceMapGenerator({ file: jsFile });
  const sourceMap = new MultiSourceMap(gen, jsFile, mainSource);
  const js = generate(program, {
    comments: true,
    indent: '  ',
    lineEnd: '\n',
    sourceMap: sourceMap as unknown as SourceMapGenerator,
  });
  return { js: `${js}//# sourceMappingURL=${baseName(jsFile)}.map\n`, map: gen.toString() };
}

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
