/**
 * The Lua scripts behind every edit and bulk step. A script runs atomically and is one command,
 * so a compare-and-set is safe on the shared, pipelined session the key browser uses (a WATCH
 * there would watch on behalf of every other reader, and a MULTI would capture their commands).
 * Values are compared by SHA-1 (`redis.sha1hex`), so a large value is never sent back to compare.
 *
 * Replies: `{'ok', …}` applied; `{'type', <type now>}` the key is gone or of another type;
 * `{'changed', <value now or nil>}` the element is not what the user opened.
 */
const TYPE_CHECK = (type: string): string => `local t = redis.call('TYPE', KEYS[1])['ok']
if t ~= '${type}' then return {'type', t} end
`;

/** KEYS[1]; ARGV: sha1 of the value opened, the new value. Keeps the TTL. */
export const STRING_SAVE = `${TYPE_CHECK('string')}local v = redis.call('GET', KEYS[1])
if redis.sha1hex(v) ~= ARGV[1] then return {'changed', v} end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return {'ok'}`;

/** Compares the element `cur` with ARGV[n]: '' means "must not exist", else its sha1. */
const SAME = `local function same(cur, expected)
  if expected == '' then return not cur end
  return cur and redis.sha1hex(cur) == expected
end
`;

/** ARGV: field, sha1 of its value ('' to add a new field), new value. */
export const HASH_SET = `${TYPE_CHECK('hash')}${SAME}local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not same(cur, ARGV[2]) then return {'changed', cur} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return {'ok'}`;

/** ARGV: field, sha1 of its value. */
export const HASH_DELETE = `${TYPE_CHECK('hash')}${SAME}local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur or not same(cur, ARGV[2]) then return {'changed', cur} end
redis.call('HDEL', KEYS[1], ARGV[1])
return {'ok'}`;

/** ARGV: index, sha1 of the element there, new element. */
export const LIST_SET = `${TYPE_CHECK('list')}${SAME}local cur = redis.call('LINDEX', KEYS[1], ARGV[1])
if not cur or not same(cur, ARGV[2]) then return {'changed', cur} end
redis.call('LSET', KEYS[1], ARGV[1], ARGV[3])
return {'ok'}`;

/** ARGV: index, sha1 of the element there, a random tombstone. Removes exactly that element. */
export const LIST_REMOVE = `${TYPE_CHECK('list')}${SAME}local cur = redis.call('LINDEX', KEYS[1], ARGV[1])
if not cur or not same(cur, ARGV[2]) then return {'changed', cur} end
redis.call('LSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('LREM', KEYS[1], 1, ARGV[3])
return {'ok'}`;

/** ARGV: 'left' or 'right', then the elements. Replies the new length. */
export const LIST_PUSH = `${TYPE_CHECK('list')}local cmd = ARGV[1] == 'left' and 'LPUSH' or 'RPUSH'
return {'ok', redis.call(cmd, KEYS[1], unpack(ARGV, 2))}`;

/** ARGV: member. Replies whether it was new. */
export const SET_ADD = `${TYPE_CHECK('set')}return {'ok', redis.call('SADD', KEYS[1], ARGV[1])}`;

/** ARGV: member. */
export const SET_REMOVE = `${TYPE_CHECK('set')}if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return {'changed', false} end
return {'ok'}`;

/** ARGV: old member, new member. The old must still be there; replies whether the new one was already a member. */
export const SET_REPLACE = `${TYPE_CHECK('set')}if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return {'changed', false} end
redis.call('SREM', KEYS[1], ARGV[1])
return {'ok', 1 - redis.call('SADD', KEYS[1], ARGV[2])}`;

/** Scores compare as the server prints them, or as numbers ('1' and '1.0'). */
const SAME_SCORE = `local function samescore(cur, expected)
  if expected == '' then return not cur end
  if not cur then return false end
  if cur == expected then return true end
  local a, b = tonumber(cur), tonumber(expected)
  return a ~= nil and b ~= nil and a == b
end
`;

/** ARGV: member, its score when opened ('' to add a new member), new score. */
export const ZSET_SET = `${TYPE_CHECK('zset')}${SAME_SCORE}local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not samescore(cur, ARGV[2]) then return {'changed', cur} end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return {'ok'}`;

/** ARGV: member, its score when opened. */
export const ZSET_REMOVE = `${TYPE_CHECK('zset')}${SAME_SCORE}local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not cur or not samescore(cur, ARGV[2]) then return {'changed', cur} end
redis.call('ZREM', KEYS[1], ARGV[1])
return {'ok'}`;

/** ARGV: entry id ('*' for a new one), then field, value pairs. Replies the entry's id. */
export const STREAM_ADD = `${TYPE_CHECK('stream')}return {'ok', redis.call('XADD', KEYS[1], unpack(ARGV))}`;

/** ARGV: entry id. */
export const STREAM_DELETE = `${TYPE_CHECK('stream')}if redis.call('XDEL', KEYS[1], ARGV[1]) == 0 then return {'changed', false} end
return {'ok'}`;

/**
 * KEYS: a batch of keys. Replies the server's TIME (seconds, microseconds), then DUMP and PTTL of
 * each key (nil and -2 for a key gone meanwhile), for the undo bundle.
 */
export const DUMP_BATCH = `local out = {}
local now = redis.call('TIME')
out[1] = now[1]
out[2] = now[2]
for i, k in ipairs(KEYS) do
  local d = redis.call('DUMP', k)
  out[#out + 1] = d
  out[#out + 1] = d and redis.call('PTTL', k) or -2
end
return out`;

/**
 * KEYS: a batch of keys; ARGV: for each, its absolute expiry in ms (0: none) and its DUMP payload.
 * A key that exists is left alone and reported; one whose expiry has passed is not restored.
 * Replies per key: 1 restored, 0 existed, -1 expired.
 */
export const RESTORE_BATCH = `local out = {}
local now = redis.call('TIME')
local nowms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
for i, k in ipairs(KEYS) do
  local at = tonumber(ARGV[2 * i - 1])
  if redis.call('EXISTS', k) == 1 then out[i] = 0
  elseif at > 0 and at <= nowms then out[i] = -1
  else
    if at > 0 then redis.call('RESTORE', k, at, ARGV[2 * i], 'ABSTTL') else redis.call('RESTORE', k, 0, ARGV[2 * i]) end
    out[i] = 1
  end
end
return out`;

/** KEYS: a batch of keys; ARGV[1]: seconds. Replies how many of them exist (and now expire). */
export const EXPIRE_BATCH = `local n = 0
for i, k in ipairs(KEYS) do n = n + redis.call('EXPIRE', k, ARGV[1]) end
return n`;

/** KEYS: a batch of keys. Replies the sum of MEMORY USAGE and how many keys still existed. */
export const MEMORY_BATCH = `local total, n = 0, 0
for i, k in ipairs(KEYS) do
  local m = redis.call('MEMORY', 'USAGE', k)
  if m then total = total + m; n = n + 1 end
end
return {total, n}`;
