import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Disk } from './disk/disk';
import { SyncDisk } from './disk/syncDisk';
import type { AdmlFile, AdmxFile, AdmxReadError, AdmxSource, ReadAdmx } from './service';

/** The display language whose ADML is read unless another is named. */
export const DEFAULT_ADML_LANGUAGE = 'en-US';

/** The service's readers, passed in so that this module does not pull the service into the server's first bundle. */
export interface AdmxLoaders {
	loadAdmx(text: string): AdmxFile;
	loadAdml(text: string): AdmlFile;
}

type FileText = { readonly text: string } | AdmxReadError;

/** Whether a file may be read from where it is (the server's rule for untrusted workspaces). */
export type MayRead = (file: string) => boolean;

const ANYWHERE: MayRead = () => true;
/** Said of an answer the disk does not have yet; work that meets it runs again once it has. */
const PENDING = Symbol('pending');

/** The entry of `folder` called `name`, spelled exactly or else in another case, as Windows folders differ (en-US, en-us). */
function entryNamed(disk: Disk, folder: string, name: string): string | undefined | typeof PENDING {
	const entries = disk.entries(folder);
	if (entries === undefined) {
		return PENDING;
	}
	return entries.find((e) => e === name) ?? entries.find((e) => e.toLowerCase() === name.toLowerCase());
}

/** Where Windows looks for an ADMX file's strings, `<folder>/<language>/<name>.adml`, relative to the ADMX file's folder. */
function admlPlace(disk: Disk, admx: string, language: string): string | undefined | typeof PENDING {
	const folder = path.dirname(admx);
	const sub = entryNamed(disk, folder, language);
	if (typeof sub !== 'string') {
		return sub;
	}
	const name = entryNamed(disk, path.join(folder, sub), `${path.basename(admx).replace(/\.admx$/i, '')}.adml`);
	return typeof name === 'string' ? path.join(sub, name) : name;
}

/** The ADML beside an ADMX file on disk, read at once; undefined when there is none. */
export function admlBeside(admx: string, language = DEFAULT_ADML_LANGUAGE): string | undefined {
	const place = admlPlace(new SyncDisk(), admx, language);
	return typeof place === 'string' ? path.join(path.dirname(admx), place) : undefined;
}

/**
 * ADMX files read from disk with the ADML beside them, decoded as the command line decodes files.
 * Messages name each file as the user wrote it (relative to the profile, or as a setting names it).
 */
export class AdmxFiles {
	constructor(
		private readonly loaders: () => AdmxLoaders,
		private readonly disk: Disk = new SyncDisk(),
	) {}

	/**
	 * The ADMX file at an absolute path, with the ADML of `language` beside it when there is one,
	 * named `shown` in messages; read only where `mayRead` allows, links resolved first.
	 */
	read(file: string, language = DEFAULT_ADML_LANGUAGE, shown = file, mayRead = ANYWHERE): AdmxSource | AdmxReadError {
		if (!mayRead(file)) {
			return { error: `${shown} is outside the workspace folders; files there are read only once the workspace is trusted.` };
		}
		// The ADML is looked for while the ADMX file is read, so both arrive in as few rounds as they can.
		const adml = this.admlFor(file, language, shown, mayRead);
		const read = this.fileText(file, 'admx', shown, mayRead);
		if ('error' in read) {
			return read;
		}
		const admx = this.loaders().loadAdmx(read.text);
		// The reader gives a file whose root is not <policyDefinitions> an empty root.
		if (admx.root.start === admx.root.end) {
			return { error: `${shown} is not an ADMX file: its root element is not <policyDefinitions>.` };
		}
		if (adml && 'error' in adml) {
			return adml;
		}
		return { admx, adml: adml && this.loaders().loadAdml(adml.text), text: read.text };
	}

	/** The text of the ADML beside an ADMX file, or why it cannot be read; undefined when there is none. */
	admlText(admx: string, language = DEFAULT_ADML_LANGUAGE, shown = admx, mayRead = ANYWHERE): FileText | undefined {
		return this.admlFor(admx, language, shown, mayRead);
	}

	/**
	 * The files a document names, relative to its folder. A document that is not a file on disk
	 * (unsaved, or on another machine) has no folder to read them from.
	 */
	readAdmxFor(documentUri: string, language = DEFAULT_ADML_LANGUAGE, mayRead = ANYWHERE): ReadAdmx {
		if (!documentUri.startsWith('file:')) {
			return (file) => ({ error: `${file} cannot be read: this document is not saved as a file on this machine, so there is no folder to find it in. Save it first.` });
		}
		const folder = path.dirname(fileURLToPath(documentUri));
		return (file) => this.read(path.resolve(folder, file), language, file, mayRead);
	}

	private admlFor(admx: string, language: string, shown: string, mayRead: MayRead): FileText | undefined {
		const place = admlPlace(this.disk, admx, language);
		if (place === undefined) {
			return undefined;
		}
		const named = place === PENDING ? `the ${language} ADML beside ${shown}` : path.join(path.dirname(shown), place);
		return place === PENDING ? still(named) : this.fileText(path.join(path.dirname(admx), place), 'adml', named, mayRead);
	}

	/** A file's text; where only some places may be read, where its links lead is asked first, so nothing outside is opened. */
	private fileText(file: string, kind: 'admx' | 'adml', shown: string, mayRead: MayRead): FileText {
		if (mayRead !== ANYWHERE) {
			const real = this.disk.real(file);
			if (real === undefined) {
				return still(shown);
			}
			if ('refused' in real) {
				return { error: `${shown} ${real.refused}.` };
			}
			if (!mayRead(real.real)) {
				return { error: `${shown} is a link to a file outside the workspace folders; such files are read only once the workspace is trusted.` };
			}
		}
		const read = this.disk.text(file, kind);
		if (read === undefined) {
			return still(shown);
		}
		return 'refused' in read ? { error: `${shown} ${read.refused}.` } : read;
	}
}

function still(shown: string): AdmxReadError {
	return { error: `${shown} is still being read; it is checked once it has been.` };
}
