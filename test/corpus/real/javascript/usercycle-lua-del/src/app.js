//
// APPLICATION ENTRY POINT
//

// XXX: RUNTIME POLYFILL: Required for generators and others
import 'babel/polyfill';

// XXX: RUNTIME POLYFILL: Required for promise finally support
import 'promise.prototype.finally';

import os from 'os';
import express from 'express';
import bodyParser from 'body-parser';
import cluster from 'cluster';
import config from 'config';
import mongoose from 'mongoose';
import kue from 'kue';
import queue from './lib/queue';
import luaManager from './lib/luaManager';
import * as processors from './processors/index';


function resetCounts() {
  luaManager.run('del', ['count:*']).then((count) => {
    console.log(`Reset ${count} counts`);
  });
};
