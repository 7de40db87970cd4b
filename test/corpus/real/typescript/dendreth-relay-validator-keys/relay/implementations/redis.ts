import { IRedis } from '@/abstraction/redis-interface';
import {
  BalanceProof,
  ProofResultType,
  Validator,
  ValidatorProof,
  BlsDepositData,
  BalancesAccumulatorInput,
  CommitmentMapperInput,
} from '@/types/types';
import { RedisClientType, createClient } from 'redis';
import CONSTANTS from '../../beacon-light-client/plonky2/kv_db_constants.json';

import { Redis as RedisClient, Result } from 'ioredis';
import chalk from 'chalk';
import {
  getDepthByGindex,
  splitIntoBatches,
} from '@dendreth/utils/ts-utils/common-utils';
import { validatorFromValidatorJSON } from '@/utils/converters';
import JSONbig from 'json-bigint';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    deletePattern(pattern: string): Result<string, Context>;
  }
}

export class Redis implements IRedis {
  public readonly client: RedisClient;
  private readonly pubSub: RedisClientType;

  constructor(redisHost: string, redisPort: number) {
    this.client = new RedisClient({
      host: redisHost,
      port: redisPort,
    });

    this.pubSub = createClient({
      url: `redis://${redisHost}:${redisPort}`,
    });

    this.client.defineCommand('deletePattern', {
      numberOfKeys: 0,
      lua: `
      local cursor = 0
      local calls = 0
      local dels = 0
      repeat
          local result = redis.call('SCAN', cursor, 'MATCH', ARGV[1])
          calls = calls + 1
          for _,key in ipairs(result[2]) do
              redis.call('DEL', key)
              dels = dels + 1
          end
          cursor = tonumber(result[1])
      until cursor == 0
      return "Calls " .. calls .. " Dels " .. dels
  `,
    });
  }

  async quit() {
    await this.waitForConnection();
    await this.pubSub.quit();
    this.client.quit();
  }

  async addToSlotLookup(key: string, slot: bigint) {
    await this.waitForConnection();

    await this.client.zadd(
      `${key}:${CONSTANTS.slotLookupKey}`,
      Number(slot),
      slot.toString(),
    );
  }

  async removeFromSlotLookup(key: string, ...slots: bigint[]) {
    await this.waitForConnection();

    await this.client.zrem(
      `${key}:${CONSTANTS.slotLookupKey}`,
      slots.map(String),
    );
  }

  async getSlotWithLatestChange(
    key: string,
    slot: bigint,
  ): Promise<bigint | null> {
    await this.waitForConnection();

    const values = await this.client.zrange(
      `${key}:${CONSTANTS.slotLookupKey}`,
      slot.toString(),
      0,
      'BYSCORE',
      'REV',
      'LIMIT',
      0,
      1,
    );
    if (values.length === 0) {
      return null;
    }
    return BigInt(values[0]);
  }

  async collectOutdatedSlots(
    key: string,
    newOldestSlot: bigint,
  ): Promise<bigint[]> {
    await this.waitForConnection();

    const slotWithLatestChange = await this.getSlotWithLatestChange(
      key,
      newOldestSlot,
    );
    if (slotWithLatestChange !== null) {
      return (
        await this.client.zrange(
          `${key}:${CONSTANTS.slotLookupKey}`,
          0,
          (slotWithLatestChange - 1n).toString(),
          'BYSCORE',
        )
      ).map(BigInt);
    }
    return [];
  }

  async pruneOldSlots(key: string, newOldestSlot: bigint): Promise<number> {
    await this.waitForConnection();

    const slots = await this.collectOutdatedSlots(key, newOldestSlot);
    if (slots.length !== 0) {
      await this.removeFromSlotLookup(key, ...slots);
    }
    return 0;
  }

  async updateLastVerifiedSlot(slot: bigint) {
    await this.waitForConnection();

    this.client.set(CONSTANTS.lastVerifiedSlotKey, slot.toString());
  }

  async updateLastProcessedSlot(slot: bigint) {
    await this.waitForConnection();

    this.client.set(CONSTANTS.lastProcessedSlotKey, slot.toString());
  }

  async getAllKeys(pattern: string): Promise<string[]> {
    await this.waitForConnection();
    return this.client.keys(pattern);
  }

