import { createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * The undo bundle: a local file holding, for every key a bulk delete removes, its DUMP payload and
 * absolute expiry, written (and flushed to the OS) before the key is deleted. Binary records, so
 * keys and values stay bytes:
 *
 *   `VWUNDO1\n` <header JSON> `\n`, then per key: u32 key length, key, u32 payload length,
 *   payload, i64 absolute expiry in Unix ms (0: none), all big-endian.
 *
 * The file is created for its owner only (0600): it holds the data itself.
 */
export const MAGIC = 'VWUNDO1\n';

export interface UndoHeader {
  readonly format: 'valkey-welkin-undo';
  readonly version: 1;
  /** Where the keys came from: context, namespace, cluster (for the restore's confirmation). */
  readonly source: { readonly context: string; readonly namespace: string; readonly cluster: string };
  readonly pattern: string;
  readonly type?: string | undefined;
  readonly created: string;
}

export interface UndoRecord {
  readonly key: Buffer;
  readonly payload: Buffer;
  /** Unix ms; 0 when the key had no expiry. */
  readonly expiresAt: number;
}

export class UndoBundleWriter {
  private written = 0;
  private keysValue = 0;

  private constructor(
    private readonly stream: WriteStream,
    readonly path: string,
  ) {}

  /** Creates the file; refuses to replace an existing one. */
  static async create(path: string, header: UndoHeader): Promise<UndoBundleWriter> {
    const stream = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    const writer = new UndoBundleWriter(stream, path);
    await writer.write(Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8'));
    return writer;
  }

  /** Bytes in the file so far. */
  get bytes(): number {
    return this.written;
  }

  get keys(): number {
    return this.keysValue;
  }

  /** The size `records` would add. */
  static sizeOf(records: readonly UndoRecord[]): number {
    return records.reduce((n, r) => n + 16 + r.key.length + r.payload.length, 0);
  }

  /** Appends records; resolves once the OS has them (before the keys are deleted). */
  async add(records: readonly UndoRecord[]): Promise<void> {
    if (records.length === 0) return;
    const parts: Buffer[] = [];
    for (const r of records) {
      const head = Buffer.alloc(4);
      head.writeUInt32BE(r.key.length);
      const mid = Buffer.alloc(4);
      mid.writeUInt32BE(r.payload.length);
      const tail = Buffer.alloc(8);
      tail.writeBigInt64BE(BigInt(r.expiresAt));
      parts.push(head, r.key, mid, r.payload, tail);
    }
    await this.write(Buffer.concat(parts));
    this.keysValue += records.length;
  }

  private write(chunk: Buffer): Promise<void> {
    return new Promise((resolve, reject) =>
      this.stream.write(chunk, (e) => {
        if (e) return reject(e);
        this.written += chunk.length;
        resolve();
      }),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}

export class BundleFormatError extends Error {}

/** Reads a bundle's header, then its records in order, a chunk of the file at a time. */
export async function* readUndoBundle(path: string): AsyncGenerator<UndoHeader | UndoRecord> {
  const file = await open(path, 'r');
  try {
    let buffered = Buffer.alloc(0);
    let position = 0;
    let eof = false;
    const fill = async (need: number): Promise<boolean> => {
      while (buffered.length < need && !eof) {
        const chunk = Buffer.alloc(Math.max(1 << 20, need - buffered.length));
        const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
        position += bytesRead;
        if (bytesRead === 0) eof = true;
        buffered = Buffer.concat([buffered, chunk.subarray(0, bytesRead)]);
      }
      return buffered.length >= need;
    };
    const take = (n: number): Buffer => {
      const out = buffered.subarray(0, n);
      buffered = buffered.subarray(n);
      return out;
    };
    await fill(64 * 1024);
    if (buffered.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new BundleFormatError('This is not an undo bundle of Valkey on Welkin.');
    take(MAGIC.length);
    let newline = buffered.indexOf(0x0a);
    while (newline < 0 && !eof) {
      await fill(buffered.length + 64 * 1024);
      newline = buffered.indexOf(0x0a);
    }
    if (newline < 0) throw new BundleFormatError('The undo bundle has no header.');
    const header = JSON.parse(take(newline + 1).toString('utf8')) as UndoHeader;
    if (header.format !== 'valkey-welkin-undo' || header.version !== 1) throw new BundleFormatError('Unknown undo bundle version.');
    yield header;
    for (;;) {
      if (!(await fill(4))) {
        if (buffered.length === 0) return;
        throw new BundleFormatError('The undo bundle ends in the middle of a record.');
      }
      const keyLength = buffered.readUInt32BE(0);
      if (!(await fill(8 + keyLength))) throw new BundleFormatError('The undo bundle ends in the middle of a record.');
      const payloadLength = buffered.readUInt32BE(4 + keyLength);
      if (!(await fill(16 + keyLength + payloadLength))) throw new BundleFormatError('The undo bundle ends in the middle of a record.');
      const record = Buffer.from(take(16 + keyLength + payloadLength));
      yield {
        key: record.subarray(4, 4 + keyLength),
        payload: record.subarray(8 + keyLength, 8 + keyLength + payloadLength),
        expiresAt: Number(record.readBigInt64BE(8 + keyLength + payloadLength)),
      };
    }
  } finally {
    await file.close();
  }
}

export const isHeader = (item: UndoHeader | UndoRecord): item is UndoHeader => 'format' in item;
