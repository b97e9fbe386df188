// Deterministic id generation (seeded PRNG) so fake ids look like Google's yet repeat from run to run.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class IdSource {
  private s: number;
  constructor(seed = 0x5eed) {
    this.s = seed >>> 0;
  }

  /** mulberry32 */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A Drive/Sheets style file id ('1' + base64url characters; spreadsheets have 44, folders 33). */
  fileId(length = 44): string {
    let id = '1';
    while (id.length < length) id += ALPHABET[Math.floor(this.next() * ALPHABET.length)];
    return id;
  }

  /** A positive int32 like the sheet, chart and protected-range ids Google hands out. */
  objectId(): number {
    return 1 + Math.floor(this.next() * 2_147_483_646);
  }
}
