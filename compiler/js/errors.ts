/**
 * Errors of the lowering: a module that decodes but cannot be compiled (an
 * operand shape this compiler does not understand, an opcode it does not
 * implement). Named by module, function and byte offset in the Code chunk.
 */
export class CompileError extends Error {
  constructor(
    readonly module: string,
    readonly fn: string | undefined,
    readonly offset: number | undefined,
    readonly opcode: string | undefined,
    readonly detail: string,
  ) {
    const where = [fn === undefined ? module : `${module}:${fn}`];
    if (opcode !== undefined) where.push(opcode);
    if (offset !== undefined) where.push(`Code byte ${offset}`);
    super(`${where.join(', ')}: ${detail}`);
    this.name = 'CompileError';
  }
}
