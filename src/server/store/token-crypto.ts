import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Tokens at rest: AES-256-GCM with a key from `ROLECALL_TOKEN_KEY` (32 bytes as 64 hex or base64 characters;
 * any other text is stretched with SHA-256). A stored value is `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export interface TokenCipher {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function keyFrom(raw: string): Buffer {
  const text = raw.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  const b64 = Buffer.from(text, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return b64;
  return createHash('sha256').update(text, 'utf8').digest();
}

export function tokenCipher(rawKey: string): TokenCipher {
  const key = keyFrom(rawKey);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return ['v1', iv, tag, data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed token');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new Error(
          'a stored token cannot be decrypted: ROLECALL_TOKEN_KEY is not the key it was sealed with',
        );
      }
    },
  };
}
