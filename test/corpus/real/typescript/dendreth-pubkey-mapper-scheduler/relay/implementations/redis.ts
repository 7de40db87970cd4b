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
