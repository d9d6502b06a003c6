import { globMatcher } from './glob';
import type { ProjectConfig } from './projectConfig';

type Matcher = (relativePath: string) => boolean;

interface Compiled {
	readonly ignore: readonly Matcher[];
	readonly estates: readonly { readonly name: string; readonly matchers: readonly Matcher[] }[];
}

/** Each configuration's globs, compiled once however many files are asked about. */
const compiled = new WeakMap<ProjectConfig, Compiled>();

function compile(config: ProjectConfig): Compiled {
	let found = compiled.get(config);
	if (!found) {
		found = {
			ignore: config.ignore.map(globMatcher),
			estates: config.estates.map((estate) => ({ name: estate.name, matchers: estate.globs.map(globMatcher) })),
		};
		compiled.set(config, found);
	}
	return found;
}

/** The path with `/` between folders, or undefined for one outside the configuration's folder, which its globs never cover. */
function inside(relativePath: string): string | undefined {
	const normalized = relativePath.replace(/\\/g, '/');
	return normalized === '' || normalized === '..' || normalized.startsWith('../') || normalized.startsWith('/') ? undefined : normalized;
}

/** Whether the configuration says not to check a file, given its path relative to the configuration's folder. */
export function isIgnored(config: ProjectConfig, relativePath: string): boolean {
	const file = inside(relativePath);
	return file !== undefined && compile(config).ignore.some((matches) => matches(file));
}

/**
 * The estates a file belongs to, by name in the order the configuration lists them, given its path
 * relative to the configuration's folder. None means the folder's own estate: without estates,
 * the files of one folder form one.
 */
export function estatesOf(config: ProjectConfig, relativePath: string): string[] {
	const file = inside(relativePath);
	return file === undefined ? [] : compile(config).estates.filter((estate) => estate.matchers.some((matches) => matches(file))).map((estate) => estate.name);
}
