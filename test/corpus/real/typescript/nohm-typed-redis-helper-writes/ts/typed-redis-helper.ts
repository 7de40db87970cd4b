import { Multi, RedisClient } from 'redis';
import * as IORedis from 'ioredis';

export const errorMessage =
  'Supplied redis client does not have the correct methods.';

export function get(
  client: RedisClient | Multi,
  key: string,
): Promise<string | null> {
  return new Promise<string | null>((resolve, reject) => {
    if (!client.get) {
      return reject(new Error(errorMessage));
    }
    client.get(key, (err, value) => {
      if (err) {
        reject(err);
      } else {
        resolve(value && String(value));
      }
    });
  });
}

export function exists(
  client: RedisClient | Multi,
  key: string,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    if (!client.exists) {
      return reject(new Error(errorMessage));
    }
    client.exists(key, (err, reply) => {
      if (err) {
        reject(err);
      } else {
        resolve(reply);
      }
    });
  });
}

export function del(
  client: RedisClient | Multi,
  key: string | Array<string>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!client.del) {
      return reject(new Error(errorMessage));
    }
    client.del(key, (err) => {
      if (err) {
        reject(err);
      } else {
        resolve();
      }
    });
  });
}

export function set(
  client: RedisClient | Multi,
  key: string,
  value: string,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!client.set) {
      return reject(new Error(errorMessage));
    }
    client.set(key, value, (err) => {
      if (err) {
        reject(err);
      } else {
        resolve();
      }
    });
  });
}

export function mset(
  client: RedisClient | Multi,
  keyValueArrayOrString: string | Array<string>,
  ...keyValuePairs: Array<string>
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!client.mset) {
      return reject(new Error(errorMessage));
    }
    client.mset.apply(client, [
      keyValueArrayOrString,
      ...keyValuePairs,
      (err: Error | null) => {
        if (err) {
          reject(err);
        } else {
          resolve();
        }
      },
    ]);
  });
}

export function setnx(
  client: RedisClient | Multi,
  key: string,
  value: string,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    if (!client.setnx) {
      return reject(new Error(errorMessage));
    }
    client.setnx(key, value, (err, reply) => {
      if (err) {
        reject(err);
      } else {
        resolve(reply);
      }
    });
  });
}

export function smembers(
  client: RedisClient | Multi,
  key: string,
): Promise<Array<string>> {
  return new Promise<Array<string>>((resolve, reject) => {
    if (!client.smembers) {
      return reject(new Error(errorMessage));
    }
    client.smembers(key, (err, values) => {
