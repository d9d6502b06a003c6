import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeFile } from './common/decodeFile';
import type { AdmlFile, AdmxFile, AdmxReadError, AdmxSource, ReadAdmx } from './service';

/** The display language whose ADML is read unless another is named. */
export const DEFAULT_ADML_LANGUAGE = 'en-US';

/** How long what a stat said is trusted: validation runs on every keystroke, and a stat need not. */
const RECHECK_MS = 2000;

/** The service's readers, passed in so that this module does not pull the service into the server's first bundle. */
export interface AdmxLoaders {
	loadAdmx(text: string): AdmxFile;
	loadAdml(text: string): AdmlFile;
}

type FileText = { readonly text: string } | AdmxReadError;

/** The entry of `folder` called `name`, spelled exactly or else in another case, as Windows folders differ (en-US, en-us). */
function entryNamed(folder: string, name: string): string | undefined {
	let entries: string[];
	try {
		entries = fs.readdirSync(folder);
	} catch {
		return undefined;
	}
	return entries.find((e) => e === name) ?? entries.find((e) => e.toLowerCase() === name.toLowerCase());
}

/** Where Windows looks for an ADMX file's strings: `<folder>/<language>/<name>.adml`. Undefined when there is none. */
export function admlBeside(admx: string, language = DEFAULT_ADML_LANGUAGE): string | undefined {
	const folder = path.dirname(admx);
	const sub = entryNamed(folder, language);
	const name = sub && entryNamed(path.join(folder, sub), `${path.basename(admx).replace(/\.admx$/i, '')}.adml`);
	return sub && name ? path.join(folder, sub, name) : undefined;
}

/** What a file's stat says about its content, or why there is none. */
function stampOf(file: string): string {
	try {
		const stat = fs.statSync(file);
		return `${stat.mtimeMs}:${stat.size}`;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code ?? 'unreadable';
	}
}

function readText(file: string): FileText {
	let bytes: Uint8Array;
	try {
		bytes = fs.readFileSync(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return { error: code === 'ENOENT' ? `${file} does not exist.` : code === 'EISDIR' ? `${file} is a folder, not a file.` : `${file} cannot be read (${code ?? String(error)}).` };
	}
	const decoded = decodeFile(bytes);
	return 'problem' in decoded ? { error: `${file} cannot be read: ${decoded.problem.message}` } : decoded;
}

/**
 * ADMX files read from disk with the ADML beside them, decoded as the command line decodes files.
 * A file is read again only when its modification time or size changes, which is looked at no
 * more than every two seconds unless `changed` says it changed.
 */
export class AdmxFiles {
	private readonly texts = new Map<string, { stamp: string; checkedAt: number; text: FileText }>();
	/** The ADML found beside each ADMX file, by language and path. */
	private readonly beside = new Map<string, { checkedAt: number; adml: string | undefined }>();

	constructor(
		private readonly loaders: () => AdmxLoaders,
		private readonly now: () => number = Date.now,
	) {}

	/** The ADMX file at an absolute path, with the ADML of `language` beside it when there is one. */
	read(file: string, language = DEFAULT_ADML_LANGUAGE): AdmxSource | AdmxReadError {
		const read = this.text(file);
		if ('error' in read) {
			return read;
		}
		const admx = this.loaders().loadAdmx(read.text);
		// The reader gives a file whose root is not <policyDefinitions> an empty root.
		if (admx.root.start === admx.root.end) {
			return { error: `${file} is not an ADMX file: its root element is not <policyDefinitions>.` };
		}
		const adml = this.admlText(file, language);
		if (adml && 'error' in adml) {
			return adml;
		}
		return { admx, adml: adml && this.loaders().loadAdml(adml.text), text: read.text };
	}

	/** The text of the ADML beside an ADMX file, or why it cannot be read; undefined when there is none. */
	admlText(admx: string, language = DEFAULT_ADML_LANGUAGE): FileText | undefined {
		const key = `${language.toLowerCase()}\n${admx}`;
		const now = this.now();
		let found = this.beside.get(key);
		if (!found || now - found.checkedAt >= RECHECK_MS) {
			found = { checkedAt: now, adml: admlBeside(admx, language) };
			this.beside.set(key, found);
		}
		return found.adml === undefined ? undefined : this.text(found.adml);
	}

	/**
	 * The files a document names, relative to its folder. A document that is not a file on disk
	 * (unsaved, or on another machine) has no folder to read them from.
	 */
	readAdmxFor(documentUri: string, language = DEFAULT_ADML_LANGUAGE): ReadAdmx {
		if (!documentUri.startsWith('file:')) {
			return (file) => ({ error: `${file} cannot be read: this document is not saved as a file on this machine, so there is no folder to find it in. Save it first.` });
		}
		const folder = path.dirname(fileURLToPath(documentUri));
		return (file) => this.read(path.resolve(folder, file), language);
	}

	/**
	 * A file changed on disk: it is read again on its next use, and every other file is stat'ed
	 * again then, since the path an editor reports may differ in case and an ADML may have appeared.
	 */
	changed(file: string): void {
		this.texts.delete(file);
		for (const known of this.texts.values()) {
			known.checkedAt = -Infinity;
		}
		this.beside.clear();
	}

	private text(file: string): FileText {
		const now = this.now();
		const known = this.texts.get(file);
		if (known && now - known.checkedAt < RECHECK_MS) {
			return known.text;
		}
		const stamp = stampOf(file);
		if (known?.stamp === stamp) {
			known.checkedAt = now;
			return known.text;
		}
		const text = readText(file);
		this.texts.set(file, { stamp, checkedAt: now, text });
		return text;
	}
}
