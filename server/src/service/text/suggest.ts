/** Edit distance with an early exit once `limit` is exceeded; good enough for short identifiers. */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
	if (Math.abs(a.length - b.length) > limit) {
		return limit + 1;
	}
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			current.push(value);
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > limit) {
			return limit + 1;
		}
		previous = current;
	}
	return previous[b.length];
}

/**
 * Names longer than this are not compared letter by letter: no identifier is, and the comparison
 * costs the product of the two lengths.
 */
const MAX_COMPARED = 256;

/**
 * The candidate the user most likely meant: an exact case-insensitive match first, then the
 * closest by edit distance (ignoring case, dashes and underscores) within a third of its length.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
	const lower = word.toLowerCase();
	const exact = candidates.find((c) => c.toLowerCase() === lower);
	if (exact !== undefined) {
		return exact;
	}
	const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
	const target = norm(word);
	let best: string | undefined;
	let bestDistance = Number.MAX_SAFE_INTEGER;
	for (const candidate of candidates) {
		const normalized = norm(candidate);
		if (normalized.length > MAX_COMPARED || target.length > MAX_COMPARED) {
			continue;
		}
		const limit = Math.max(1, Math.floor(Math.max(normalized.length, target.length) / 3));
		const distance = editDistance(target, normalized, limit);
		if (distance <= limit && distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	if (best !== undefined) {
		return best;
	}
	// A word cut short, such as remote for remote-control, when it starts only one candidate.
	const starting = target.length >= 3 ? candidates.filter((c) => norm(c).startsWith(target)) : [];
	return starting.length === 1 ? starting[0] : undefined;
}
