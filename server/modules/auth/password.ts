import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB memory, 2 passes, OWASP's baseline); Algorithm.Argon2id = 2.
const options = { algorithm: 2 } as const;

export const hashPassword = (password: string) => hash(password.normalize('NFC'), options);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** Verified against when the username does not exist, so both cases take the same time. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => {
  dummy ??= hashPassword('motcua-timing-equaliser');
  return dummy;
};
