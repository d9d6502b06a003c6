import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeFile } from './cli/decodeFile';
import type { AdmxFile, IngestionInstall, Settings } from './service';

/** How long a file's modification time is trusted: validation runs on every keystroke, and a stat need not. */
const RECHECK_MS = 2000;

/**
 * The ADMX files `rapolicy.admx.ingested` names, read from the workspace folder that holds the
 * document (the first folder for one outside them), again only when a file's modification time
 * changes, which is looked at no more than every two seconds. A file that cannot be read is left
 * out and said once in the log.
 */
export class IngestedFiles {
	private readonly read = new Map<string, { mtimeMs: number; checkedAt: number; admx: AdmxFile }>();
	private readonly told = new Set<string>();

	constructor(
		private readonly folders: () => readonly string[],
		private readonly load: (text: string) => AdmxFile,
		private readonly log: (message: string) => void,
	) {}

	installsFor(uri: string, settings: Settings): IngestionInstall[] {
		const entries = Object.entries(settings.admx.ingested);
		if (entries.length === 0 || !uri.startsWith('file:')) {
			return [];
		}
		const document = fileURLToPath(uri);
		const folders = this.folders();
		const folder = folders.find((f) => document.startsWith(f + path.sep)) ?? folders[0] ?? path.dirname(document);
		const installs: IngestionInstall[] = [];
		for (const [app, files] of entries) {
			for (const file of files) {
				const admx = this.file(path.resolve(folder, file));
				if (admx) {
					installs.push({ app, admx, order: -1 });
				}
			}
		}
		return installs;
	}

	private file(file: string): AdmxFile | undefined {
		const now = Date.now();
		const known = this.read.get(file);
		if (known && now - known.checkedAt < RECHECK_MS) {
			return known.admx;
		}
		try {
			const mtimeMs = fs.statSync(file).mtimeMs;
			if (known?.mtimeMs === mtimeMs) {
				known.checkedAt = now;
				return known.admx;
			}
			const decoded = decodeFile(fs.readFileSync(file));
			if ('problem' in decoded) {
				throw new Error(decoded.problem.message);
			}
			const admx = this.load(decoded.text);
			this.read.set(file, { mtimeMs, checkedAt: now, admx });
			return admx;
		} catch (error) {
			if (!this.told.has(file)) {
				this.told.add(file);
				this.log(`rapolicy.admx.ingested names ${file}, which cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))}`);
			}
			return undefined;
		}
	}
}
