import * as path from 'node:path';
import type { MayRead } from './admxFiles';
import { MISSING } from './common/boundedRead';
import type { Disk } from './disk/disk';
import type { ConfigRead, Problem, ProjectConfig } from './service';
import { CONFIG_FILE_NAMES } from './service/config/configNames';

/** The service's reader, passed in so that this module does not pull the service into the server's first bundle. */
export interface ConfigReader {
	readProjectConfig(text: string): ConfigRead;
	readonly EMPTY_CONFIG: ProjectConfig;
}

/** A workspace folder's configuration as read, with where it was read from. */
export interface FolderConfig {
	/** The configuration file's full path; undefined when the folder has none. */
	readonly file: string | undefined;
	readonly config: ProjectConfig;
	/** What in the file cannot be used, in offsets of its text. */
	readonly problems: readonly Problem[];
}

/** Said of an answer the disk does not have yet; work that meets it runs again once it has. */
export const STILL_READING = Symbol('still reading');

/**
 * The project configuration at the root of each workspace folder, read through the server's disk:
 * in the background, looked at again when it changes. Each text is read once; its problems are
 * said in the log once.
 */
export class ProjectConfigs {
	private readonly reads = new Map<string, { readonly text: string; readonly read: ConfigRead }>();
	private readonly told = new Map<string, string>();

	constructor(
		private readonly disk: Disk,
		private readonly reader: () => ConfigReader,
		private readonly log: (message: string) => void,
	) {}

	/**
	 * The configuration of a workspace folder: the first of its names found there, read only where
	 * `mayRead` allows, links resolved. Both names are asked for at once, so one round of reading
	 * finds either.
	 */
	forFolder(folder: string, mayRead?: MayRead): FolderConfig | typeof STILL_READING {
		const candidates = CONFIG_FILE_NAMES.map((name) => path.join(folder, name));
		const texts = candidates.map((file) => this.text(file, mayRead));
		for (const [i, text] of texts.entries()) {
			if (text === STILL_READING) {
				return STILL_READING;
			}
			if (text !== undefined) {
				return this.parsed(candidates[i], text);
			}
		}
		return { file: undefined, config: this.reader().EMPTY_CONFIG, problems: [] };
	}

	/** The file's text; undefined when it is not there, or cannot be read (said in the log). */
	private text(file: string, mayRead: MayRead | undefined): string | undefined | typeof STILL_READING {
		if (mayRead) {
			const real = this.disk.real(file);
			if (real === undefined) {
				return STILL_READING;
			}
			if ('refused' in real) {
				return this.unread(file, real.refused);
			}
			if (!mayRead(real.real)) {
				return this.unread(file, 'is a link to a file outside the workspace folders; such files are read only once the workspace is trusted');
			}
		}
		const read = this.disk.text(file, 'json');
		if (read === undefined) {
			return STILL_READING;
		}
		return 'refused' in read ? this.unread(file, read.refused) : read.text;
	}

	/** Absence is no news; any other refusal is said once, until the file reads or is refused otherwise. */
	private unread(file: string, refused: string): undefined {
		if (refused !== MISSING) {
			this.tell(file, `${file} ${refused}; the folder is checked without it.`);
		}
		return undefined;
	}

	private parsed(file: string, text: string): FolderConfig {
		let known = this.reads.get(file);
		if (known?.text !== text) {
			known = { text, read: this.reader().readProjectConfig(text) };
			this.reads.set(file, known);
			const lines = known.read.problems.map((p) => {
				const before = text.slice(0, p.span.start).split('\n');
				return `\n  ${before.length}:${before[before.length - 1].length + 1} ${p.code} ${p.message}`;
			});
			this.tell(file, lines.length === 0 ? '' : `${file} has problems; what can be read of it applies:${lines.join('')}`);
		}
		return { file, config: known.read.config, problems: known.read.problems };
	}

	private tell(file: string, message: string): void {
		if (this.told.get(file) !== message) {
			this.told.set(file, message);
			if (message !== '') {
				this.log(message);
			}
		}
	}
}
