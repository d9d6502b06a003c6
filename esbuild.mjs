import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** One bundle per entry point, so the extension and both bins run without node_modules. */
const options = {
	entryPoints: {
		'client/extension': 'client/src/extension.ts',
		'server/serverMain': 'server/src/node/serverMain.ts',
		'cli/cli': 'server/src/cli/cli.ts',
	},
	bundle: true,
	outdir: 'dist',
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	external: ['vscode'],
	sourcemap: !production,
	minify: production,
	legalComments: 'external',
	logLevel: 'warning',
};

if (watch) {
	const context = await esbuild.context(options);
	await context.watch();
} else {
	await esbuild.build(options);
}
