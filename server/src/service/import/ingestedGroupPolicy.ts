import type { AdmxElement, AdmxListItem, AdmxPolicy, AdmxValue } from '../admx/admxModel';
import type { ResolvedIngested } from '../export/resolve';
import { enumChoiceText } from '../gpo/admxRegistry';
import type { KeyState, ValueSlot } from '../gpo/registryState';
import { configNode } from '../ingestion/configUri';
import { indexIngestions, type IngestedPolicy, type IngestionInstall } from '../ingestion/ingestionIndex';

/**
 * What Group Policy records leave of the policies of ingested ADMX files: the reading
 * `admxRegistryOperations` writes, turned round. A Group Policy file sets machine policy, so only
 * policies of class Machine or Both are read, at their `./Device/` node.
 */

/** A policy without a value of its own writes DWORD 1 when enabled and deletes the value when disabled (as admxRegistry.ts writes it). */
const IMPLICIT_ENABLED: AdmxValue = { kind: 'decimal', value: 1 };
const IMPLICIT_DISABLED: AdmxValue = { kind: 'delete' };
/** A checkbox without values of its own: DWORD 1 and 0. */
const IMPLICIT_TRUE: AdmxValue = { kind: 'decimal', value: 1 };
const IMPLICIT_FALSE: AdmxValue = { kind: 'decimal', value: 0 };

type Keys = ReadonlyMap<string, KeyState>;

function slotOf(keys: Keys, key: string, name: string): ValueSlot | undefined {
	return keys.get(key.toLowerCase())?.values.get(name.toLowerCase());
}

/** Whether the slot holds what an ADMX value writes: the number or string with its type, or a deletion. */
function holds(slot: ValueSlot | undefined, value: AdmxValue): slot is ValueSlot {
	if (!slot) {
		return false;
	}
	if (value.kind === 'delete') {
		return slot.value === undefined;
	}
	const data = slot.value;
	switch (value.kind) {
		case 'decimal':
			return data?.type === 'REG_DWORD' && data.data === String(value.value);
		case 'longDecimal':
			return data?.type === 'REG_QWORD' && data.data === value.value;
		case 'string':
			return (data?.type === 'REG_SZ' || data?.type === 'REG_EXPAND_SZ') && data.data === value.value;
	}
}

function listHolds(keys: Keys, items: readonly AdmxListItem[]): boolean {
	return items.length > 0 && items.every((item) => holds(slotOf(keys, item.key, item.valueName), item.value));
}

/** `key\name` in lower case, as the registry compares them. */
const valueId = (key: string, name: string) => `${key}\\${name}`.toLowerCase();

/** The values the policy writes by name: its own, its lists' and its named elements'; a list under the same key leaves them out. */
function namedValues(policy: AdmxPolicy): Set<string> {
	const named = new Set<string>();
	if (policy.valueName !== undefined) {
		named.add(valueId(policy.key, policy.valueName));
	}
	for (const item of [...policy.enabledList, ...policy.disabledList]) {
		named.add(valueId(item.key, item.valueName));
	}
	for (const element of policy.elements) {
		if (element.type !== 'list') {
			named.add(valueId(element.key, element.valueName));
		}
	}
	return named;
}

/** The slots an element writes: its value, or a list's values under its key in the order written. */
function elementSlots(keys: Keys, element: AdmxElement, named: ReadonlySet<string>): ValueSlot[] {
	if (element.type !== 'list') {
		const slot = slotOf(keys, element.key, element.valueName);
		return slot ? [slot] : [];
	}
	const values = keys.get(element.key.toLowerCase())?.values;
	return values ? [...values.values()].filter((s) => !named.has(valueId(element.key, s.name))).sort((a, b) => a.order - b.order) : [];
}

/** An element's value as a profile resolves it, when the records set it with the element's type; see AdmxValues. */
function elementValue(keys: Keys, element: AdmxElement, named: ReadonlySet<string>): string | readonly string[] | undefined {
	if (element.type === 'list') {
		const pairs: string[] = [];
		for (const slot of elementSlots(keys, element, named)) {
			if (slot.value) {
				pairs.push(slot.name, slot.value.data);
			}
		}
		return pairs.length > 0 ? pairs : undefined;
	}
	const slot = slotOf(keys, element.key, element.valueName);
	const data = slot?.value;
	if (!data) {
		return undefined;
	}
	switch (element.type) {
		case 'text':
			return data.type === 'REG_SZ' || data.type === 'REG_EXPAND_SZ' ? data.data : undefined;
		case 'decimal':
			return data.type === (element.storeAsText ? 'REG_SZ' : 'REG_DWORD') ? data.data : undefined;
		case 'longDecimal':
			return data.type === (element.storeAsText ? 'REG_SZ' : 'REG_QWORD') ? data.data : undefined;
		case 'multiText':
			return data.type === 'REG_MULTI_SZ' ? (data.data === '' ? [] : data.data.split('\0')) : undefined;
		case 'boolean':
			return holds(slot, element.trueValue ?? IMPLICIT_TRUE) ? 'true' : holds(slot, element.falseValue ?? IMPLICIT_FALSE) ? 'false' : undefined;
		case 'enum': {
			const item = element.items.find((i) => holds(slot, i.value));
			return item && enumChoiceText(item);
		}
	}
}

