import type { AdmlFile, AdmxFile } from './admxModel';
import { readAdml } from './readAdml';
import { readAdmx } from './readAdmx';
import { TextCache } from './textCache';

/**
 * ADMX and ADML files read once per content. Several documents name the same vendor files, and a
 * document is parsed again on each edit; the text itself is the key, so a changed file is read
 * again and an unchanged one, from whichever document, is not. The files are kept while their
 * texts hold at most 64 Mi characters together, the least recently used going first: a profile
 * ingesting dozens of files keeps them all; the models take about three times their texts again.
 */
const BUDGET = 64 * 1024 * 1024;

/** A text as read: as an ADMX, an ADML, or both when a file of one kind is named as the other. */
interface Read {
	admx?: AdmxFile;
	adml?: AdmlFile;
}

const files = new TextCache<Read>(BUDGET);

/** The ADMX model of a whole file's text, read once per content. */
export function loadAdmx(text: string): AdmxFile {
	const read = files.use(text, () => ({}));
	return (read.admx ??= readAdmx(text));
}

/** The ADML model of a whole file's text, read once per content. */
export function loadAdml(text: string): AdmlFile {
	const read = files.use(text, () => ({}));
	return (read.adml ??= readAdml(text));
}

/*
 * An open document's text is read without being kept unless a file of the same content is: each
 * edit makes a new text, never asked for again, and keeping them would push out the files
 * profiles ingest. V8 hashes a string of over 16,383 characters by its length alone, so kept
 * versions of one document would also each be compared with every new one of their length.
 */

/** The ADMX model of an open document's text: the kept one of a file with this content, else read for this version alone. */
export function documentAdmx(text: string): AdmxFile {
	const read = files.get(text);
	return read ? (read.admx ??= readAdmx(text)) : readAdmx(text);
}

/** The ADML model of an open document's text: the kept one of a file with this content, else read for this version alone. */
export function documentAdml(text: string): AdmlFile {
	const read = files.get(text);
	return read ? (read.adml ??= readAdml(text)) : readAdml(text);
}
