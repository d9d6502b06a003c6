import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdmxFiles } from './admxFiles';
import type { IngestionInstall, Settings } from './service';

/**
 * The ADMX files `rapolicy.admx.ingested` names, read from the workspace folder that holds the
 * document (the first folder for one outside them). A file that cannot be read is left out and
 * said in the log, once until it is read again.
 */
export class IngestedFiles {
	private readonly told = new Set<string>();

	constructor(
		private readonly folders: () => readonly string[],
		private readonly files: AdmxFiles,
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
				const full = path.resolve(folder, file);
				const read = this.files.read(full);
				if ('error' in read) {
					if (!this.told.has(full)) {
						this.told.add(full);
						this.log(`rapolicy.admx.ingested names ${file} for ${app}, which is left out: ${read.error}`);
					}
					continue;
				}
				this.told.delete(full);
				installs.push({ app, admx: read.admx, adml: read.adml, order: -1 });
			}
		}
		return installs;
	}
}
