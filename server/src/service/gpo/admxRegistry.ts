/**
 * The registry operations the Group Policy editor records in a GPO when an admin sets an ADMX
 * policy, derived from the ADMX model alone, in the order the editor writes them: the policy's
 * own value, its enabledList or disabledList, then each element in document order. The writers
 * in encode/gpo turn them into Registry.pol, LGPO text or Set-GPRegistryValue calls.
 */
import type { GpHive, GpOperation, GpSet } from './registryOperation';
import type { AdmxBoolean, AdmxDecimal, AdmxElement, AdmxEnum, AdmxEnumItem, AdmxList, AdmxListItem, AdmxPolicy, AdmxText, AdmxValue, PolicyClass } from '../admx/admxModel';
import { itemValueText } from '../policy/checkValue';
import { append } from '../text/append';

/** Values by element id, as resolved from a profile: decimal/longDecimal digits; text string; boolean 'true'|'false'; enum the chosen item's value text (as `itemValueText` in admx/checkPayload.ts gives it); multiText the strings; list the name/value pairs flattened [name1, value1, name2, value2, ...] (already named per valuePrefix / explicitValue / self-named). */
export type AdmxValues = ReadonlyMap<string, string | readonly string[]>;

/** Values that do not fit the policy's elements, or a hive its class does not allow: the caller resolved them wrongly. */
export class AdmxRegistryError extends Error {}

/**
 * The text that chooses an enum item in AdmxValues: its value text, or for an item whose value
 * is `<delete/>`, which has no value text, its displayName reference as written.
 */
export function enumChoiceText(item: AdmxEnumItem): string {
	return itemValueText(item.value) ?? item.displayName;
}

/**
 * A policy with a valueName but no enabledValue or disabledValue: DWORD 1 when enabled, the
 * value deleted when disabled. The ADMX reference says nothing; this is the rule Microsoft
 * documents for a VALUENAME without VALUEON/VALUEOFF in the ADM language the ADMX format
 * replaced (INFERRED for ADMX; PolicyPlus, a third-party editor, does the same).
 */
const IMPLICIT: Readonly<Record<'enabled' | 'disabled', AdmxValue>> = { enabled: { kind: 'decimal', value: 1 }, disabled: { kind: 'delete' } };

/**
 * A boolean without trueValue or falseValue: DWORD 1 when checked, DWORD 0 when not, the ADM
 * language's documented CHECKBOX default (INFERRED for ADMX; PolicyPlus deletes the value instead of writing 0).
 */
const IMPLICIT_CHECKBOX: Readonly<Record<'true' | 'false', AdmxValue>> = { true: { kind: 'decimal', value: 1 }, false: { kind: 'decimal', value: 0 } };

/** The hives a policy class may be written to: Machine to HKLM, User to HKCU, Both to either. */
const HIVES: Readonly<Record<PolicyClass, readonly GpHive[]>> = { Machine: ['HKLM'], User: ['HKCU'], Both: ['HKLM', 'HKCU'] };

/** The type an ADMX value is written as: decimal a REG_DWORD, longDecimal a REG_QWORD, string a REG_SZ; a deletion has none. */
const VALUE_TYPES = { decimal: 'REG_DWORD', longDecimal: 'REG_QWORD', string: 'REG_SZ' } as const;

/** What an ADMX value writes at key/name. */
function valueOperation(hive: GpHive, key: string, name: string, value: AdmxValue): GpOperation {
	return value.kind === 'delete' ? { kind: 'delete', hive, key, name } : { kind: 'set', hive, key, name, type: VALUE_TYPES[value.kind], data: String(value.value) };
}

/** The one type the values of a choice or a checkbox are written as, when they agree. */
function sharedType(values: readonly (AdmxValue | undefined)[]): GpSet['type'] | undefined {
	const types = new Set(values.map((v) => (v === undefined ? 'REG_DWORD' : v.kind === 'delete' ? undefined : VALUE_TYPES[v.kind])));
	const [only] = types;
	return types.size === 1 ? only : undefined;
}

/** An enabledList, disabledList, valueList, trueList or falseList; the model has given each item its key. */
const listItemOperations = (hive: GpHive, items: readonly AdmxListItem[]) => items.map((item) => valueOperation(hive, item.key, item.valueName, item.value));

function one(element: AdmxElement, value: string | readonly string[]): string {
	if (typeof value !== 'string') {
		throw new AdmxRegistryError(`${element.id} is a ${element.type} element and takes one value, not a list`);
	}
	return value;
}

function several(element: AdmxElement, value: string | readonly string[]): readonly string[] {
	if (typeof value === 'string') {
		throw new AdmxRegistryError(`${element.id} is a ${element.type} element and takes a list of strings, not one value`);
	}
	return value;
}