  async extractHashFromCommitmentMapperProof(
    gindex: bigint,
    slot: bigint,
    hashAlgorithm: 'sha256' | 'poseidon',
  ): Promise<number[] | null> {
    const hashAlgorithmOptionMap = {
      sha256: 'sha256HashTreeRoot',
      poseidon: 'poseidonHashTreeRoot',
    };

    const hashKey = hashAlgorithmOptionMap[hashAlgorithm];

    const latestSlot = await this.getSlotWithLatestChange(
      `${CONSTANTS.validatorProofKey}:${gindex}`,
      slot,
    );
    if (latestSlot === null) {
      const depth = getDepthByGindex(Number(gindex));
      const result = await this.client.get(
        `${CONSTANTS.validatorProofKey}:zeroes:${depth}`,
      );

      if (result == null) {
        return null;
      }

      return JSONbig.parse(result).publicInputs[hashKey];
    }

    const key = `${CONSTANTS.validatorProofKey}:${gindex}:${latestSlot}`;
    const result = await this.client.get(key);
    if (result == null) {
      return null;
    }

    return JSONbig.parse(result).publicInputs[hashKey];
  }

  async getValidatorsRoot(slot: bigint): Promise<String | null> {
    return this.client.get(`${CONSTANTS.validatorsRootKey}:${slot}`);
  }

  async deleteValidatorsRoot(slot: bigint): Promise<void> {
    await this.client.del(`${CONSTANTS.validatorsRootKey}:${slot}`);
  }

  async getValidatorsCommitmentRoot(slot: bigint): Promise<string[] | null> {
    const prefix = `${CONSTANTS.validatorProofKey}:1`;
    const latestRootChangeSlot = await this.getSlotWithLatestChange(
      prefix,
      slot,
    );

    if (latestRootChangeSlot == null) return null;

    const rootData = await this.client.get(`${prefix}:${latestRootChangeSlot}`);
    if (rootData == null) return null;

    const obj = JSON.parse(rootData);
    const poseidonHash = obj.poseidonHash;
    return poseidonHash;
  }

  async notifyAboutNewProof(): Promise<void> {
    await this.waitForConnection();

    this.pubSub.publish('proofs_channel', 'proof');
  }

  async getValidatorsLengthForSlot(slot: bigint): Promise<number | null> {
    const result = await this.get(`${CONSTANTS.validatorsLengthKey}:${slot}`);
    return result !== null ? Number(result) : null;
  }

  async getValidatorKeysForSlot(slot: bigint): Promise<string[]> {
    return (await this.client.keys(`${CONSTANTS.validatorKey}:*:[0-9]*`))
      .filter(key => !key.includes(CONSTANTS.validatorRegistryLimit.toString()))
      .reduce((acc, key) => {
        const split = key.split(':');
        const index = Number(split[1]);
        const keySlot = Number(split[2]);

        let latestSlot = 0;
        if (keySlot <= slot) {
          latestSlot = keySlot;
        }

        if (acc[index] && acc[index] > latestSlot) {
          latestSlot = acc[index];
        }

        acc[index] = latestSlot;
        return acc;
      }, new Array())
      .map((slot, index) => `${CONSTANTS.validatorKey}:${index}:${slot}`);
  }

  async getValidatorsBatched(
    slot: bigint,
    batchSize = 1000,
  ): Promise<Validator[]> {
    await this.waitForConnection();

    const keys = await this.getValidatorKeysForSlot(slot);
    let allValidators: Validator[] = new Array(keys.length);

    for (const [keyBatchIndex, batchKeys] of splitIntoBatches(
      keys,
      batchSize,
    ).entries()) {
      const res = await this.client.mget(batchKeys);
      if (res === null) {
        continue;
      }
      const batchValidators = (res.filter(v => v !== null) as string[]).map(
        (json: any) => JSON.parse(json).validator,
      );

      for (const [index, redisValidator] of batchValidators.entries()) {
        try {
          const validator = validatorFromValidatorJSON(redisValidator);
          const validatorIndex = Number(batchKeys[index].split(':')[1]);
          allValidators[validatorIndex] = validator;
        } catch (e) {
          console.error(e);
          continue;
        }
      }
      console.log(
        `Loaded batch ${chalk.bold.yellowBright(
          keyBatchIndex + 1,
        )} /${chalk.bold.yellow(Math.ceil(keys.length / batchSize))}`,
      );
    }

    return allValidators;
  }

  async isZeroValidatorEmpty() {
    await this.waitForConnection();

    const result = await this.client.keys(
      `${CONSTANTS.validatorKey}:${CONSTANTS.validatorRegistryLimit}:*`,
    );

    return result.length === 0;
  }

  async isZeroBalanceEmpty() {
    await this.waitForConnection();

    const result = await this.client.get(
      `${CONSTANTS.validatorBalanceInputKey}:${CONSTANTS.validatorRegistryLimit}`,
    );

    return result == null;
  }

  async saveValidators(
    validatorsWithIndices: { index: number; data: CommitmentMapperInput }[],
    slot: bigint,
