import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdmxFiles } from './admxFiles';
import type { ExternalAdmx, IngestionInstall, Settings } from './service';

/** A file the setting names, read, with its full path. */
type NamedAdmx = Omit<ExternalAdmx, 'file'> & { readonly full: string };

/**
 * The ADMX files `rapolicy.admx.ingested` and the folder's rapolicy.json name, merged into the
 * settings, read from the workspace folder that holds the document (the first folder for one
 * outside them), where the configuration lies too. A file that cannot be read is left out and
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
		return this.filesFor(uri, settings).map(({ app, source }) => ({ app, admx: source.admx, adml: source.adml, order: -1 }));
	}

	/**
	 * The same files for an import of the document, named relative to its folder, where the
	 * converted profile is written.
	 */
	importedFor(uri: string, settings: Settings): ExternalAdmx[] {
		const folder = uri.startsWith('file:') ? path.dirname(fileURLToPath(uri)) : undefined;
		return folder === undefined ? [] : this.filesFor(uri, settings).map(({ app, full, source }) => ({ app, file: path.relative(folder, full).split(path.sep).join('/'), source }));
	}

	private filesFor(uri: string, settings: Settings): NamedAdmx[] {
		const entries = Object.entries(settings.admx.ingested);
		if (entries.length === 0 || !uri.startsWith('file:')) {
			return [];
		}
		const document = fileURLToPath(uri);
		const folders = this.folders();
		const folder = folders.find((f) => document.startsWith(f + path.sep)) ?? folders[0] ?? path.dirname(document);
		const found: NamedAdmx[] = [];
		for (const [app, files] of entries) {
			for (const file of files) {
				const full = path.resolve(folder, file);
				const read = this.files.read(full, undefined, file);
				if ('error' in read) {
					if (!this.told.has(full)) {
						this.told.add(full);
						this.log(`${file}, named as ingested for ${app} by rapolicy.admx.ingested or rapolicy.json, is left out: ${read.error}`);
					}
					continue;
				}
				this.told.delete(full);
				found.push({ app, full, source: read });
			}
		}
		return found;
	}
}
