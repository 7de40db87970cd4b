export function psubscribe(
  client: RedisClient,
  patternOrPatternArray: string | Array<string>,
  ...patterns: Array<string>
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!client.psubscribe) {
      return reject(new Error(errorMessage));
    }
    client.psubscribe.apply(client, [
      patternOrPatternArray,
      ...patterns,
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

export function punsubscribe(
  client: RedisClient,
  patternOrPatternArray: string | Array<string>,
  ...patterns: Array<string>
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!client.punsubscribe) {
      return reject(new Error(errorMessage));
    }
    client.punsubscribe.apply(client, [
      patternOrPatternArray,
      ...patterns,
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

export function keys(
  client: RedisClient | Multi,
  searchString: string,
): Promise<Array<string>> {
  return new Promise<Array<string>>((resolve, reject) => {
    if (!client.keys) {
      return reject(new Error(errorMessage));
    }
    client.keys(searchString, (err, value) => {
      if (err) {
        reject(err);
      } else {
        resolve(value);
      }
    });
  });
}

export function zscore(
  client: RedisClient | Multi,
  key: string,
  member: string,
): Promise<number | null> {
  return new Promise<number | null>((resolve, reject) => {
    if (!client.zscore) {
      return reject(new Error(errorMessage));
    }
    client.zscore(key, member, (err, value) => {
      if (err) {
        reject(err);
      } else {