/** The policy's state as the records leave it, and the slot that tells it; undefined when they do not set it. */
function stateOf(keys: Keys, policy: AdmxPolicy, named: ReadonlySet<string>): { state: 'enabled' | 'disabled'; slot: ValueSlot } | undefined {
	if (policy.valueName !== undefined) {
		const slot = slotOf(keys, policy.key, policy.valueName);
		if (!slot) {
			return undefined;
		}
		// An element writing the policy's own value (MakeMeAdmin does) overwrites the enabled value.
		const own = valueId(policy.key, policy.valueName);
		const overwritten = slot.value !== undefined && policy.elements.some((e) => e.type !== 'list' && valueId(e.key, e.valueName) === own);
		if (overwritten || holds(slot, policy.enabledValue ?? IMPLICIT_ENABLED)) {
			return { state: 'enabled', slot };
		}
		return holds(slot, policy.disabledValue ?? IMPLICIT_DISABLED) ? { state: 'disabled', slot } : undefined;
	}
	// A policy of elements alone is on when its lists or elements are written, off when they are deleted.
	const listed = (items: readonly AdmxListItem[]) => (listHolds(keys, items) ? slotOf(keys, items[0].key, items[0].valueName) : undefined);
	const on = listed(policy.enabledList);
	if (on) {
		return { state: 'enabled', slot: on };
	}
	const off = listed(policy.disabledList);
	if (off) {
		return { state: 'disabled', slot: off };
	}
	// Written with its elements' types, that is: another policy may write the same value name with another type (Firefox's Preferences and PreferencesOneLine).
	const read = policy.elements.find((e) => elementValue(keys, e, named) !== undefined);
	if (read) {
		const slots = elementSlots(keys, read, named);
		return { state: 'enabled', slot: slots.find((s) => s.value !== undefined) ?? slots[0] };
	}
	const deleted = policy.elements.flatMap((e) => elementSlots(keys, e, named)).find((s) => s.value === undefined);
	return deleted && { state: 'disabled', slot: deleted };
}

/** The registry keys each policy writes under, in lower case: the way in from a file's keys to the policies that may be set. */
type KeyIndex = ReadonlyMap<string, readonly IngestedPolicy[]>;

const keyIndexes = new WeakMap<readonly IngestionInstall[], KeyIndex>();

/** The index of the installs' machine policies by key, made once for each list of installs. */
function keyIndexOf(installs: readonly IngestionInstall[]): KeyIndex {
	let index = keyIndexes.get(installs);
	if (!index) {
		const byKey = new Map<string, IngestedPolicy[]>();
		for (const app of indexIngestions(installs).values()) {
			for (const file of app.files) {
				for (const policy of file.admx.policies) {
					if (policy.class === 'User') {
						continue;
					}
					const keys = new Set([policy.key, ...policy.elements.map((e) => e.key), ...policy.enabledList.map((i) => i.key), ...policy.disabledList.map((i) => i.key)].map((k) => k.toLowerCase()));
					for (const key of keys) {
						const listed = byKey.get(key);
						const entry = { app: app.app, policy, file: file.admx, adml: file.adml };
						if (listed) {
							listed.push(entry);
						} else {
							byKey.set(key, [entry]);
						}
					}
				}
			}
		}
		index = byKey;
		keyIndexes.set(installs, index);
	}
	return index;
}

/**
 * The policies of the ingested ADMX files that the records set, each placed at the record that
 * tells its state. Only policies writing under a key the records touch are looked at, so the
 * work follows the file, not the number of policies ingested.
 */
export function ingestedGroupPolicy(keys: Keys, installs: readonly IngestionInstall[]): ResolvedIngested[] {
	const index = keyIndexOf(installs);
	const seen = new Set<AdmxPolicy>();
	const found: ResolvedIngested[] = [];
	for (const key of keys.keys()) {
		for (const target of index.get(key) ?? []) {
			if (seen.has(target.policy)) {
				continue;
			}
			seen.add(target.policy);
			const named = namedValues(target.policy);
			const read = stateOf(keys, target.policy, named);
			if (!read) {
				continue;
			}
			const values = new Map<string, string | readonly string[]>();
			if (read.state === 'enabled') {
				for (const element of target.policy.elements) {
					const value = elementValue(keys, element, named);
					if (value !== undefined) {
						values.set(element.id, value);
					}
				}
			}
			const node = configNode(target.file, target.policy, target.app).uris.find((u) => u.scope === 'Device');
			if (node) {
				found.push({ kind: 'ingested', key: `${target.app}/${target.policy.name}`, target, scope: 'Device', omaUri: node.uri, state: read.state, values, span: read.slot.at, nameSpan: read.slot.at });
			}
		}
	}
	return found;
}
