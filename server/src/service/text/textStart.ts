/**
 * A document's text as the language checks read it: its first `chars` characters, or all of it
 * without a count. Telling a file's language mostly needs only its start, and an editor's copy can
 * give that without joining the whole text.
 */
export type TextStart = (chars?: number) => string;

export function textStart(text: string | TextStart): TextStart {
	return typeof text === 'string' ? (chars) => (chars === undefined ? text : text.slice(0, chars)) : text;
}
