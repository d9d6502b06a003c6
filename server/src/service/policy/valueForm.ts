import type { AdmlFile, AdmxElement } from '../admx/admxModel';
import { LIST_SEPARATOR_REFERENCE } from '../mdm/payloadText';
import { enumChoices, itemValueText } from './checkValue';

/** Where a value is written: a profile's YAML, or a payload's `<data value>`. */
export type ValueSyntax = 'profile' | 'payload';

const joined = (...parts: string[]) => `\`${parts.join(LIST_SEPARATOR_REFERENCE)}\``;

/**
 * What a value of the element is, in the words hover and completion show: one description for
 * every policy, built-in or ingested, in the syntax of the source that writes it.
 */
export function valueForm(element: AdmxElement, syntax: ValueSyntax, adml?: AdmlFile): string {
	switch (element.type) {
		case 'decimal':
		case 'longDecimal':
			return `a whole number from ${element.minValue} to ${element.maxValue}`;
		case 'boolean':
			return '`true` or `false`';
		case 'enum':
			return syntax === 'profile'
				? `one of ${enumChoices(element, adml, true)}`
				: `one of the item values: ${element.items.flatMap((i) => { const v = itemValueText(i.value); return v === undefined ? [] : [`\`${v}\``]; }).join(', ')}`;
		case 'text':
			return `${element.multiLine || syntax === 'payload' ? 'text' : 'one line of text'} of up to ${element.maxLength} characters`;
		case 'multiText': {
			const most = element.maxStrings > 0 ? `, at most ${element.maxStrings} of them` : '';
			return syntax === 'profile'
				? `a list of strings, each of up to ${element.maxLength} characters${most}`
				: `strings joined by \`${LIST_SEPARATOR_REFERENCE}\`, each of up to ${element.maxLength} characters${most}`;
		}
		case 'list':
			if (element.accounts) {
				return syntax === 'profile'
					? `a list of ${element.accounts.format}, at least one`
					: `helpers, each written twice as name and value (${joined(element.accounts.example, element.accounts.example)})`;
			}
			if (element.explicitValue) {
				return syntax === 'profile' ? 'a mapping, one `name: value` per entry' : `name/value pairs the admin chooses, all joined by \`${LIST_SEPARATOR_REFERENCE}\``;
			}
			if (syntax === 'profile') {
				return 'a list of strings, one per entry';
			}
			return element.valuePrefix === undefined
				? `entries, each written twice as name and value (${joined('a', 'a', 'b', 'b')})`
				: `entries named ${element.valuePrefix}1, ${element.valuePrefix}2, … with their values, all joined by \`${LIST_SEPARATOR_REFERENCE}\``;
	}
}
