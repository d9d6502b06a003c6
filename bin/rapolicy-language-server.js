#!/usr/bin/env node
require('../dist/server/serverMain.js');
