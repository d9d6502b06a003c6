import * as fs from 'node:fs';
import { readBoundedSync, realPathSync, type RealPath } from '../common/boundedRead';
import type { FileKind } from '../common/readLimits';
import { decodedRead, type Disk, type DiskText } from './disk';

/** The disk as the command line reads it: at once, each file and folder once per run. */
export class SyncDisk implements Disk {
	private readonly files = new Map<string, DiskText>();
	private readonly folders = new Map<string, readonly string[]>();
	private readonly reals = new Map<string, RealPath>();

	real(file: string): RealPath {
		let real = this.reals.get(file);
		if (real === undefined) {
			real = realPathSync(file);
			this.reals.set(file, real);
		}
		return real;
	}

	text(file: string, kind: FileKind): DiskText {
		let text = this.files.get(file);
		if (text === undefined) {
			text = decodedRead(readBoundedSync(file, kind));
			this.files.set(file, text);
		}
		return text;
	}

	entries(folder: string): readonly string[] {
		let entries = this.folders.get(folder);
		if (entries === undefined) {
			try {
				entries = fs.readdirSync(folder);
			} catch {
				entries = [];
			}
			this.folders.set(folder, entries);
		}
		return entries;
	}
}
