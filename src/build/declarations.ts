import ts from 'typescript';

/**
 * Emits `.d.ts` files for `entry` and everything it imports into `outDir` (mirroring `rootDir`). Returns the
 * compiler's problems as readable lines; empty means success.
 */
export function emitDeclarations(entry: string, rootDir: string, outDir: string): string[] {
  const program = ts.createProgram([entry], {
    declaration: true,
    emitDeclarationOnly: true,
    skipLibCheck: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    verbatimModuleSyntax: true,
    types: [],
    rootDir,
    outDir,
  });
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
