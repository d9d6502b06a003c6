/**
 * Results computed for a stretch of text in its own offsets, moved to where the stretch now sits.
 * The last placement of each result is kept, so a result that stays put is not moved again.
 */
export function placement<R extends object, T>(move: (result: R, start: number) => T): (result: R, start: number) => T {
	const placed = new WeakMap<R, { start: number; value: T }>();
	return (result, start) => {
		const known = placed.get(result);
		if (known?.start === start) {
			return known.value;
		}
		const value = move(result, start);
		placed.set(result, { start, value });
		return value;
	};
}
