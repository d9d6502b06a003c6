import { enumItemByAlias, enumItemByValue } from '../catalog/catalog';
import type { DecimalElement, EnumElement, EnumItem, ListElement, PolicyElement, TextElement } from '../catalog/types';
import type { OptionValue } from '../model/policyModel';
import type { Span } from '../text/span';
import { closest } from '../text/suggest';
import type { Problem } from '../problems/problem';

/** How a source language writes values, so the element rules can offer fixes in its own syntax. */
export interface ValueEditWriter {
	/** Whether enum options may be written with their readable alias. */
	readonly aliases: boolean;
	/** Source text for a text value. */
	text(value: string): string;
	/** Source text for a list holding one entry. */
	singleEntryList(value: string): string;
	/** The source text of `text` between `span`, for finding characters at fault. */
	readonly source: string;
}

type ScalarValue = Extract<OptionValue, { kind: 'scalar' }>;

/** The other options of the same policy, for values that depend on one another. */
export interface Siblings {
	element(id: string): PolicyElement | undefined;
	value(id: string): OptionValue | undefined;
}

const NO_SIBLINGS: Siblings = { element: () => undefined, value: () => undefined };

/** Checks one option value against its ADMX element. */
export function checkElementValue(element: PolicyElement, value: OptionValue, writer: ValueEditWriter, problems: Problem[], siblings: Siblings = NO_SIBLINGS): void {
	switch (element.type) {
		case 'enum':
			return checkEnum(element, value, writer, problems);
		case 'decimal':
			return checkDecimal(element, value, writer, problems, siblings);
		case 'text':
			return checkText(element, value, writer, problems);
		case 'list':
			return checkList(element, value, writer, problems);
	}
}

export function describe(value: OptionValue): string {
	if (value.kind === 'list') {
		return 'a list';
	}
	if (value.kind === 'other') {
		return value.description;
	}
	if (value.value === null) {
		return 'nothing';
	}
	return typeof value.value === 'string' ? 'text' : `the ${typeof value.value} ${String(value.value)}`;
}

export function allowedEnumValues(element: EnumElement, aliases: boolean): string {
	return element.items.map((i) => (aliases ? `${i.alias} (${i.value}: ${i.label})` : `${i.value} (${i.label})`)).join(', ');
}

function checkEnum(element: EnumElement, value: OptionValue, writer: ValueEditWriter, problems: Problem[]): void {
	const allowed = allowedEnumValues(element, writer.aliases);
	if (value.kind !== 'scalar' || value.value === null || typeof value.value === 'boolean') {
		problems.push({ code: 'value-type', span: value, message: `${element.id} takes one of ${allowed}; found ${describe(value)}.` });
		return;
	}
	if (typeof value.value === 'number') {
		if (!enumItemByValue(element, value.value)) {
			problems.push({ code: 'enum-value', span: value, message: `${value.value} is not a value of ${element.id}. Use one of ${allowed}.` });
		}
		return;
	}
	const text = value.value;
	if (writer.aliases && enumItemByAlias(element, text)) {
		return;
	}
	const numeric = /^-?\d+$/.test(text.trim()) ? enumItemByValue(element, Number(text)) : undefined;
	if (numeric && writer.aliases) {
		problems.push({
			code: 'value-type',
			span: value,
			message: `${element.id} takes a number or an alias, not quoted text: write ${numeric.value} without quotes, or ${numeric.alias}.`,
			fixes: [{ title: `Write ${numeric.alias}`, edits: [{ span: value, newText: numeric.alias }], preferred: true }],
		});
		return;
	}
	if (numeric) {
		return;
	}
	const candidates = element.items.map((i) => (writer.aliases ? i.alias : String(i.value)));
	const suggestion = closest(text, candidates);
	problems.push({
		code: 'enum-value',
		span: value,
		message: `'${text}' is not a value of ${element.id}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Use one of ${allowed}.`,
		fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ span: value, newText: suggestion }], preferred: true }] : undefined,
	});
}

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

