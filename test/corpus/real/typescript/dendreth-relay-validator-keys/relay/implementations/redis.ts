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
