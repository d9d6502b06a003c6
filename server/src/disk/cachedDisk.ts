import * as fs from 'node:fs';
import { readBounded, READ_TIMEOUT_MS, realPath, stampOf, withTimeout, type RealPath } from '../common/boundedRead';
import type { FileKind } from '../common/readLimits';
import { decodedRead, type Disk, type DiskText } from './disk';

/** How long what was read is trusted before it is looked at again: checks run on every keystroke, and a stat need not. */
const RECHECK_MS = 2000;

interface Known<T> {
	readonly value: T;
	/** What the file's stat (or the folder's listing) said when read, to tell a change. */
	readonly stamp: string;
	checkedAt: number;
}

/**
 * The disk as the server reads it: never while a request waits. A file or folder not read yet is
 * undefined and read in the background (bounded, with a timeout); `settled` says when, and work
 * that found one missing runs again then. What was read is served from memory and looked at again
 * in the background every two seconds or when the editor says it changed; `onStale` is told when
 * it did.
 */
export class CachedDisk implements Disk {
	private readonly files = new Map<string, Known<DiskText>>();
	private readonly folders = new Map<string, Known<readonly string[]>>();
	private readonly reals = new Map<string, Known<RealPath>>();
	private readonly reading = new Map<string, Promise<void>>();
	private missed = 0;

	constructor(
		private readonly onStale: () => void,
		private readonly now: () => number = Date.now,
		private readonly timeoutMs = READ_TIMEOUT_MS,
	) {}

	/** How many answers were not there yet: work during which this grew runs again once `settled`. */
	get misses(): number {
		return this.missed;
	}

	/** Resolves once every read begun so far has ended. */
	async settled(): Promise<void> {
		await Promise.all(this.reading.values());
	}

	text(file: string, kind: FileKind): DiskText | undefined {
		const known = this.files.get(file);
		if (known) {
			this.recheck(this.files, file, known, () => withTimeout(fileStamp(file), this.timeoutMs, known.stamp));
			return known.value;
		}
		this.begin(`file\n${file}`, async () => {
			const read = await readBounded(file, kind, this.timeoutMs);
			this.files.set(file, { value: decodedRead(read), stamp: 'refused' in read ? REFUSED : read.stamp, checkedAt: this.now() });
		});
		return undefined;
	}

	real(file: string): RealPath | undefined {
		const known = this.reals.get(file);
		if (known) {
			this.recheck(this.reals, file, known, async () => JSON.stringify(await withTimeout(realPath(file), this.timeoutMs, known.value)));
			return known.value;
		}
		this.begin(`real\n${file}`, async () => {
			const real = await withTimeout(realPath(file), this.timeoutMs, { refused: `took more than ${this.timeoutMs / 1000} seconds to find` });
			this.reals.set(file, { value: real, stamp: JSON.stringify(real), checkedAt: this.now() });
		});
		return undefined;
	}

	entries(folder: string): readonly string[] | undefined {
		const known = this.folders.get(folder);
		if (known) {
			this.recheck(this.folders, folder, known, async () => (await withTimeout(listing(folder), this.timeoutMs, known.value)).join('\n'));
			return known.value;
		}
		this.begin(`folder\n${folder}`, async () => {
			const entries = await withTimeout(listing(folder), this.timeoutMs, []);
			this.folders.set(folder, { value: entries, stamp: entries.join('\n'), checkedAt: this.now() });
		});
		return undefined;
	}

	/**
	 * The editor says a file changed: it is read again on its next use, and everything else is
	 * looked at again then, since the path an editor reports may differ in case and an ADML may
	 * have appeared.
	 */
	changed(file: string): void {
		this.files.delete(file);
		for (const known of this.files.values()) {
			known.checkedAt = -Infinity;
		}
		this.folders.clear();
		this.reals.clear();
	}

	/** Reads in the background, once however often asked meanwhile; every ask is a miss, for whichever work asked. */
	private begin(key: string, read: () => Promise<void>): void {
		this.missed++;
		if (this.reading.has(key)) {
			return;
		}
		this.reading.set(key, read().finally(() => this.reading.delete(key)));
	}

	/** Looks again in the background when what is known is old; forgets it and says so when it changed. */
	private recheck<T>(map: Map<string, Known<T>>, key: string, known: Known<T>, stamp: () => Promise<string>): void {
		const now = this.now();
		if (now - known.checkedAt < RECHECK_MS) {
			return;
		}
		known.checkedAt = now;
		void stamp().then((fresh) => {
			// What was read again meanwhile is not forgotten.
			if (fresh !== known.stamp && map.get(key) === known) {
				map.delete(key);
				this.onStale();
			}
		});
	}
}

const REFUSED = 'refused';

async function fileStamp(file: string): Promise<string> {
	try {
		return stampOf(await fs.promises.stat(file));
	} catch {
		return REFUSED;
	}
}

async function listing(folder: string): Promise<readonly string[]> {
	try {
		return await fs.promises.readdir(folder);
	} catch {
		return [];
	}
}

