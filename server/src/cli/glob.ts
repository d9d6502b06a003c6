import * as fs from 'node:fs';
import * as path from 'node:path';

function segmentPattern(segment: string): RegExp {
	const source = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
	return new RegExp(`^${source}$`);
}

function hasMagic(segment: string): boolean {
	return /[*?]/.test(segment);
}

/**
 * Expands `*`, `?` and `**` in a path pattern, for shells (and CI scripts) that pass globs
 * unexpanded. A pattern without wildcards is returned as it is, so a missing file is still reported.
 */
export function expandGlob(pattern: string, cwd: string): string[] {
	const normalized = pattern.replace(/\\/g, '/');
	if (!hasMagic(normalized)) {
		return [pattern];
	}
	const absolute = path.isAbsolute(normalized);
	const segments = normalized.split('/').filter((s, i) => s !== '' || (i === 0 && absolute));
	const results: string[] = [];
	const walk = (dir: string, index: number): void => {
		if (index === segments.length) {
			// A literal segment after a wildcard names a path that may not be there.
			if (fs.existsSync(path.resolve(cwd, dir))) {
				results.push(dir);
			}
			return;
		}
		const segment = segments[index];
		if (segment === '') {
			walk('/', index + 1);
			return;
		}
		if (!hasMagic(segment)) {
			walk(path.join(dir, segment), index + 1);
			return;
		}
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(path.resolve(cwd, dir), { withFileTypes: true });
		} catch {
			return;
		}
		if (segment === '**') {
			walk(dir, index + 1);
			for (const entry of entries) {
				if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
					walk(path.join(dir, entry.name), index);
				}
			}
			return;
		}
		const re = segmentPattern(segment);
		for (const entry of entries) {
			if (re.test(entry.name) && (!entry.name.startsWith('.') || segment.startsWith('.'))) {
				walk(path.join(dir, entry.name), index + 1);
			}
		}
	};
	walk('', 0);
	return [...new Set(results.map((r) => (absolute ? r : path.relative(cwd, path.resolve(cwd, r)) || r)))].sort();
}
