// Large JSON text kept compressed: a sheet's rows, a month's lists and figures are stored as Brotli-compressed UTF-8
// (binary attribute `br`), about five times smaller than the text. Fewer bytes is fewer write units on DynamoDB (billed
// per KB), less for the SDK to encode (it escapes a string attribute character by character; binary is one base64
// pass) and less for DynamoDB Local to store. Items written before kept their text in a string attribute `text`:
// both read the same.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import * as z from 'zod';

/** Quality 1 of 11: ~190 MB/s here and ~5× smaller on a workbook's rows (quality 4 is ~15 % smaller, 4× slower). */
const QUALITY = 1;

/** Compressed bytes of one item at most: DynamoDB's items stop at 400 KB, keys and other attributes included. */
export const PIECE_BYTES = 350_000;

/** A binary attribute as the document client hands it back. */
export const packedBytes = z.instanceof(Uint8Array);

export function packText(text: string): Uint8Array {
  return brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY } });
}

export function unpackText(bytes: Uint8Array): string {
  return brotliDecompressSync(bytes).toString('utf8');
}

/** The text an item holds, compressed (`br`) or as written before compression (`text`). */
export function itemText(item: Record<string, unknown>): string {
  if (item.br instanceof Uint8Array) return unpackText(item.br);
  if (typeof item.text === 'string') return item.text;
  throw new Error(`item ${String(item.pk)} ${String(item.sk)} holds no text`);
}

/** Compressed text cut into pieces that each fit in an item, in order. */
export function packPieces(text: string): Uint8Array[] {
  const bytes = packText(text);
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length || pieces.length === 0; i += PIECE_BYTES)
    pieces.push(bytes.subarray(i, i + PIECE_BYTES));
  return pieces;
}

/**
 * The text of items written by packPieces (each with its `br` piece) or, before compression, each with a slice of the
 * text: `items` already in order.
 */
export function joinPieces(items: readonly Record<string, unknown>[]): string {
  if (items.every((i) => i.br instanceof Uint8Array))
    return unpackText(Buffer.concat(items.map((i) => i.br as Uint8Array)));
  return items.map((i) => itemText(i)).join('');
}