function checkDecimal(element: DecimalElement, value: OptionValue, writer: ValueEditWriter, problems: Problem[], siblings: Siblings): void {
	const range = `a whole number from ${element.minValue} to ${element.maxValue}`;
	if (value.kind === 'scalar' && typeof value.value === 'string' && NUMBER_TEXT.test(value.value) && value.quoted) {
		const n = Number(value.value);
		problems.push({
			code: 'value-type',
			span: value,
			message: `${element.id} takes a number, not quoted text: write ${n} without quotes.`,
			fixes: [{ title: `Write ${n}`, edits: [{ span: value, newText: String(n) }], preferred: true }],
		});
		return;
	}
	const n = value.kind === 'scalar' ? (typeof value.value === 'number' ? value.value : typeof value.value === 'string' && NUMBER_TEXT.test(value.value) ? Number(value.value) : undefined) : undefined;
	if (n === undefined) {
		problems.push({ code: 'value-type', span: value, message: `${element.id} takes ${range}; found ${describe(value)}.` });
		return;
	}
	if (!Number.isInteger(n) || n < element.minValue || n > element.maxValue) {
		const clamped = Math.min(element.maxValue, Math.max(element.minValue, Math.round(n)));
		const unit = unitOf(element, siblings);
		const converted = unit && Number.isInteger(n) ? inLargerUnit(element, n, unit.item, unit.element) : undefined;
		const unitValue = unit?.value;
		const unitWord = unit?.item.alias;
		const same = converted && unitValue && {
			title: `Change to ${converted.count} ${converted.to.alias} (the same ${n} ${unitWord})`,
			edits: [{ span: value, newText: String(converted.count) }, { span: unitValue, newText: writer.aliases ? converted.to.alias : String(converted.to.value) }],
			preferred: true,
		};
		const nearest = { title: `Change to ${clamped}${unitWord ? ` ${unitWord}` : ''} (the nearest allowed value: a different ${unitWord ? 'duration' : 'number'})`, edits: [{ span: value, newText: String(clamped) }] };
		problems.push({
			code: 'decimal-range',
			span: value,
			message: `${element.id} must be ${range}; ${n} is not.${same && converted ? ` ${n} ${unitWord} is ${converted.count} ${converted.to.alias}: write that instead.` : element.rangeHint ? ` ${element.rangeHint}` : ''}`,
			fixes: same ? [same, nearest] : [nearest],
		});
	}
}

/** The unit a number counts in, when another option of the policy chooses it. */
function unitOf(element: DecimalElement, siblings: Siblings): { element: EnumElement; item: EnumItem; value: OptionValue } | undefined {
	const unitElement = element.unitElement ? siblings.element(element.unitElement) : undefined;
	const value = element.unitElement ? siblings.value(element.unitElement) : undefined;
	if (unitElement?.type !== 'enum' || value?.kind !== 'scalar' || value.value === null || typeof value.value === 'boolean') {
		return undefined;
	}
	const raw = value.value;
	const item = typeof raw === 'number' || /^\d+$/.test(raw) ? enumItemByValue(unitElement, Number(raw)) : enumItemByAlias(unitElement, raw);
	return item && { element: unitElement, item, value };
}

/** The same amount in a larger unit that fits the range exactly (120 hours is 5 days). */
function inLargerUnit(element: DecimalElement, n: number, from: EnumItem, unitElement: EnumElement): { count: number; to: EnumItem } | undefined {
	if (!from.scale) {
		return undefined;
	}
	const total = n * from.scale;
	for (const to of [...unitElement.items].sort((a, b) => (a.scale ?? 0) - (b.scale ?? 0))) {
		if (to.scale && to.scale > from.scale && total % to.scale === 0 && total / to.scale >= element.minValue && total / to.scale <= element.maxValue) {
			return { count: total / to.scale, to };
		}
	}
	return undefined;
}

function checkText(element: TextElement, value: OptionValue, writer: ValueEditWriter, problems: Problem[]): void {
	if (value.kind !== 'scalar' || value.value === null) {
		problems.push({
			code: 'value-type',
			span: value,
			message: `${element.id} takes a line of text; found ${describe(value)}. Write "" for an empty message.`,
			fixes: value.kind === 'scalar' ? [{ title: 'Write an empty text', edits: [{ span: value, newText: writer.text('') }] }] : undefined,
		});
		return;
	}
	if (typeof value.value !== 'string') {
		const asText = String(value.value);
		problems.push({
			code: 'value-type',
			span: value,
			message: `${element.id} takes text; ${asText} reads as a ${typeof value.value}. Put it in quotes: ${writer.text(asText)}.`,
			fixes: [{ title: `Write ${writer.text(asText)}`, edits: [{ span: value, newText: writer.text(asText) }], preferred: true }],
		});
		return;
	}
	if (!checkCharacters(element.id, value, writer, problems) && value.value.length > element.maxLength) {
		problems.push({
			code: 'text-too-long',
			span: value,
			message: `${element.id} is ${value.value.length} characters long; the ADMX allows at most ${element.maxLength}, and Windows may cut or refuse the rest.`,
		});
	}
}

