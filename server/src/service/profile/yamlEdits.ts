import type { PolicyElement } from '../catalog/types';
import type { PolicySetting } from '../model/policyModel';
import type { Span } from '../text/span';
import { column, eol, lineEnd, lineStart, nextLineStart } from '../text/lines';
import type { TextEdit } from '../problems/problem';
import type { PolicyEditWriter } from '../policy/policyRules';
import { defaultValueText, yamlText } from './yamlRender';
import { append } from '../text/append';

/** The indentation step the file uses: the smallest indentation of any non-blank line, or two spaces. */
export function indentUnit(text: string): string {
	let smallest = Number.MAX_SAFE_INTEGER;
	const re = /^( +)\S/gm;
	let match: RegExpExecArray | null;
	let scanned = 0;
	while ((match = re.exec(text)) !== null && scanned++ < 2000) {
		smallest = Math.min(smallest, match[1].length);
	}
	return ' '.repeat(smallest === Number.MAX_SAFE_INTEGER || smallest > 8 ? 2 : smallest);
}

/** Where the value of a `key: value` entry starts: the first non-blank character after the colon. */
function valueStart(text: string, keyEnd: number): number {
	let i = text.indexOf(':', keyEnd);
	if (i < 0) {
		return keyEnd;
	}
	i++;
	while (i < text.length && (text[i] === ' ' || text[i] === '\t')) {
		i++;
	}
	return i;
}

/** Offset just after the last line of the entry: where a sibling entry would be inserted. */
function afterEntry(text: string, span: Span): number {
	return nextLineStart(text, Math.max(span.start, span.end - 1));
}

export class YamlEditWriter implements PolicyEditWriter {
	readonly aliases = true;
	private readonly unit: string;
	private readonly nl: string;

	constructor(readonly source: string) {
		this.unit = indentUnit(source);
		this.nl = eol(source);
	}

	text(value: string): string {
		return value === '' ? '""' : yamlText(value);
	}

	singleEntryList(value: string): string {
		return `[ ${yamlText(value)} ]`;
	}

	/** True when the policy is written on one line as a flow mapping, `Name: { state: ... }`. */
	private isFlow(setting: PolicySetting): boolean {
		return this.source[valueStart(this.source, setting.name.end)] === '{';
	}

	private bodyIndent(setting: PolicySetting): string {
		return ' '.repeat(column(this.source, setting.name.start)) + this.unit;
	}

	/** Rewrites a flow-style policy as a block with the given state and option lines. */
	private rewriteAsBlock(setting: PolicySetting, state: string, options: readonly string[]): TextEdit[] {
		const indent = this.bodyIndent(setting);
		const lines = [`${indent}state: ${state}`];
		if (options.length > 0) {
			lines.push(`${indent}options:`);
			append(lines, options);
		}
		const start = valueStart(this.source, setting.name.end);
		const colon = this.source.indexOf(':', setting.name.end) + 1;
		return [{ span: { start: colon, end: Math.max(start, setting.span.end) }, newText: this.nl + lines.join(this.nl) }];
	}

	addOptions(setting: PolicySetting, elements: readonly PolicyElement[]): TextEdit[] {
		return this.addOptionEntries(setting, elements.map((e) => ({ id: e.id, value: defaultValueText(e) })));
	}

	/** Adds `id: value` options, each value already written as YAML. */
	addOptionEntries(setting: PolicySetting, entries: readonly { readonly id: string; readonly value: string }[]): TextEdit[] {
		const indent = this.bodyIndent(setting);
		const optionIndent = indent + this.unit;
		const lines = entries.map((e) => `${optionIndent}${e.id}: ${e.value}`);
		if (this.isFlow(setting)) {
			const state = setting.state?.kind === 'scalar' ? String(setting.state.value) : 'enabled';
			const kept = setting.options.map((o) => `${optionIndent}${this.source.slice(o.span.start, o.span.end)}`);
			return this.rewriteAsBlock(setting, state, [...kept, ...lines]);
		}
		const last = setting.options[setting.options.length - 1];
		if (last) {
			if (this.source[valueStart(this.source, setting.optionsKey?.end ?? last.span.start)] === '{') {
				return [{ span: { start: last.span.end, end: last.span.end }, newText: entries.map((e) => `, ${e.id}: ${e.value}`).join('') }];
			}
			const at = afterEntry(this.source, last.span);
			return [this.ensureLineBreak({ span: { start: at, end: at }, newText: lines.join(this.nl) + this.nl })];
		}
		if (setting.optionsKey) {
			const keyLineEnd = lineEnd(this.source, setting.optionsKey.end);
			const afterColon = valueStart(this.source, setting.optionsKey.end);
			const span = { start: this.source.indexOf(':', setting.optionsKey.end) + 1, end: Math.max(afterColon, keyLineEnd) };
			return [{ span, newText: this.nl + lines.join(this.nl) }];
		}
		const at = afterEntry(this.source, setting.span);
		return [this.ensureLineBreak({ span: { start: at, end: at }, newText: [`${indent}options:`, ...lines].join(this.nl) + this.nl })];
	}

