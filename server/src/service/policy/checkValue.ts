import type { AdmlFile, AdmxDecimal, AdmxElement, AdmxEnum, AdmxEnumItem, AdmxList, AdmxMultiText, AdmxText, AdmxValue } from '../admx/admxModel';
import { displayText } from '../admx/readAdml';
import type { OptionValue } from '../model/policyModel';
import type { Problem } from '../problems/problem';
import type { Span } from '../text/span';
import { closest } from '../text/suggest';

/**
 * The one check of an option's value against its element, for every policy (built-in ones read
 * as ADMX policies through `catalogAsAdmx`) and every source: a profile writes typed YAML values,
 * a payload (SyncML, an Intune row) writes text, and both reach here as `OptionValue`s. What only
 * the built-in catalog knows (aliases, units, helper accounts) is data on the element.
 */

/** How a source language writes values, so the rules can offer fixes in its own syntax. */
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

/** The other options of the same policy, for values that depend on one another. */
export interface Siblings {
	element(id: string): AdmxElement | undefined;
	value(id: string): OptionValue | undefined;
}

export interface ValueContext {
	readonly writer: ValueEditWriter;
	/** The ADML of an ingested ADMX, for the display names of enum items. */
	readonly adml?: AdmlFile;
	readonly siblings?: Siblings;
}

type ScalarValue = Extract<OptionValue, { kind: 'scalar' }>;
type TextValue = ScalarValue & { readonly value: string };

/** The payload text of an enum item's value: what a data item carries to choose it. */
export function itemValueText(value: AdmxValue): string | undefined {
	return value.kind === 'delete' ? undefined : String(value.value);
}

/** An item's name as the Group Policy editor shows it. */
function itemLabel(item: AdmxEnumItem, adml: AdmlFile | undefined): string {
	return item.label ?? displayText(adml, item.displayName);
}

