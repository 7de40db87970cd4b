// The shop's use of Valkey: where the sandbox's keys come from. Open this file and the lint marks
// the writes without a TTL; run the TTL audit on valkey-cluster and its "Written in" column links
// each prefix back to the line here that writes it.
const Valkey = require('iovalkey');

// Connect through Sentinel with what the app ConfigMap (app-valkey-config) provides.
const valkey = new Valkey({
  sentinels: [{ host: process.env.VALKEY_SENTINEL_HOST, port: Number(process.env.VALKEY_SENTINEL_PORT) }],
  name: 'mymaster',
});

// Sessions and caches expire.
async function startSession(id, userId) {
  await valkey.set(`session:${id}`, JSON.stringify({ userId, createdAt: Date.now() }), 'EX', 1800);
}

async function cacheProduct(product) {
  await valkey.set(`cache:product:${product.id}`, JSON.stringify(product), 'EX', 3600);
}

async function countRequest(ip) {
  await valkey.set(`rate:ip:${ip}`, '1', 'EX', 60, 'NX');
}

// These never expire: the TTL audit shows them without a TTL, written here.
async function saveProfile(id, profile) {
  await valkey.hset(`user:${id}:profile`, profile);
}

async function addToCart(userId, sku) {
  await valkey.hincrby(`cart:${userId}`, sku, 1);
}

async function tagProduct(id, tags) {
  await valkey.sadd(`tags:product:${id}`, ...tags);
}

async function setGreeting(text) {
  await valkey.set('greeting', text);
}

module.exports = { startSession, cacheProduct, countRequest, saveProfile, addToCart, tagProduct, setGreeting };
