import net from 'node:net';

/** A loopback port nothing listens on, for a code-server of the tests' own. */
export function freePort() {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}
