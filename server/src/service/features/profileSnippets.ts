import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { lineEnd, lineStart } from '../text/lines';
import { PROFILE_TEMPLATES } from '../profile/profileTemplates';
import type { CursorContext } from '../yaml/yamlCursor';

interface ProfileSnippet {
	/** What the user types, such as `rapolicy-locked-down`. */
	readonly prefix: string;
	readonly description: string;
	readonly preview: string;
	/** The template as an LSP snippet: the profile name is the one tab stop. */
	readonly body: string;
}

/** The templates as snippets; the first line `profile: <name>` makes the name a placeholder. */
const SNIPPETS: readonly ProfileSnippet[] = PROFILE_TEMPLATES.map(({ file, text }) => {
	const escape = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
	const body = text.split('\n')
		.map((line) => (line.startsWith('profile: ') ? `profile: \${1:${escape(line.slice('profile: '.length))}}` : escape(line)))
		.join('\n');
	return {
		prefix: `rapolicy-${file.replace(/\.rapolicy\.ya?ml$/, '')}`,
		description: /^description: (.*)$/m.exec(text)?.[1] ?? '',
		preview: text,
		body,
	};
});

/**
 * Whether a whole profile may be inserted at the word being typed: it starts at column 0, nothing
 * but blanks follows it on the line, and its `---` document has no top-level key yet. That is an
 * empty file, a line after comments only, or the start of a document after `---`; never a value,
 * a place inside policies, or a document already begun.
 */
export function profileCanStart(text: string, context: CursorContext): boolean {
	return context.kind === 'key'
		&& context.siblings.size === 0
		&& !context.keyHasColon
		&& text[context.start] !== '#'
		&& lineStart(text, context.start) === context.start
		&& text.slice(context.end, lineEnd(text, context.end)).trim() === '';
}

/** The templates as snippet proposals replacing `range`, with the description and the whole profile shown. */
export function profileSnippets(range: Range): CompletionItem[] {
	return SNIPPETS.map((snippet) => ({
		label: snippet.prefix,
		kind: CompletionItemKind.Snippet,
		detail: 'Whole Remote Assistance profile',
		documentation: { kind: MarkupKind.Markdown, value: `${snippet.description}\n\n\`\`\`yaml\n${snippet.preview}\`\`\`` },
		insertTextFormat: InsertTextFormat.Snippet,
		// The template is written from column 0; its indentation is already the file's.
		insertTextMode: InsertTextMode.asIs,
		textEdit: { range, newText: snippet.body },
	}));
}
