import type { AdmlFile, AdmxFile } from './admxModel';

/** An ADMX file read from disk with the ADML beside it, as a profile's `admx:` entry names it. */
export interface AdmxSource {
	readonly admx: AdmxFile;
	/** The ADML of the display language, when one was found. */
	readonly adml: AdmlFile | undefined;
	/** The ADMX text, which an ingestion carries to the device. */
	readonly text: string;
}

/** Why a named ADMX file could not be read: a whole sentence for the user, naming the file. */
export interface AdmxReadError {
	readonly error: string;
}

/**
 * Reads the ADMX file a profile names, as written in the profile (relative to the profile's folder).
 * The adapter (editor, command line) supplies it; the service only sees texts.
 */
export type ReadAdmx = (file: string) => AdmxSource | AdmxReadError;
