/**
 * The few web-platform globals the core may use. They exist in browsers, service
 * workers and Node >= 20 alike. The core's tsconfig has no DOM lib, so anything
 * not declared here (document, window, chrome, fetch, process) is a compile error.
 */

declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  entries(): IterableIterator<[string, string]>;
  toString(): string;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  static canParse(url: string, base?: string): boolean;
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
  toJSON(): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}

declare function atob(data: string): string;
declare function btoa(data: string): string;

type CoreBufferSource = ArrayBuffer | ArrayBufferView;

interface CoreCryptoKey {
  readonly algorithm: { name: string };
  readonly extractable: boolean;
  readonly type: 'public' | 'private' | 'secret';
  readonly usages: string[];
}

interface CoreCryptoKeyPair {
  privateKey: CoreCryptoKey;
  publicKey: CoreCryptoKey;
}

interface CoreSubtleCrypto {
  digest(algorithm: string | { name: string }, data: CoreBufferSource): Promise<ArrayBuffer>;
  importKey(
    format: 'raw' | 'spki' | 'pkcs8',
    keyData: CoreBufferSource,
    algorithm: string | { name: string },
    extractable: boolean,
    keyUsages: string[],
  ): Promise<CoreCryptoKey>;
  exportKey(format: 'raw' | 'spki' | 'pkcs8', key: CoreCryptoKey): Promise<ArrayBuffer>;
  generateKey(
    algorithm: string | { name: string },
    extractable: boolean,
    keyUsages: string[],
  ): Promise<CoreCryptoKeyPair>;
  sign(
    algorithm: string | { name: string },
    key: CoreCryptoKey,
    data: CoreBufferSource,
  ): Promise<ArrayBuffer>;
  verify(
    algorithm: string | { name: string },
    key: CoreCryptoKey,
    signature: CoreBufferSource,
    data: CoreBufferSource,
  ): Promise<boolean>;
}

declare const crypto: {
  readonly subtle: CoreSubtleCrypto;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): string;
};
