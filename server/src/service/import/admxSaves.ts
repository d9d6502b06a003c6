import type { CarriedAdmxFile } from './importIngested';

/**
 * What becomes of the ADMX files an import carries: each is written, or kept where its place
 * already holds the same text. A place holding other text is never written over, and then no
 * file is written at all.
 */
export type AdmxSavePlan =
	| { readonly saves: readonly { readonly file: CarriedAdmxFile; readonly write: boolean }[] }
	| { readonly clashes: readonly CarriedAdmxFile[] };

/** `existing` gives the text already at a file's place (read as the ADMX reader reads it), undefined where there is none. */
export function planAdmxSaves(files: readonly CarriedAdmxFile[], existing: (file: CarriedAdmxFile) => string | undefined): AdmxSavePlan {
	const found = files.map((file) => ({ file, text: existing(file) }));
	const clashes = found.filter((f) => f.text !== undefined && f.text !== f.file.text).map((f) => f.file);
	return clashes.length > 0 ? { clashes } : { saves: found.map((f) => ({ file: f.file, write: f.text === undefined })) };
}