/** A helper as Windows expects it: one backslash between a domain and a user or group name. */
const HELPER = /^[^\\/:*?"<>|\s]+\\[^\\/"[\]:;|=,+*?<>]+$/;

function checkList(element: ListElement, value: OptionValue, writer: ValueEditWriter, problems: Problem[]): void {
	if (value.kind === 'scalar' && value.value === null) {
		problems.push({ code: 'empty-helper-list', span: value, message: `${element.id} is empty, so nobody could offer help. List at least one helper, such as ${element.entryExample}.` });
		return;
	}
	if (value.kind === 'scalar' && typeof value.value === 'string') {
		const list = writer.singleEntryList(value.value);
		problems.push({
			code: 'value-type',
			span: value,
			message: `${element.id} takes a list of helpers, one per entry; write it as a list: ${list}.`,
			fixes: [{ title: 'Make it a list', edits: [{ span: value, newText: list }], preferred: true }],
		});
		return;
	}
	if (value.kind !== 'list') {
		problems.push({ code: 'value-type', span: value, message: `${element.id} takes a list of helpers (${element.entryFormat}); found ${describe(value)}.` });
		return;
	}
	if (value.items.length === 0) {
		problems.push({ code: 'empty-helper-list', span: value, message: `${element.id} is empty, so nobody could offer help. List at least one helper, such as ${element.entryExample}.` });
		return;
	}
	const seen = new Map<string, string>();
	for (const item of value.items) {
		if (item.kind !== 'scalar' || typeof item.value !== 'string' || item.value === '') {
			problems.push({ code: 'value-type', span: item, message: `Each helper is a name written as ${element.entryFormat}; found ${item.kind === 'scalar' && item.value === '' ? 'empty text' : describe(item)}.` });
			continue;
		}
		if (checkCharacters(element.id, item, writer, problems)) {
			continue;
		}
		const helper = item.value;
		if (!HELPER.test(helper) || helper.trim() !== helper) {
			const upn = /^([^@\s\\]+)@([^@.\s\\]+)(\.[^@\s\\]+)?$/.exec(helper);
			const hint = upn ? ` Write it as ${upn[2].toUpperCase()}\\${upn[1]}.` : ` For example ${element.entryExample}.`;
			problems.push({ code: 'helper-format', span: item, message: `Helper '${helper}' is not written as ${element.entryFormat}.${hint}` });
		}
		const folded = helper.toLowerCase();
		const first = seen.get(folded);
		if (first !== undefined) {
			problems.push({
				code: 'duplicate-helper',
				span: item,
				message: `Helper '${helper}' is already listed${first === helper ? '' : ` as '${first}'`}; account names are not case sensitive. Remove this entry.`,
			});
		} else {
			seen.set(folded, helper);
		}
	}
}

/** Code points XML 1.0 can carry, less U+F000, which the payload uses to separate list entries. */
function isForbidden(codePoint: number): boolean {
	if (codePoint === 0xf000) {
		return true;
	}
	const allowed = codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd
		|| (codePoint >= 0x20 && codePoint <= 0xd7ff)
		|| (codePoint >= 0xe000 && codePoint <= 0xfffd)
		|| (codePoint >= 0x10000 && codePoint <= 0x10ffff);
	return !allowed;
}

export function findForbiddenCharacter(value: string): { index: number; codePoint: number } | undefined {
	for (let i = 0; i < value.length; i++) {
		const codePoint = value.codePointAt(i) as number;
		if (isForbidden(codePoint)) {
			return { index: i, codePoint };
		}
		if (codePoint > 0xffff) {
			i++;
		}
	}
	return undefined;
}

/** Reports a forbidden character, pointing at it when the source holds it literally. */
export function checkCharacters(id: string, value: ScalarValue, writer: ValueEditWriter, problems: Problem[]): boolean {
	const text = value.value as string;
	const found = findForbiddenCharacter(text);
	if (!found) {
		return false;
	}
	const ch = String.fromCodePoint(found.codePoint);
	const literal = writer.source.slice(value.start, value.end).indexOf(ch);
	const span: Span = value.locate
		? value.locate(found.index, found.index + ch.length)
		: literal >= 0 ? { start: value.start + literal, end: value.start + literal + ch.length } : value;
	const hex = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
	const why = found.codePoint === 0xf000
		? `${hex} separates list entries in the payload, so it cannot appear inside a value`
		: `${hex} cannot be carried in XML 1.0, so the payload could not be sent`;
	problems.push({ code: 'invalid-character', span, message: `${id} holds the character ${hex}: ${why}. Remove it.` });
	return true;
}

