import { catalogAsAdmx } from '../catalog/catalogAdmx';
import type { PolicyDefinition, PolicyElement } from '../catalog/types';
import type { OptionValue } from '../model/policyModel';
import { checkValue, type ValueEditWriter } from '../policy/checkValue';
import type { Problem } from '../problems/problem';
import type { ResolvedPolicy } from '../export/resolve';
import type { GpRecord } from '../gpo/registryOperation';
import { applyRecords, type KeyState, type ValueSlot } from '../gpo/registryState';

const NO_SPAN = { start: 0, end: 0 };

/** Registry values are text with no source to point into, so the check's fixes are not offered. */
const REGISTRY_VALUES: ValueEditWriter = { aliases: false, text: (value) => value, singleEntryList: (value) => value, source: '' };

/** Reads the registry the records leave as the catalog's policies, and names what it left out. */
class Lowering {
	/** Keys (`key`) and values (`key\name`), in lower case, that a policy of the catalog owns. */
	private readonly claimed = new Set<string>();

	constructor(private readonly keys: Map<string, KeyState>, private readonly skipped: string[], private readonly notes: string[]) {}

	private slot(key: string, name: string): ValueSlot | undefined {
		this.claimed.add(`${key}\\${name}`.toLowerCase());
		return this.keys.get(key.toLowerCase())?.values.get(name.toLowerCase());
	}

	private listKey(key: string): KeyState | undefined {
		this.claimed.add(key.toLowerCase());
		return this.keys.get(key.toLowerCase());
	}

	/** The policy as the records set it, or undefined when they do not set it. */
	policy(policy: PolicyDefinition): { resolved: ResolvedPolicy; order: number } | undefined {
		const switchValue = this.slot(policy.registryKey, policy.registryValueName);
		const elements = policy.elements.map((element) => ({ element, ...this.elementValue(element) }));
		const touched = elements.filter((e) => e.slot !== undefined);
		const order = touched.reduce((first, e) => Math.min(first, e.slot?.order ?? Infinity), switchValue?.order ?? Infinity);
		const named = `${policy.name}: ${policy.registryValueName}`;
		if (switchValue?.value) {
			const { type, data } = switchValue.value;
			const state = type !== 'REG_DWORD' ? undefined : data === String(policy.enabledValue) ? 'enabled' : data === String(policy.disabledValue) ? 'disabled' : undefined;
			if (!state) {
				this.skipped.push(`${switchValue.where}: ${named} is ${type} ${data}; the policy is on with REG_DWORD ${policy.enabledValue} and off with ${policy.disabledValue}, so it is left out`);
				return undefined;
			}
			const values = new Map<string, string | readonly string[]>();
			if (state === 'enabled') {
				for (const { element, slot, value } of elements) {
					if (value !== undefined) {
						values.set(element.id, value);
					} else if (slot?.value) {
						this.skipped.push(`${slot.where}: ${policy.name}: ${element.type === 'list' ? `an entry of ${element.id}` : slot.name} is ${slot.value.type}, not ${element.registryType}; the option ${element.id} is left out`);
					}
				}
			}
			this.checkValues(policy, values, (id) => elements.find((e) => e.element.id === id)?.slot?.where ?? switchValue.where);
			// The record of the policy's own value is where the file sets it.
			return { resolved: { kind: 'builtin', policy, state, values, span: switchValue.at, nameSpan: switchValue.at }, order };
		}
		const sets = touched.filter((e) => e.slot?.value);
		if (sets.length > 0) {
			this.skipped.push(`${sets[0].slot?.where}: ${policy.name}: its options are set but ${policy.registryValueName} is not, so Group Policy reads it as not configured; left out`);
			return undefined;
		}
		const deleted = switchValue ?? touched[0]?.slot;
		if (deleted) {
			this.notes.push(`${deleted.where}: ${named} is deleted, not set to ${policy.disabledValue}; read as disabled, as Group Policy reads a policy's deletions`);
			return { resolved: { kind: 'builtin', policy, state: 'disabled', values: new Map(), span: deleted.at, nameSpan: deleted.at }, order };
		}
		return undefined;
	}

