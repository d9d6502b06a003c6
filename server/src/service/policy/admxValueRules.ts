import type { AdmlFile, AdmxElement, AdmxEnum } from '../admx/admxModel';
import { itemValueText } from './checkAdmxPayload';
import { displayText } from '../admx/readAdml';
import type { OptionValue } from '../model/policyModel';
import { closest } from '../text/suggest';
import type { Problem } from '../problems/problem';
import { checkCharacters, describe, type ValueEditWriter } from './valueRules';

type ScalarValue = Extract<OptionValue, { kind: 'scalar' }>;
type TextValue = ScalarValue & { readonly value: string };

/** An enum's items as `value (display name)`, the way the profile writes and the ADML shows them. */
export function enumChoices(element: AdmxEnum, adml: AdmlFile | undefined): string {
	return element.items.flatMap((i) => {
		const value = itemValueText(i.value);
		return value === undefined ? [] : [`${value} (${displayText(adml, i.displayName)})`];
	}).join(', ');
}

/**
 * One option of an ingested policy against its ADMX element: the profile writes numbers for
 * decimals, true/false for a checkbox, an item's value for an enum, text, and YAML lists for
 * lists and multi-line text (a mapping for a list whose names the admin chooses).
 */
export function checkAdmxOption(element: AdmxElement, value: OptionValue, adml: AdmlFile | undefined, writer: ValueEditWriter, problems: Problem[]): void {
	const replace = (newText: string) => [{ title: `Write ${newText}`, edits: [{ span: value, newText }], preferred: true }];
	switch (element.type) {
		case 'decimal':
		case 'longDecimal': {
			const range = `a whole number from ${element.minValue} to ${element.maxValue}`;
			const raw = value.kind === 'scalar' ? value.value : undefined;
			if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) {
				problems.push({ code: 'value-type', span: value, message: `${element.id} takes a number, not text: write ${raw.trim()} without quotes.`, fixes: replace(raw.trim()) });
				return;
			}
			if (typeof raw !== 'number') {
				problems.push({ code: 'value-type', span: value, message: `${element.id} takes ${range}; found ${describe(value)}.` });
				return;
			}
			if (!Number.isInteger(raw) || raw < element.minValue || raw > element.maxValue) {
				const nearest = Math.min(element.maxValue, Math.max(element.minValue, Math.round(raw)));
				problems.push({ code: 'decimal-range', span: value, message: `${element.id} takes ${range}; ${raw} is not.`, fixes: [{ title: `Change to ${nearest} (the nearest allowed value)`, edits: [{ span: value, newText: String(nearest) }] }] });
			}
			return;
		}
		case 'boolean': {
			if (value.kind === 'scalar' && typeof value.value === 'boolean') {
				return;
			}
			const said = value.kind === 'scalar' && value.value !== null ? String(value.value).trim().toLowerCase() : undefined;
			const meant = said === '1' || said === 'true' || said === 'on' || said === 'yes' ? 'true' : said === '0' || said === 'false' || said === 'off' || said === 'no' ? 'false' : undefined;
			problems.push({ code: 'value-type', span: value, message: `${element.id} is a checkbox: write true or false, not ${describe(value)}${said !== undefined ? ` (${said})` : ''}.`, fixes: meant ? replace(meant) : undefined });
			return;
		}
		case 'enum':
			return checkEnum(element, value, adml, problems);
		case 'text': {
			if (value.kind !== 'scalar' || value.value === null || typeof value.value !== 'string') {
				const asText = value.kind === 'scalar' && value.value !== null ? String(value.value) : undefined;
				problems.push({
					code: 'value-type',
					span: value,
					message: `${element.id} takes a line of text; found ${describe(value)}.${asText !== undefined ? ` Put it in quotes: ${writer.text(asText)}.` : ''}`,
					fixes: asText !== undefined ? replace(writer.text(asText)) : undefined,
				});
				return;
			}
			if (checkCharacters(element.id, value, writer, problems)) {
				return;
			}
			if (/[\r\n]/.test(value.value)) {
				problems.push({ code: 'value-type', span: value, message: `${element.id} is one line of text; a line break cannot be carried in it. Write it on one line.` });
			}
			if (value.value.length > element.maxLength) {
				problems.push({ code: 'text-too-long', span: value, message: `${element.id} holds ${value.value.length} characters; the ADMX allows ${element.maxLength}.` });
			}
			if (element.required && value.value === '') {
				problems.push({ code: 'missing-option', span: value, message: `${element.id} is required: give it a value.` });
			}
			return;
		}
		case 'multiText':
			return checkStrings(element.id, value, writer, problems, (items) => {
				if (element.maxStrings > 0 && items.length > element.maxStrings) {
					problems.push({ code: 'list-encoding', span: value, message: `${element.id} takes at most ${element.maxStrings} strings, not ${items.length}.` });
				}
				for (const item of items) {
					if (item.value.length > element.maxLength) {
						problems.push({ code: 'text-too-long', span: item, message: `This string holds ${item.value.length} characters; ${element.id} allows ${element.maxLength} per string.` });
					}
				}
				if (element.required && items.length === 0) {
					problems.push({ code: 'missing-option', span: value, message: `${element.id} is required: give it at least one string.` });
				}
			});
		case 'list':
			if (element.explicitValue) {
				return checkPairs(element.id, value, writer, problems);
			}
			return checkStrings(element.id, value, writer, problems, () => undefined);
	}
}

