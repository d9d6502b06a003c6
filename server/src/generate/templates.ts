/**
 * The source of server/src/service/profile/profileTemplates.ts: the files of templates/ as strings,
 * so the language server offers them as whole-profile snippets from its own bundle.
 */
export function buildTemplatesModule(templates: readonly { file: string; text: string }[]): string {
	const entries = templates.map(({ file, text }) => `\t{ file: ${JSON.stringify(file)}, text: ${JSON.stringify(text)} },\n`).join('');
	return [
		'// Generated from templates/*.rapolicy.yaml by `npm run generate`; edit the templates, not this file.\n',
		'\n',
		'/** The starting profiles of templates/, for the whole-profile snippets. */\n',
		'export const PROFILE_TEMPLATES: readonly { readonly file: string; readonly text: string }[] = [\n',
		entries,
		'];\n',
	].join('');
}
