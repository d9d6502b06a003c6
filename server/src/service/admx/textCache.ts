/**
 * What was read from texts, kept by the text itself while the texts together hold at most
 * `budget` characters; the least recently used go first. A bound on the characters rather than on
 * the number of texts keeps every file of a profile that ingests dozens of small ones, where a
 * count would drop and read them all again on each edit, and still bounds the memory a few large
 * ones take.
 */
export class TextCache<T> {
	private readonly entries = new Map<string, T>();
	private held = 0;

	constructor(private readonly budget: number) {}

	/** What is kept for `text`, now the most recently used; undefined when nothing is. */
	get(text: string): T | undefined {
		const value = this.entries.get(text);
		if (value !== undefined) {
			// Map keeps insertion order: set again, the entry is the newest.
			this.entries.delete(text);
			this.entries.set(text, value);
		}
		return value;
	}

	/** What is kept for `text`, made by `make` and kept when nothing is; a text larger than the whole budget is not kept. */
	use(text: string, make: () => T): T {
		const known = this.get(text);
		if (known !== undefined) {
			return known;
		}
		const value = make();
		if (text.length <= this.budget) {
			this.entries.set(text, value);
			this.held += text.length;
			for (const oldest of this.entries.keys()) {
				if (this.held <= this.budget) {
					break;
				}
				this.entries.delete(oldest);
				this.held -= oldest.length;
			}
		}
		return value;
	}
}
