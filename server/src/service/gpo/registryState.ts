import type { GpPlace, GpRecord, RegistryType } from './registryOperation';

/** One value of a key after the records are applied: set, or deleted by a record. Its place is the record's that last changed it. */
export interface ValueSlot extends GpPlace {
	readonly name: string;
	readonly value: { readonly type: RegistryType; readonly data: string } | undefined;
	/** In the order values were last written, so lists keep their entries' order. */
	readonly order: number;
}

export interface KeyState {
	readonly key: string;
	/** By value name in lower case: registry names ignore case. */
	readonly values: Map<string, ValueSlot>;
	/** The last record that deleted every value of the key. */
	cleared: GpPlace | undefined;
}

/**
 * What a list of Group Policy records leaves: each key's values, set or deleted, as the client
 * applies them in order. Keys and value names compare without case, as the registry does.
 */
export function applyRecords(records: readonly GpRecord[]): Map<string, KeyState> {
	const keys = new Map<string, KeyState>();
	let order = 0;
	const keyState = (key: string): KeyState => {
		const id = key.toLowerCase();
		let state = keys.get(id);
		if (!state) {
			state = { key, values: new Map(), cleared: undefined };
			keys.set(id, state);
		}
		return state;
	};
	for (const record of records) {
		switch (record.kind) {
			case 'set': {
				const values = keyState(record.key).values;
				values.delete(record.name.toLowerCase());
				values.set(record.name.toLowerCase(), { name: record.name, value: { type: record.type, data: record.data }, where: record.where, at: record.at, order: order++ });
				break;
			}
			case 'delete':
				keyState(record.key).values.set(record.name.toLowerCase(), { name: record.name, value: undefined, where: record.where, at: record.at, order: order++ });
				break;
			case 'deleteAllValues': {
				const state = keyState(record.key);
				for (const [id, slot] of state.values) {
					state.values.set(id, { ...slot, value: undefined, where: record.where, at: record.at });
				}
				state.cleared = { where: record.where, at: record.at };
				break;
			}
			case 'forget':
				if (record.name === undefined) {
					keys.delete(record.key.toLowerCase());
				} else {
					keys.get(record.key.toLowerCase())?.values.delete(record.name.toLowerCase());
				}
				break;
		}
	}
	return keys;
}
