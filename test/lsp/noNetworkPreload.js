// Loaded into the server with --require: any attempt to reach a network is recorded on stderr
// and refused, so a test can prove the server never tries.
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

function refuse(what) {
	return function refused() {
		process.stderr.write(`NETWORK-ATTEMPT ${what}\n`);
		throw new Error(`network access refused: ${what}`);
	};
}
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
globalThis.fetch = refuse('fetch');
