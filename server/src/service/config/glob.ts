/*
 * The globs of rapolicy.json: `*` and `?` within one folder name, `**` for any number of folders,
 * `{a,b}` for either. They are matched against paths relative to the file's folder, written with
 * `/`; a `\` is read as `/`, since Windows users write paths so and a glob has no escapes here.
 */

/** Why a glob can match no path relative to the configuration's folder, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
	const normalized = normalize(glob);
	if (normalized === '') {
		return 'An empty glob matches nothing; name files such as "kiosks/**".';
	}
	if (normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized)) {
		return `${glob} is absolute, but globs are matched against paths relative to this file's folder, so it matches nothing; write it relative to that folder.`;
	}
	if (normalized.split('/').includes('..')) {
		return `${glob} climbs out with .., but globs match only files inside this file's folder, so it matches nothing; put the configuration in a folder that holds the files.`;
	}
	return undefined;
}

/**
 * Whether a glob covers a path (relative, with `/`): it matches the path itself or one of its
 * folders, so `kiosks` and `kiosks/**` both cover every file under kiosks, as ignore files read them.
 */
export function globMatcher(glob: string): (relativePath: string) => boolean {
	const pattern = new RegExp(`^${source(normalize(glob))}(?:/.*)?$`);
	return (relativePath) => pattern.test(relativePath);
}

/** The glob with `\` as `/`, without a leading `./` or a trailing `/`. */
function normalize(glob: string): string {
	return glob.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
}

/** The regular expression of a glob; `{` without its `}` is itself. */
function source(glob: string): string {
	let out = '';
	let i = 0;
	while (i < glob.length) {
		const c = glob[i];
		const segmentStart = i === 0 || glob[i - 1] === '/';
		if (c === '*' && glob[i + 1] === '*' && segmentStart && (i + 2 === glob.length || glob[i + 2] === '/')) {
			// A whole `**` segment: any number of folders, none included.
			out += i + 2 === glob.length ? '.*' : '(?:[^/]+/)*';
			i += 3;
		} else if (c === '*') {
			out += '[^/]*';
			i++;
		} else if (c === '?') {
			out += '[^/]';
			i++;
		} else if (c === '{' && glob.indexOf('}', i) > i) {
			const close = glob.indexOf('}', i);
			out += `(?:${glob.slice(i + 1, close).split(',').map(source).join('|')})`;
			i = close + 1;
		} else {
			out += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
			i++;
		}
	}
	return out;
}
