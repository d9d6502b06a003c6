/**
 * Adds the items to the end of `target` one at a time. `push(...items)` passes every item as an
 * argument, which overflows the stack once a file makes the list long enough.
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
	for (const item of items) {
		target.push(item);
	}
	return target;
}