/** The items an enum takes, as the source writes them: `alias (value: label)` with aliases, `value (label)` without. */
export function enumChoices(element: AdmxEnum, adml: AdmlFile | undefined, aliases = false): string {
	return element.items.flatMap((item) => {
		const value = itemValueText(item.value);
		return value === undefined ? [] : [aliases && item.alias ? `${item.alias} (${value}: ${itemLabel(item, adml)})` : `${value} (${itemLabel(item, adml)})`];
	}).join(', ');
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

/** Checks one option value against its element. */
export function checkValue(element: AdmxElement, value: OptionValue, context: ValueContext, problems: Problem[]): void {
	switch (element.type) {
		case 'enum':
			return checkEnum(element, value, context, problems);
		case 'decimal':
		case 'longDecimal':
			return checkDecimal(element, value, context, problems);
		case 'boolean':
			return checkBoolean(element.id, value, problems);
		case 'text':
			return checkText(element, value, context.writer, problems);
		case 'multiText':
			return checkMultiText(element, value, context.writer, problems);
		case 'list':
			if (element.accounts) {
				return checkAccounts(element, element.accounts, value, context.writer, problems);
			}
			if (element.explicitValue) {
				return checkPairs(element.id, value, context.writer, problems);
			}
			// Without a prefix each entry is also its value's name.
			for (const entry of checkStrings(element.id, value, context.writer, problems) ?? []) {
				if (element.valuePrefix === undefined) {
					checkValueName(element.id, entry, problems);
				}
			}
	}
}

const DIGITS = /^-?\d+$/;

function checkEnum(element: AdmxEnum, value: OptionValue, { writer, adml }: ValueContext, problems: Problem[]): void {
	const aliases = writer.aliases && element.items.some((i) => i.alias !== undefined);
	const allowed = enumChoices(element, adml, aliases);
	if (value.kind !== 'scalar' || value.value === null || typeof value.value === 'boolean') {
		problems.push({ code: 'value-type', span: value, message: `${element.id} takes one of ${allowed}; found ${describe(value)}.` });
		return;
	}
	const said = String(value.value);
	if (aliases && element.items.some((i) => i.alias === said)) {
		return;
	}
	// Digits written as text (a payload, a quoted profile value) name the number they spell: ' 01' is 1.
	const asValue = typeof value.value === 'string' && DIGITS.test(said.trim()) ? String(Number(said)) : said;
	const byValue = element.items.find((i) => itemValueText(i.value) === asValue);
	if (byValue) {
		// A readable alias is what a profile writes; a number in quotes is neither.
		if (aliases && typeof value.value === 'string' && byValue.alias) {
			problems.push({
				code: 'value-type',
				span: value,
				message: `${element.id} takes a number or an alias, not quoted text: write ${itemValueText(byValue.value)} without quotes, or ${byValue.alias}.`,
				fixes: [{ title: `Write ${byValue.alias}`, edits: [{ span: value, newText: byValue.alias }], preferred: true }],
			});
		}
		return;
	}
	const write = (item: AdmxEnumItem) => (aliases && item.alias ? item.alias : writeItemValue(itemValueText(item.value) ?? '', writer));
	// A profile's alias copied into a payload, which carries the item's value.
	const byAlias = aliases ? undefined : element.items.find((i) => i.alias !== undefined && i.alias === said);
	if (byAlias) {
		problems.push({
			code: 'enum-value',
			span: value,
			message: `${element.id} takes the item's value here; '${said}' is how a profile writes ${write(byAlias)}.`,
			fixes: [{ title: `Change to ${write(byAlias)}`, edits: [{ span: value, newText: write(byAlias) }], preferred: true }],
		});
		return;
	}
	// Admins copy the name the Group Policy editor shows; the item's value is what the device takes.
	const byName = element.items.find((i) => itemLabel(i, adml).toLowerCase() === said.toLowerCase());
	if (byName) {
		problems.push({
			code: 'enum-value',
			span: value,
			message: `${element.id} takes ${aliases ? 'an alias or a value' : 'the item\'s value'}, not the name the Group Policy editor shows: '${said}' is ${write(byName)}. Use one of ${allowed}.`,
			fixes: [{ title: `Change to ${write(byName)}`, edits: [{ span: value, newText: write(byName) }], preferred: true }],
		});
		return;
	}
	if (typeof value.value === 'number' || DIGITS.test(said)) {
		// A payload that counts the items from 0 names an item by its place; a profile's number is its value.
		const byPlace = !writer.aliases && DIGITS.test(said) ? element.items[Number(said)] : undefined;
		problems.push({
			code: 'enum-value',
			span: value,
			message: byPlace
				? `${element.id} takes an item's value, not its position: the item at position ${said} has the value ${itemValueText(byPlace.value)}. Use one of ${allowed}.`
				: `${said} is not a value of ${element.id}. Use one of ${allowed}.`,
			fixes: byPlace ? [{ title: `Change to ${write(byPlace)}`, edits: [{ span: value, newText: write(byPlace) }], preferred: true }] : undefined,
		});
		return;
	}
	const candidates = element.items.map((i) => (aliases && i.alias ? i.alias : itemValueText(i.value) ?? ''));
	const suggestion = closest(said, candidates);
	const newText = suggestion === undefined ? undefined : aliases ? suggestion : writeItemValue(suggestion, writer);
	problems.push({
		code: 'enum-value',
		span: value,
		message: `'${said}' is not a value of ${element.id}.${suggestion ? ` Did you mean ${suggestion}?` : ''} Use one of ${allowed}.`,
		fixes: newText !== undefined ? [{ title: `Change to ${suggestion}`, edits: [{ span: value, newText }], preferred: true }] : undefined,
	});
}

/** An item's value as the source writes it: a number as it is, text as the source quotes it. */
function writeItemValue(text: string, writer: ValueEditWriter): string {
	return DIGITS.test(text) ? text : writer.text(text);
}

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

function checkDecimal(element: AdmxDecimal, value: OptionValue, { writer, siblings }: ValueContext, problems: Problem[]): void {
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
	if (Number.isInteger(n) && n >= element.minValue && n <= element.maxValue) {
		return;
	}
	const clamped = Math.min(element.maxValue, Math.max(element.minValue, Math.round(n)));
	const unit = siblings && unitOf(element, siblings);
	const converted = unit && Number.isInteger(n) ? inLargerUnit(element, n, unit.item, unit.element) : undefined;
	const unitWord = unit?.item.alias;
	const same = converted && unit && {
		title: `Change to ${converted.count} ${converted.to.alias} (the same ${n} ${unitWord})`,
		edits: [{ span: value, newText: String(converted.count) }, { span: unit.value, newText: writer.aliases && converted.to.alias ? converted.to.alias : itemValueText(converted.to.value) ?? '' }],
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

/** The unit a number counts in, when another option of the policy chooses it. */
function unitOf(element: AdmxDecimal, siblings: Siblings): { element: AdmxEnum; item: AdmxEnumItem; value: OptionValue } | undefined {
	const unitElement = element.unitElement ? siblings.element(element.unitElement) : undefined;
	const value = element.unitElement ? siblings.value(element.unitElement) : undefined;
	if (unitElement?.type !== 'enum' || value?.kind !== 'scalar' || value.value === null || typeof value.value === 'boolean') {
		return undefined;
	}
	const said = String(value.value);
	const item = unitElement.items.find((i) => i.alias === said || itemValueText(i.value) === said);
	return item && { element: unitElement, item, value };
}

/** The same amount in a larger unit that fits the range exactly (120 hours is 5 days). */
function inLargerUnit(element: AdmxDecimal, n: number, from: AdmxEnumItem, unitElement: AdmxEnum): { count: number; to: AdmxEnumItem } | undefined {
	if (!from.scale) {
		return undefined;
	}
	const total = n * from.scale;
	const larger = unitElement.items.filter((to) => to.scale !== undefined && to.scale > (from.scale ?? 0)).sort((a, b) => (a.scale ?? 0) - (b.scale ?? 0));
	for (const to of larger) {
		const scale = to.scale ?? 1;
		if (total % scale === 0 && total / scale >= element.minValue && total / scale <= element.maxValue) {
			return { count: total / scale, to };
		}
	}
	return undefined;
}

/** Words that mean a checkbox's state. */
const CHECKED: Readonly<Record<string, 'true' | 'false'>> = { 1: 'true', true: 'true', on: 'true', yes: 'true', 0: 'false', false: 'false', off: 'false', no: 'false' };

function checkBoolean(id: string, value: OptionValue, problems: Problem[]): void {
	if (value.kind === 'scalar' && (typeof value.value === 'boolean' || (!value.quoted && (value.value === 'true' || value.value === 'false')))) {
		return;
	}
	const said = value.kind === 'scalar' && value.value !== null ? String(value.value).trim().toLowerCase() : undefined;
	const meant = said === undefined ? undefined : CHECKED[said];
	problems.push({
		code: 'value-type',
		span: value,
		message: `${id} is a checkbox: write true or false, not ${describe(value)}${said !== undefined ? ` (${said})` : ''}.`,
		fixes: meant ? [{ title: `Write ${meant}`, edits: [{ span: value, newText: meant }], preferred: true }] : undefined,
	});
}

function checkText(element: AdmxText, value: OptionValue, writer: ValueEditWriter, problems: Problem[]): void {
	if (value.kind !== 'scalar' || value.value === null) {
		problems.push({
			code: 'value-type',
			span: value,
			message: `${element.id} takes a line of text; found ${describe(value)}. Write "" for an empty text.`,
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
	const text = value as TextValue;
	if (checkCharacters(element.id, text, writer, problems)) {
		return;
	}
	if (!element.multiLine && /[\r\n]/.test(text.value)) {
		problems.push({ code: 'value-type', span: value, message: `${element.id} is one line of text; a line break cannot be carried in it. Write it on one line.` });
	}
	checkLength(element.id, text, element.maxLength, `the ADMX allows at most ${element.maxLength}, Intune's template editor refuses a longer value, and a device may cut or refuse it`, writer, problems);
	if (element.required && text.value === '') {
		problems.push({ code: 'missing-option', span: value, message: `${element.id} is required: give it a value.` });
	}
}

/** Where characters `start` to `end` of a value are in the source: through `locate`, or where the source spells the value one for one, bare or quoted. */
function charactersOf(text: TextValue, start: number, end: number, source: string): Span {
	if (text.locate) {
		return text.locate(start, end);
	}
	const written = source.slice(text.start, text.end);
	const inner = written === text.value ? 0 : written.length === text.value.length + 2 && written.slice(1, -1) === text.value ? 1 : -1;
	return inner < 0 ? text : { start: text.start + inner + start, end: text.start + inner + end };
}

/** A text over its element's length, reported on the characters past the limit where the source shows them. */
function checkLength(id: string, text: TextValue, maxLength: number, why: string, writer: ValueEditWriter, problems: Problem[]): void {
	if (text.value.length <= maxLength) {
		return;
	}
	const span = charactersOf(text, maxLength, text.value.length, writer.source);
	problems.push({ code: 'text-too-long', span, message: `${id} is ${text.value.length} characters long; ${why}. Cut it after character ${maxLength}.` });
}

function checkMultiText(element: AdmxMultiText, value: OptionValue, writer: ValueEditWriter, problems: Problem[]): void {
	const items = checkStrings(element.id, value, writer, problems);
	if (!items) {
		return;
	}
	if (element.maxStrings > 0 && items.length > element.maxStrings) {
		problems.push({ code: 'list-encoding', span: value, message: `${element.id} takes at most ${element.maxStrings} strings, not ${items.length}.` });
	}
	for (const item of items) {
		checkLength(`This string of ${element.id}`, item, element.maxLength, `${element.id} allows ${element.maxLength} per string`, writer, problems);
	}
	if (element.required && items.length === 0) {
		problems.push({ code: 'missing-option', span: value, message: `${element.id} is required: give it at least one string.` });
	}
}

/** A list of text, one string per entry: each string, after reporting what is not one; undefined when the value is no list. */
function checkStrings(id: string, value: OptionValue, writer: ValueEditWriter, problems: Problem[]): TextValue[] | undefined {
	if (value.kind === 'scalar' && value.value !== null) {
		const list = writer.singleEntryList(String(value.value));
		const lines = typeof value.value === 'string' && /[\r\n]/.test(value.value);
		problems.push({
			code: 'value-type',
			span: value,
			message: lines
				? `${id} takes a list, one string per entry; a line break does not separate entries. Write each line as its own entry.`
				: `${id} takes a list, one string per entry; write it as a list: ${list}.`,
			fixes: lines ? undefined : [{ title: 'Make it a list', edits: [{ span: value, newText: list }], preferred: true }],
		});
		return undefined;
	}
	if (value.kind !== 'list') {
		problems.push({ code: 'value-type', span: value, message: `${id} takes a list of strings, one per entry; found ${describe(value)}.` });
		return undefined;
	}
	const items: TextValue[] = [];
	for (const item of value.items) {
		if (item.kind !== 'scalar' || item.value === null || typeof item.value !== 'string') {
			problems.push({ code: 'value-type', span: item, message: `Each entry of ${id} is text; found ${describe(item)}.${item.kind === 'scalar' && item.value !== null ? ` Put it in quotes: ${writer.text(String(item.value))}.` : ''}` });
			continue;
		}
		if (!checkCharacters(id, item as TextValue, writer, problems)) {
			items.push(item as TextValue);
		}
	}
	return items;
}

/** A list whose value names the admin chooses: a mapping from names to values. */
function checkPairs(id: string, value: OptionValue, writer: ValueEditWriter, problems: Problem[]): void {
	if (value.kind !== 'other' || !value.entries) {
		problems.push({ code: 'value-type', span: value, message: `${id} takes name/value pairs: write a mapping, one \`name: value\` per entry; found ${describe(value)}.` });
		return;
	}
	for (const entry of value.entries) {
		const data = entry.value;
		if (data.kind !== 'scalar' || data.value === null) {
			problems.push({ code: 'value-type', span: data, message: `The value of ${entry.key.value} in ${id} is text; found ${describe(data)}.` });
			continue;
		}
		const key: TextValue = { start: entry.key.start, end: entry.key.end, kind: 'scalar', value: entry.key.value, quoted: false };
		if (!checkCharacters(id, key, writer, problems)) {
			checkValueName(id, key, problems);
		}
		if (typeof data.value === 'string') {
			checkCharacters(id, data as TextValue, writer, problems);
		}
	}
}

/** A helper as Windows expects it: one backslash between a domain and a user or group name. */
const HELPER = /^[^\\/:*?"<>|\s]+\\[^\\/"[\]:;|=,+*?<>]+$/;

function checkAccounts(element: AdmxList, accounts: NonNullable<AdmxList['accounts']>, value: OptionValue, writer: ValueEditWriter, problems: Problem[]): void {
	const empty = () => problems.push({ code: 'empty-helper-list', span: value, message: `${element.id} is empty, so nobody could offer help. List at least one helper, such as ${accounts.example}.` });
	if (value.kind === 'scalar' && value.value === null) {
		empty();
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
		problems.push({ code: 'value-type', span: value, message: `${element.id} takes a list of helpers (${accounts.format}); found ${describe(value)}.` });
		return;
	}
	if (value.items.length === 0) {
		empty();
		return;
	}
	const seen = new Map<string, string>();
	for (const item of value.items) {
		if (item.kind !== 'scalar' || typeof item.value !== 'string' || item.value === '') {
			problems.push({ code: 'value-type', span: item, message: `Each helper is a name written as ${accounts.format}; found ${item.kind === 'scalar' && item.value === '' ? 'empty text' : describe(item)}.` });
			continue;
		}
		if (checkCharacters(element.id, item as TextValue, writer, problems) || checkValueName(element.id, item as TextValue, problems)) {
			continue;
		}
		const helper = item.value;
		if (!HELPER.test(helper) || helper.trim() !== helper) {
			const upn = /^([^@\s\\]+)@([^@.\s\\]+)(\.[^@\s\\]+)?$/.exec(helper);
			const hint = upn ? ` Write it as ${upn[2].toUpperCase()}\\${upn[1]}.` : ` For example ${accounts.example}.`;
			problems.push({ code: 'helper-format', span: item, message: `Helper '${helper}' is not written as ${accounts.format}.${hint}` });
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

/**
 * A list entry that becomes a registry value name, against the Group Policy formats that would read
 * it as something else: Registry.pol takes a name starting with `**` as a directive (`**delvals.`
 * deletes every value of the key), LGPO text takes a line starting with `;` as a comment.
 */
function checkValueName(id: string, entry: TextValue, problems: Problem[]): boolean {
	const why = entry.value.startsWith('**')
		? 'starts with **, which a Registry.pol reads as a directive (**delvals. deletes every value of the key) rather than a value name'
		: entry.value.trimStart().startsWith(';') ? 'starts with ;, which LGPO text reads as a comment, so the entry would be lost' : undefined;
	if (why === undefined) {
		return false;
	}
	problems.push({ code: 'reserved-name', span: entry, message: `'${entry.value}' in ${id} becomes a registry value's name, and it ${why}. Write the name without it.` });
	return true;
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
function checkCharacters(id: string, value: TextValue, writer: ValueEditWriter, problems: Problem[]): boolean {
	const found = findForbiddenCharacter(value.value);
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