	/** Values read from the registry, through the check every source's values take; what it finds is a note, and the profile keeps the values for the editor to show. */
	private checkValues(policy: PolicyDefinition, values: ReadonlyMap<string, string | readonly string[]>, where: (id: string) => string): void {
		const scalar = (text: string): OptionValue => ({ kind: 'scalar', value: text, quoted: false, ...NO_SPAN });
		const options = new Map([...values].map(([id, value]) => [id, typeof value === 'string' ? scalar(value) : { kind: 'list' as const, items: value.map(scalar), ...NO_SPAN }]));
		const elements = catalogAsAdmx(policy).elements;
		const siblings = { element: (id: string) => elements.find((e) => e.id === id), value: (id: string) => options.get(id) };
		for (const element of elements) {
			const option = options.get(element.id);
			const problems: Problem[] = [];
			if (option) {
				checkValue(element, option, { writer: REGISTRY_VALUES, siblings }, problems);
			}
			for (const problem of problems) {
				this.notes.push(`${where(element.id)}: ${policy.name}: ${problem.message}`);
			}
		}
	}

	/**
	 * An element's value when the records set it with the element's type, and the slot that
	 * decided it. A list is its key's values in the order written; a cleared key with no
	 * value left counts as deleted.
	 */
	private elementValue(element: PolicyElement): { slot?: ValueSlot; value?: string | readonly string[] } {
		if (element.type !== 'list') {
			const slot = this.slot(element.registryKey, element.valueName);
			return { slot, value: slot?.value?.type === element.registryType ? slot.value.data : undefined };
		}
		const key = this.listKey(element.registryKey);
		const entries = [...(key?.values.values() ?? [])].filter((s) => s.value).sort((a, b) => a.order - b.order);
		if (!key || entries.length === 0) {
			const deleted = key?.values.values().next().value;
			const place = deleted ?? key?.cleared;
			return place ? { slot: { name: '*', value: undefined, where: place.where, at: place.at, order: deleted?.order ?? Infinity } } : {};
		}
		const wrong = entries.find((s) => s.value?.type !== element.registryType);
		return wrong ? { slot: wrong } : { slot: entries[0], value: entries.map((s) => s.value?.data ?? '') };
	}

	/** Every set or deleted value no policy of the catalog owns. */
	unclaimed(): void {
		for (const state of this.keys.values()) {
			if (this.claimed.has(state.key.toLowerCase())) {
				continue;
			}
			if (state.cleared && state.values.size === 0) {
				this.skipped.push(`${state.cleared.where}: HKLM\\${state.key}: deletes every value of a key no Remote Assistance policy uses`);
			}
			for (const slot of state.values.values()) {
				if (!this.claimed.has(`${state.key}\\${slot.name}`.toLowerCase())) {
					this.skipped.push(`${slot.where}: HKLM\\${state.key}\\${slot.name}: not a Remote Assistance policy value`);
				}
			}
		}
	}
}

/**
 * The catalog's policies as Group Policy records set them. A policy value at its enabled or
 * disabled number gives the state, with the elements' values when enabled; deletions without
 * the policy value read as disabled; options without it, and values no policy owns, are named
 * in `skipped`; readings that are not plain are said in `notes`. Policies come in the order the
 * records first touch them.
 */
export function lowerGroupPolicy(records: readonly GpRecord[], policies: readonly PolicyDefinition[], skipped: string[], notes: string[]): ResolvedPolicy[] {
	const lowering = new Lowering(applyRecords(records), skipped, notes);
	const found = policies.map((p) => lowering.policy(p)).filter((p) => p !== undefined);
	lowering.unclaimed();
	return found.sort((a, b) => a.order - b.order).map((p) => p.resolved);
}
