import type { Range } from 'vscode-languageserver-types';
import type { DiffSide, OptionDifference, PolicyDifference } from './diff';
import type { SourcePlace } from './effective';

/** The differences between two files, each named as the caller shows it ("profile.yaml at HEAD"). */
export interface FileDifference {
	readonly before: string;
	readonly after: string;
	readonly policies: readonly PolicyDifference[];
}

/** The name a place's file is shown by, from its URI. */
export type FileName = (uri: string) => string;

/** A place as `--format json` gives it: the file by name, and for a Registry.pol the record's bytes. */
export interface PlaceJson {
	readonly file: string;
	readonly range: Range;
	readonly bytes?: { readonly offset: number; readonly length: number };
}

function placeJson(place: SourcePlace, fileOf: FileName): PlaceJson {
	const file = fileOf(place.uri);
	return place.binary ? { file, range: place.range, bytes: { offset: place.span.start, length: place.span.end - place.span.start } } : { file, range: place.range };
}

function sideJson(side: DiffSide | undefined, fileOf: FileName) {
	return side && { state: side.state, description: side.description, source: side.source, ...placeJson(side.place, fileOf) };
}

/** The differences as plain data with places named by file, for `--format json`. */
export function diffJson(files: readonly FileDifference[], fileOf: FileName): unknown {
	return files.map((file) => ({
		before: file.before,
		after: file.after,
		policies: file.policies.map((p) => ({ change: p.change, key: p.key, name: p.name, scope: p.scope, before: sideJson(p.before, fileOf), after: sideJson(p.after, fileOf), options: p.options })),
	}));
}

/** `file:line:col` (1-based), or the record's byte in a Registry.pol, whose lines say nothing. */
function placeText(place: SourcePlace, fileOf: FileName): string {
	const file = fileOf(place.uri);
	return place.binary ? `${file} (the record at byte 0x${place.span.start.toString(16).toUpperCase()})` : `${file}:${place.range.start.line + 1}:${place.range.start.character + 1}`;
}

/** One option's change in words, its name and each value written by `value`. */
function optionText(option: OptionDifference, value: (text: string) => string): string {
	if (option.added || option.removed) {
		const parts: string[] = [];
		if (option.added?.length) {
			parts.push(`added ${option.added.map(value).join(', ')}`);
		}
		if (option.removed?.length) {
			parts.push(`removed ${option.removed.map(value).join(', ')}`);
		}
		return `${value(option.id)}: ${parts.join('; ')}`;
	}
	return `${value(option.id)}: ${option.before === undefined ? 'not set' : value(option.before)} → ${option.after === undefined ? 'not set' : value(option.after)}`;
}

/** How many policies changed, were added and were removed, in words; `no policy differs` when none. */
export function diffSummary(files: readonly FileDifference[]): string {
	const counts = { changed: 0, added: 0, removed: 0 };
	for (const file of files) {
		for (const policy of file.policies) {
			counts[policy.change]++;
		}
	}
	const parts = (['changed', 'added', 'removed'] as const).filter((c) => counts[c] > 0).map((c) => `${counts[c]} ${counts[c] === 1 ? 'policy' : 'policies'} ${c}`);
	return parts.length === 0 ? 'no policy differs' : parts.join(', ');
}

const MARKS = { added: '+', removed: '-', changed: '~' } as const;

/**
 * The differences for a terminal: per pair of files a `---`/`+++` header, then a line per policy
 * marked `+` added, `-` removed or `~` changed, with its places and below it what changed.
 */
export function diffText(files: readonly FileDifference[], fileOf: FileName): string {
	const lines: string[] = [];
	for (const file of files) {
		if (file.policies.length === 0) {
			continue;
		}
		lines.push(`--- ${file.before}`, `+++ ${file.after}`);
		for (const p of file.policies) {
			const head = `${MARKS[p.change]} ${p.name} [${p.scope}]`;
			if (!p.before || !p.after) {
				const side = (p.after ?? p.before) as DiffSide;
				lines.push(`${head}: ${side.description}  (${placeText(side.place, fileOf)})`);
				continue;
			}
			lines.push(`${head}  (${placeText(p.before.place, fileOf)} → ${placeText(p.after.place, fileOf)})`);
			if (p.options.length === 0) {
				lines.push(`    ${p.before.description} → ${p.after.description}`);
			}
			for (const option of p.options) {
				lines.push(`    ${optionText(option, (v) => v)}`);
			}
		}
	}
	return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Text as Markdown inline code, fenced by more backticks than it holds in a row, on one line. */
function code(text: string): string {
	const flat = text.replace(/\r?\n/g, '\\n');
	let longest = 0;
	for (const run of flat.match(/`+/g) ?? []) {
		longest = Math.max(longest, run.length);
	}
	const fence = '`'.repeat(longest + 1);
	const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A place as a PR comment shows it: the file and line, or the record's byte. */
function placeMarkdown(place: SourcePlace, fileOf: FileName): string {
	return place.binary ? `${code(fileOf(place.uri))} byte 0x${place.span.start.toString(16).toUpperCase()}` : `${code(fileOf(place.uri))} line ${place.range.start.line + 1}`;
}

const CHANGE_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/**
 * The differences for a pull-request comment: a heading per pair of files that differ, a bullet
 * per policy and one below it per option. Every name and value is inline code, so nothing a file
 * holds is read as Markdown.
 */
export function diffMarkdown(files: readonly FileDifference[], fileOf: FileName): string {
	const parts: string[] = [`**Policy changes:** ${diffSummary(files)}`];
	for (const file of files) {
		if (file.policies.length === 0) {
			continue;
		}
		parts.push('', `#### ${code(file.before)} → ${code(file.after)}`, '');
		for (const p of file.policies) {
			const head = `- **${CHANGE_WORDS[p.change]}** ${code(p.key)} (${p.scope})`;
			if (!p.before || !p.after) {
				const side = (p.after ?? p.before) as DiffSide;
				parts.push(`${head}: ${code(side.description)}, ${placeMarkdown(side.place, fileOf)}`);
				continue;
			}
			parts.push(`${head}, ${placeMarkdown(p.before.place, fileOf)} → ${placeMarkdown(p.after.place, fileOf)}`);
			if (p.options.length === 0) {
				parts.push(`  - ${code(p.before.description)} → ${code(p.after.description)}`);
			}
			for (const option of p.options) {
				parts.push(`  - ${optionText(option, code)}`);
			}
		}
	}
	return `${parts.join('\n')}\n`;
}
