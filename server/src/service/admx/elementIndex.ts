import type { AdmxElement } from './admxModel';

/**
 * Each policy's elements by id, made on the first lookup: a payload or a profile names the
 * elements it sets one by one, and looking each up among all of them costs the one times the
 * other. Policies are read once per file, so their element lists outlive one check.
 */
const byId = new WeakMap<readonly AdmxElement[], ReadonlyMap<string, AdmxElement>>();

/** The first of `elements` with the id `id`. */
export function elementWithId(elements: readonly AdmxElement[], id: string): AdmxElement | undefined {
	let index = byId.get(elements);
	if (!index) {
		const ids = new Map<string, AdmxElement>();
		for (const element of elements) {
			if (!ids.has(element.id)) {
				ids.set(element.id, element);
			}
		}
		byId.set(elements, ids);
		index = ids;
	}
	return index.get(id);
}
