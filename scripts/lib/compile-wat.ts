/**
 * WebAssembly text → binary, with the SIMD feature on: how `npm run build:wasm` turns the
 * solver's kernels (src/solver/simd/kernels.wat) into the bytes the solver loads.
 */
import wabtInit from 'wabt';

/** The binary module of WebAssembly text `text` (`name` appears in syntax errors). */
export async function compileWat(name: string, text: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(name, text, { simd: true });
  try {
    parsed.validate();
    return parsed.toBinary({}).buffer;
  } finally {
    parsed.destroy();
  }
}

/** `bytes` as base64 in lines of `width` characters, for a generated TypeScript file. */
export function base64Lines(bytes: Uint8Array, width = 96): string[] {
  const text = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}