	/** An insertion at the very end of a file without a final line break needs one in front. */
	private ensureLineBreak(edit: TextEdit): TextEdit {
		const at = edit.span.start;
		if (at === this.source.length && at > 0 && !/[\r\n]$/.test(this.source)) {
			return { span: edit.span, newText: this.nl + edit.newText.replace(/\r?\n$/, '') };
		}
		return edit;
	}

	removeOptions(setting: PolicySetting): TextEdit[] {
		const key = setting.optionsKey;
		if (!key) {
			return [];
		}
		if (this.isFlow(setting)) {
			// Remove `options: {...}` with the comma that separates it from its neighbour.
			const end = setting.options.reduce((last, o) => Math.max(last, o.span.end), Math.max(key.end, this.flowValueEnd(key.end)));
			const before = this.source.slice(setting.name.end, key.start);
			const comma = before.lastIndexOf(',');
			if (comma >= 0 && before.indexOf('{', comma) < 0) {
				return [{ span: { start: setting.name.end + comma, end }, newText: '' }];
			}
			const following = /^\s*,\s*/.exec(this.source.slice(end));
			return [{ span: { start: key.start, end: end + (following ? following[0].length : 0) }, newText: '' }];
		}
		const start = lineStart(this.source, key.start);
		const keyColumn = column(this.source, key.start);
		let end = nextLineStart(this.source, key.start);
		// The block ends at the first non-blank line indented no deeper than the key.
		while (end < this.source.length) {
			const lineText = this.source.slice(end, lineEnd(this.source, end));
			const indent = lineText.length - lineText.trimStart().length;
			if (lineText.trim() !== '' && indent <= keyColumn) {
				break;
			}
			end = nextLineStart(this.source, end);
		}
		return [{ span: { start, end }, newText: '' }];
	}

	private flowValueEnd(keyEnd: number): number {
		const start = valueStart(this.source, keyEnd);
		const open = this.source[start];
		if (open !== '{' && open !== '[') {
			const stop = this.source.slice(start).search(/[,}\r\n]/);
			return stop < 0 ? this.source.length : start + stop;
		}
		let depth = 0;
		for (let i = start; i < this.source.length; i++) {
			const c = this.source[i];
			if (c === '{' || c === '[') {
				depth++;
			} else if (c === '}' || c === ']') {
				depth--;
				if (depth === 0) {
					return i + 1;
				}
			}
		}
		return this.source.length;
	}

	/** True when lines indented deeper than the policy name follow it. */
	private hasBlockBody(setting: PolicySetting): boolean {
		const keyColumn = column(this.source, setting.name.start);
		let at = nextLineStart(this.source, setting.name.end);
		while (at < this.source.length) {
			const lineText = this.source.slice(at, lineEnd(this.source, at));
			if (lineText.trim() !== '' && !lineText.trimStart().startsWith('#')) {
				return lineText.length - lineText.trimStart().length > keyColumn;
			}
			at = nextLineStart(this.source, at);
		}
		return false;
	}

	addState(setting: PolicySetting, state: string): TextEdit[] {
		const value = valueStart(this.source, setting.name.end);
		if (this.source[value] === '{') {
			return [{ span: { start: value + 1, end: value + 1 }, newText: ` state: ${state},` }];
		}
		const indent = this.bodyIndent(setting);
		if (!this.hasBlockBody(setting)) {
			const colon = this.source.indexOf(':', setting.name.end) + 1;
			return [{ span: { start: colon, end: Math.max(colon, lineEnd(this.source, colon)) }, newText: ` { state: ${state} }` }];
		}
		const at = nextLineStart(this.source, setting.name.end);
		return [{ span: { start: at, end: at }, newText: `${indent}state: ${state}${this.nl}` }];
	}
}
