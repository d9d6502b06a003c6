import type { AdmlFile, AdmxFile } from './admxModel';
import { readAdml } from './readAdml';
import { readAdmx } from './readAdmx';

/**
 * ADMX and ADML files read once per content. Several documents name the same vendor files, and a
 * document is parsed again on each edit; the text itself is the key, so a changed file is read
 * again and an unchanged one, from whichever document, is not. The oldest entries go first.
 */
const LIMIT = 16;
const admxFiles = new Map<string, AdmxFile>();
const admlFiles = new Map<string, AdmlFile>();

function cached<T>(cache: Map<string, T>, text: string, read: (text: string) => T): T {
	let value = cache.get(text);
	if (value === undefined) {
		value = read(text);
		if (cache.size >= LIMIT) {
			cache.delete(cache.keys().next().value as string);
		}
	} else {
		cache.delete(text);
	}
	cache.set(text, value);
	return value;
}

/** The ADMX model of a whole file's text, read once per content. */
export function loadAdmx(text: string): AdmxFile {
	return cached(admxFiles, text, (t) => readAdmx(t));
}

/** The ADML model of a whole file's text, read once per content. */
export function loadAdml(text: string): AdmlFile {
	return cached(admlFiles, text, (t) => readAdml(t));
}
