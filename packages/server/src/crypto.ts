/**
 * Personal data at rest: every personal field of a signature is sealed with AES-256-GCM (node:crypto) under
 * a key of its own person, with a random 96-bit IV and associated data naming the row and the field, so a
 * sealed value cannot be moved to another row or field unnoticed. The person keys are wrapped (AES-256-GCM
 * again) by a key derived with HKDF-SHA256 from the server's data key; a person is found by a blind index
 * of their email, HMAC-SHA256 under another key derived from it. Erasure destroys the person key.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** The first byte of every sealed value: the format (AES-256-GCM, 12-byte IV, 16-byte tag). */
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** Seals `plaintext` under `key`; `context` (associated data) must be given again to open it. */
export function seal(key: Buffer, plaintext: string, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT), iv, body, cipher.getAuthTag()]);
}

/** Opens a sealed value; throws when the key or the context is not the one it was sealed with, or it was altered. */
export function unseal(key: Buffer, sealed: Uint8Array, context: string): string {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT) throw new Error('not a sealed value of a known format');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** The identity of a signer: one counted signature per (petition, normalised email). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The server's data key (32 bytes) and the keys derived from it. */
export class DataKey {
  readonly #index: Buffer;
  readonly #wrap: Buffer;
  readonly #check: Buffer;

  constructor(root: Uint8Array) {
    if (root.length !== KEY_BYTES) throw new RangeError(`the data key must be ${KEY_BYTES} bytes, got ${root.length}`);
    const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', root, 'agir-data-key', `agir/v1/${purpose}`, KEY_BYTES));
    this.#index = derive('email-index');
    this.#wrap = derive('person-key-wrap');
    this.#check = derive('key-check');
  }

  /** Reads a key given in base64 (AGIR_DATA_KEY, the key file); throws a message for the operator otherwise. */
  static fromBase64(text: string, where: string): DataKey {
    const trimmed = text.trim();
    const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
    if (bytes.length !== KEY_BYTES)
      throw new Error(
        `${where} must hold ${KEY_BYTES} random bytes in base64 (e.g. \`openssl rand -base64 32\`), got ${bytes.length} bytes.`,
      );
    return new DataKey(bytes);
  }

  /** A new random key, in base64. */
  static generate(): string {
    return randomBytes(KEY_BYTES).toString('base64');
  }

  /** The blind index of an email (normalised): who signed is found without storing the address. */
  emailIndex(email: string): Buffer {
    return createHmac('sha256', this.#index).update(normaliseEmail(email), 'utf8').digest();
  }

  /** A value that tells whether a database was encrypted under this key, and nothing about the key. */
  checkValue(): Buffer {
    return createHmac('sha256', this.#check).update('agir data key check', 'utf8').digest();
  }

  matches(check: Uint8Array): boolean {
    const mine = this.checkValue();
    return check.length === mine.length && timingSafeEqual(mine, check);
  }

  /** Wraps a person key, bound to its person (the blind index). */
  wrap(index: Buffer, personKey: Buffer): Buffer {
    return seal(this.#wrap, personKey.toString('base64'), `agir/v1/person-key/${index.toString('hex')}`);
  }

  unwrap(index: Buffer, wrapped: Uint8Array): Buffer {
    return Buffer.from(unseal(this.#wrap, wrapped, `agir/v1/person-key/${index.toString('hex')}`), 'base64');
  }
}

/** A new random person key. */
export function newPersonKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
