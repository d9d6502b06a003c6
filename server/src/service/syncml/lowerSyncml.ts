import { payloadDefault } from '../catalog/catalog';
import { catalogAsAdmx } from '../catalog/catalogAdmx';
import type { PolicyElement } from '../catalog/types';
import type { PolicySetting } from '../model/policyModel';
import { payloadOptions } from '../policy/payloadOptions';
import type { PolicyEditWriter } from '../policy/policyRules';
import type { TextEdit } from '../problems/problem';
import { escapeAttribute, sourceSpan } from '../xml/entities';
import { dataItemXml, forForm, LIST_SEPARATOR } from '../mdm/payloadText';
import type { RaItem } from './raItem';
import type { SyncmlData } from './syncmlModel';

/** Where a setting's payload lives, so fixes can write into it in its own escaping. */
interface PayloadPlace {
	readonly data: SyncmlData;
	/** Source offset after the last payload element. */
	readonly insertAt: number;
}

/** Writes the edits of policy-level fixes into a SyncML payload, in the payload's own escaping. */
export class SyncmlEditWriter implements PolicyEditWriter {
	readonly aliases = false;
	readonly places = new Map<PolicySetting, PayloadPlace>();

	constructor(readonly source: string) {}

	text(value: string): string {
		return escapeAttribute(value);
	}

	singleEntryList(value: string): string {
		return escapeAttribute(`${value}${LIST_SEPARATOR}${value}`);
	}

	addOptions(setting: PolicySetting, elements: readonly PolicyElement[]): TextEdit[] {
		const place = this.places.get(setting);
		if (!place) {
			return [];
		}
		const items = elements.map((e) => dataItemXml(e.id, payloadDefault(e))).join('');
		return [{ span: { start: place.insertAt, end: place.insertAt }, newText: forForm(items, place.data.form) }];
	}

	// A SyncML setting always has its state in the payload and no options key, so the rules that
	// would add a state or remove an options block never fire for it.
	removeOptions(): TextEdit[] {
		return [];
	}

	addState(): TextEdit[] {
		return [];
	}
}

/**
 * What a Remote Assistance item sets, in the policy model: Delete is not-configured, a readable
 * payload is enabled (with its options) or disabled. A device's Results item lowers the same way,
 * as what the device reports it has. Items that set nothing (reads, Exec, writes to Result nodes,
 * missing or unreadable payloads, unknown policies) lower to nothing; the rules say why.
 */
export function lowerItem(entry: RaItem, writer: SyncmlEditWriter): PolicySetting | undefined {
	const { command, item, ra, name, payload } = entry;
	const definition = ra.policy;
	if (!definition || (ra.node !== 'Config' && command.name !== 'Results')) {
		return undefined;
	}
	const span = { start: item.element.start, end: item.element.end };
	if (command.name === 'Delete') {
		return { name, definition, state: { kind: 'scalar', value: 'not-configured', quoted: false, start: name.start, end: name.end }, options: [], optionsKey: undefined, span };
	}
	if (!payload?.state || !item.data) {
		return undefined;
	}
	const data = item.data;
	if (payload.state.value === 'disabled') {
		return { name, definition, state: { kind: 'scalar', value: 'disabled', quoted: false, ...payload.state.span }, options: [], optionsKey: undefined, span };
	}
	const options = payloadOptions(payload.items, catalogAsAdmx(definition).elements);
	const setting: PolicySetting = { name, definition, state: { kind: 'scalar', value: 'enabled', quoted: false, ...payload.state.span }, options, optionsKey: payload.state.span, span };
	writer.places.set(setting, { data, insertAt: sourceSpan(data.decoded, payload.insertAt, payload.insertAt).start });
	return setting;
}