function checkEnum(element: AdmxEnum, value: OptionValue, adml: AdmlFile | undefined, problems: Problem[]): void {
	const values = element.items.map((i) => itemValueText(i.value)).filter((v): v is string => v !== undefined);
	const said = value.kind === 'scalar' && value.value !== null && typeof value.value !== 'boolean' ? String(value.value) : undefined;
	if (said !== undefined && values.includes(said)) {
		return;
	}
	const choices = enumChoices(element, adml);
	// Admins copy the name the Group Policy editor shows; the item's value is what the device takes.
	const byName = said === undefined ? undefined : element.items.find((i) => displayText(adml, i.displayName).toLowerCase() === said.toLowerCase());
	const named = byName && itemValueText(byName.value);
	const suggestion = named ?? (said === undefined ? undefined : closest(said, values));
	problems.push({
		code: 'enum-value',
		span: value,
		message: named !== undefined
			? `${element.id} takes the item's value, not its display name: '${said}' is ${named}. The values are ${choices}.`
			: `${element.id} takes one of the item values ${choices}; found ${said === undefined ? describe(value) : `'${said}'`}.`,
		fixes: suggestion !== undefined ? [{ title: `Change to ${suggestion}`, edits: [{ span: value, newText: /^\d+$/.test(suggestion) ? suggestion : JSON.stringify(suggestion) }], preferred: true }] : undefined,
	});
}

/** A YAML list of text: each string, after reporting what is not one; `more` checks the whole. */
function checkStrings(id: string, value: OptionValue, writer: ValueEditWriter, problems: Problem[], more: (items: TextValue[]) => void): void {
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
		return;
	}
	if (value.kind !== 'list') {
		problems.push({ code: 'value-type', span: value, message: `${id} takes a list of strings, one per entry; found ${describe(value)}.` });
		return;
	}
	const items: TextValue[] = [];
	for (const item of value.items) {
		if (item.kind !== 'scalar' || item.value === null || typeof item.value !== 'string') {
			problems.push({ code: 'value-type', span: item, message: `Each entry of ${id} is text; found ${describe(item)}.${item.kind === 'scalar' && item.value !== null ? ` Put it in quotes: ${writer.text(String(item.value))}.` : ''}` });
			continue;
		}
		if (!checkCharacters(id, item, writer, problems)) {
			items.push({ ...item, value: item.value });
		}
	}
	more(items);
}

/** A list whose value names the admin chooses: a YAML mapping from names to values. */
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
		checkCharacters(id, { ...entry.key, kind: 'scalar', value: entry.key.value, quoted: false }, writer, problems);
		if (typeof data.value === 'string') {
			checkCharacters(id, data, writer, problems);
		}
	}
}
