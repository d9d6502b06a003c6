/** Snippets of whole profiles, made from the files in templates/ so both stay the same. */
export function buildSnippets(templates: readonly { file: string; text: string }[]): Record<string, unknown> {
	const escape = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);
	return Object.fromEntries(templates.map(({ file, text }) => {
		const name = /^profile: (.*)$/m.exec(text)?.[1] ?? file;
		const description = /^description: (.*)$/m.exec(text)?.[1] ?? '';
		const prefix = `rapolicy-${file.replace(/\.rapolicy\.ya?ml$/, '')}`;
		const body = text.split('\n').filter((line, i, all) => i < all.length - 1 || line !== '')
			.map((line) => (line.startsWith('profile: ') ? `profile: \${1:${escape(line.slice('profile: '.length))}}` : escape(line)));
		return [name, { prefix, description, body }];
	}));
}
