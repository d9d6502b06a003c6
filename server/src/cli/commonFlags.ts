import { DEFAULT_ADML_LANGUAGE } from '../admxFiles';

/** The options the reading commands share: the output format, ADMX files ingested elsewhere, and the ADML language. */
export interface CommonFlags {
	readonly format: string;
	readonly admx: readonly string[];
	readonly language: string;
	/** The other arguments, in order, for the command's own reading. */
	readonly rest: readonly string[];
}

/**
 * Takes `--format`, `--admx` and `--admx-language` out of the arguments; a message when the format
 * is none of `formats` (the first is the default) or the language is empty.
 */
export function takeCommonFlags(args: readonly string[], formats: readonly string[]): CommonFlags | string {
	let format = formats[0];
	let language = DEFAULT_ADML_LANGUAGE;
	const admx: string[] = [];
	const rest: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--admx') {
			admx.push(args[++i] ?? '');
		} else if (arg === '--admx-language') {
			language = args[++i] ?? '';
		} else if (arg === '--format') {
			format = args[++i] ?? '';
		} else if (arg.startsWith('--format=')) {
			format = arg.slice('--format='.length);
		} else {
			rest.push(arg);
		}
	}
	if (!formats.includes(format)) {
		return `--format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
	}
	if (language === '') {
		return '--admx-language needs a folder name such as de-DE';
	}
	return { format, admx, language, rest };
}