function booleanOperations(hive: GpHive, element: AdmxBoolean, text: string): GpOperation[] {
	if (text !== 'true' && text !== 'false') {
		throw new AdmxRegistryError(`${element.id} is a checkbox and takes true or false, not "${text}"`);
	}
	const checked = text === 'true';
	const value = (checked ? element.trueValue : element.falseValue) ?? IMPLICIT_CHECKBOX[text];
	return [valueOperation(hive, element.key, element.valueName, value), ...listItemOperations(hive, checked ? element.trueList : element.falseList)];
}

function enumOperations(hive: GpHive, element: AdmxEnum, text: string): GpOperation[] {
	const item = element.items.find((candidate) => enumChoiceText(candidate) === text);
	if (!item) {
		throw new AdmxRegistryError(`${element.id} has no item "${text}"; its items are ${element.items.map(enumChoiceText).join(', ')}`);
	}
	return [valueOperation(hive, element.key, element.valueName, item.value), ...listItemOperations(hive, item.valueList)];
}

/** The type a text, number or list entry is written as. */
function singleType(element: AdmxText | AdmxDecimal | AdmxList): Exclude<GpSet['type'], 'REG_MULTI_SZ'> {
	switch (element.type) {
		case 'decimal':
			return element.storeAsText ? 'REG_SZ' : 'REG_DWORD';
		case 'longDecimal':
			return element.storeAsText ? 'REG_SZ' : 'REG_QWORD';
		default:
			return element.expandable ? 'REG_EXPAND_SZ' : 'REG_SZ';
	}
}

/** The registry type an element's own values are written as; undefined where a checkbox's or a choice's values differ in type. */
export function elementRegistryType(element: AdmxElement): GpSet['type'] | undefined {
	switch (element.type) {
		case 'multiText':
			return 'REG_MULTI_SZ';
		// A checkbox without its own values writes the DWORDs 1 and 0.
		case 'boolean':
			return sharedType([element.trueValue, element.falseValue]);
		case 'enum':
			return sharedType(element.items.map((i) => i.value));
		default:
			return singleType(element);
	}
}

/** A list clears its key first unless it is additive, then writes one value per name/value pair. */
function listOperations(hive: GpHive, element: AdmxList, pairs: readonly string[]): GpOperation[] {
	if (pairs.length % 2 !== 0) {
		throw new AdmxRegistryError(`${element.id} takes name/value pairs, and ${pairs.length} strings are not whole pairs`);
	}
	const type = singleType(element);
	const operations: GpOperation[] = element.additive ? [] : [{ kind: 'deleteAllValues', hive, key: element.key }];
	for (let i = 0; i < pairs.length; i += 2) {
		operations.push({ kind: 'set', hive, key: element.key, name: pairs[i], type, data: pairs[i + 1] });
	}
	return operations;
}

function elementOperations(hive: GpHive, element: AdmxElement, value: string | readonly string[]): GpOperation[] {
	const { key } = element;
	switch (element.type) {
		case 'text':
		case 'decimal':
		case 'longDecimal':
			return [{ kind: 'set', hive, key, name: element.valueName, type: singleType(element), data: one(element, value) }];
		case 'multiText':
			return [{ kind: 'set', hive, key, name: element.valueName, type: 'REG_MULTI_SZ', data: several(element, value) }];
		case 'boolean':
			return booleanOperations(hive, element, one(element, value));
		case 'enum':
			return enumOperations(hive, element, one(element, value));
		case 'list':
			return listOperations(hive, element, several(element, value));
	}
}

/**
 * What the Group Policy editor writes for an ADMX policy set to `state` under `hive`. Enabled
 * writes the policy value, the enabledList, then each element that has a value in `values`.
 * Disabled writes the disabled value and the disabledList, and deletes each element's value (every
 * value of a list's key), as the editor does for Remote Assistance (INFERRED, see gpOperations).
 * Not configured writes nothing, so it is not a state here.
 */
export function admxRegistryOperations(policy: AdmxPolicy, hive: GpHive, state: 'enabled' | 'disabled', values: AdmxValues): GpOperation[] {
	if (!HIVES[policy.class].includes(hive)) {
		throw new AdmxRegistryError(`${policy.name} has class="${policy.class}", so it is written under ${HIVES[policy.class].join(' or ')}, not ${hive}`);
	}
	const enabled = state === 'enabled';
	const operations: GpOperation[] = [];
	if (policy.valueName !== undefined) {
		const value = (enabled ? policy.enabledValue : policy.disabledValue) ?? IMPLICIT[state];
		operations.push(valueOperation(hive, policy.key, policy.valueName, value));
	}
	append(operations, listItemOperations(hive, enabled ? policy.enabledList : policy.disabledList));
	for (const element of policy.elements) {
		if (!enabled) {
			operations.push(element.type === 'list'
				? { kind: 'deleteAllValues', hive, key: element.key }
				: { kind: 'delete', hive, key: element.key, name: element.valueName });
			continue;
		}
		const value = values.get(element.id);
		if (value !== undefined) {
			append(operations, elementOperations(hive, element, value));
		}
	}
	return operations;
}
