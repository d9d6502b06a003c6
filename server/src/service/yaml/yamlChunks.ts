/** One `---` document of a file with the text it spans; the first has no marker line. */
export interface TextChunk {
	readonly start: number;
	readonly text: string;
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Cuts a YAML stream at its document markers. YAML ends every document at a `---` in the first
 * column (block scalars included), so each piece parses alone exactly as it does in the stream.
 */
export function splitChunks(text: string): TextChunk[] {
	const starts = [0];
	MARKER.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = MARKER.exec(text)) !== null) {
		if (match.index > 0) {
			starts.push(match.index);
		}
	}
	return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}
