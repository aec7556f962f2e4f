import { createHmac, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimSnapshotSlot, SnapshotSlot } from './snapshot-slot';

/** A read model that can save and restore its folded state. */
export interface Snapshottable {
  readonly snapshotName: string;
  /** Bump when the state's shape changes: an old snapshot is then ignored and the model rebuilt. */
  readonly snapshotVersion: number;
  saveState(): unknown;
  /** Replaces the model's whole state; may throw on a state it cannot take. */
  loadState(state: unknown): void;
  /** Back to the empty model, before a rebuild from the start of `$all`. */
  resetState(): void;
}

/**
 * What a snapshot was folded from: the store (its first event's id), the `$all` position it holds
 * and the id of the event there, and the pseudonym key (read models key patients by pseudonym, so a
 * snapshot made under another key cannot match this one's patients). Never the key itself.
 */
export interface SnapshotBinding {
  storeId: string;
  position: string;
  eventId: string;
  keyFingerprint: string;
}

/** A snapshot that checked out: every model's saved state, not yet loaded. */
export interface SnapshotCandidate {
  binding: SnapshotBinding;
  states: Map<string, unknown>;
}

export type SnapshotRead = { kind: 'none' } | { kind: 'refused'; reason: string } | { kind: 'usable'; snapshot: SnapshotCandidate };

const FORMAT = 2;

interface SnapshotBody {
  binding: SnapshotBinding;
  models: Record<string, { version: number; state: unknown }>;
}

/**
 * One file holds every read model at one `$all` position, so they all resume from the same place;
 * each instance on the data folder has a file of its own (snapshot-slot.ts).
 * Written to a temp file and renamed, so a crash leaves the old snapshot or the new one, never half.
 *
 * The file is a cache: its first line is a header with an HMAC of the rest (keyed by a key derived
 * from the pseudonym key), so an edited, truncated or foreign file is refused and the read models
 * are rebuilt from the store. It holds patients only as pseudonyms, and is readable by the owner only.
 */
export class ReadModelSnapshots {
  readonly dir: string;
  /** This process's slot among the instances on the data folder, taken at first use; null when none was free. */
  private slot?: SnapshotSlot | null;
  private readonly checksumKey: Buffer;
  readonly keyFingerprint: string;

  constructor(dataDir: string, pseudonymKey: string) {
    this.dir = join(dataDir, 'read-models');
    this.checksumKey = createHmac('sha256', pseudonymKey).update('dtask read-model snapshot checksum key').digest();
    this.keyFingerprint = createHmac('sha256', pseudonymKey).update('dtask read-model snapshot key fingerprint').digest('hex').slice(0, 32);
  }

  /** This process's snapshot file; undefined when other instances hold every slot. */
  get file(): string | undefined {
    if (this.slot === undefined) this.slot = claimSnapshotSlot(this.dir) ?? null;
    return this.slot?.file;
  }

  /** Lets another instance (or a restart within this process) take the slot. */
  release(): void {
    this.slot?.release();
    this.slot = undefined;
  }

  /** Reads and checks the file against the models' names and versions and this key; loads nothing. */
  read(models: readonly Snapshottable[]): SnapshotRead {
    const file = this.file;
    if (file === undefined) return { kind: 'none' };
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
      return { kind: 'refused', reason: `it cannot be read (${(error as Error).message})` };
    }
    const newline = text.indexOf('\n');
    let header: unknown;
    try {
      header = JSON.parse(newline < 0 ? text : text.slice(0, newline));
    } catch {
      header = undefined;
    }
    if (!isRecord(header) || header.format !== FORMAT || typeof header.hmac !== 'string' || newline < 0) {
      return { kind: 'refused', reason: 'it is not a snapshot of this version of the service' };
    }
    const bodyText = text.slice(newline + 1);
    let body: SnapshotBody | undefined;
    try {
      body = JSON.parse(bodyText) as SnapshotBody;
    } catch {
      body = undefined;
    }
    // Looked at before the checksum (keyed by the same key) only to say why the file is refused.
    const claimed = isRecord(body) && isRecord(body.binding) ? body.binding.keyFingerprint : undefined;
    if (typeof claimed === 'string' && claimed !== this.keyFingerprint) return { kind: 'refused', reason: 'it was made under another pseudonym key' };
    if (!this.verify(bodyText, header.hmac)) {
      return { kind: 'refused', reason: 'its checksum does not match its content (edited or damaged)' };
    }
    const binding = isRecord(body) && isRecord(body.binding) ? body.binding : undefined;
    if (!body || !binding || !['storeId', 'position', 'eventId', 'keyFingerprint'].every((field) => typeof binding[field] === 'string') || !isRecord(body.models)) {
      return { kind: 'refused', reason: 'it is not shaped as a snapshot' };
    }
    const states = new Map<string, unknown>();
    for (const model of models) {
      const saved = body.models[model.snapshotName];
      if (!isRecord(saved) || saved.version !== model.snapshotVersion) {
        return { kind: 'refused', reason: `it holds no ${model.snapshotName} read model of version ${model.snapshotVersion}` };
      }
      states.set(model.snapshotName, saved.state);
    }
    return { kind: 'usable', snapshot: { binding: binding as unknown as SnapshotBinding, states } };
  }

  save(binding: Omit<SnapshotBinding, 'keyFingerprint'>, models: readonly Snapshottable[]): void {
    const file = this.file;
    if (file === undefined) throw new Error(`every snapshot slot in ${this.dir} is held by another instance`);
    const body: SnapshotBody = {
      binding: { ...binding, keyFingerprint: this.keyFingerprint },
      models: Object.fromEntries(models.map((model) => [model.snapshotName, { version: model.snapshotVersion, state: model.saveState() }])),
    };
    const bodyText = JSON.stringify(body);
    const header = JSON.stringify({ format: FORMAT, hmac: this.hmac(bodyText) });
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(this.dir, 0o700);
    const temp = `${file}.${process.pid}.tmp`;
    // A temp file left by a crash may have other permissions: the new one is created owner-only.
    rmSync(temp, { force: true });
    writeFileSync(temp, `${header}\n${bodyText}`, { mode: 0o600 });
    renameSync(temp, file);
  }

  /**
   * Removes a refused snapshot, so it is not read again; an older format's file (and its temp file)
   * held identity codes and phone numbers in the clear.
   */
  discard(): void {
    const file = this.file;
    if (file === undefined) return;
    rmSync(file, { force: true });
    rmSync(`${file}.tmp`, { force: true });
  }

  private hmac(text: string): string {
    return createHmac('sha256', this.checksumKey).update(text, 'utf8').digest('hex');
  }

  private verify(text: string, hmac: string): boolean {
    const expected = Buffer.from(this.hmac(text), 'hex');
    const given = Buffer.from(hmac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
