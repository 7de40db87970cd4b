import json
import logging
from io import StringIO

import aioredis
import coloredlogs
import pandas as pd
from fastapi import HTTPException
from huggingface_hub import HfFileSystem

logger = logging.getLogger(
    __name__
)  # the __name__ resolve to "main" since we are at the root of the project.
# This will get the root logger since no logger in the configuration has this name.

coloredlogs.install(logger=logger)
logger.propagate = False


def split_data(res, split):
    assert sum(split) == 100, "Split should sum to 100"
    train_end = int(len(res) * split[0] / 100)
    val_end = train_end + int(len(res) * split[1] / 100)
    test_end = val_end + int(len(res) * split[2] / 100)
    train = res[:train_end]
    val = res[train_end:val_end]
    test = res[val_end:test_end]
    return train, val, test


async def prep_for_upload(train, val, test, data, req, content_row):
    new_train, new_val, new_test = {}, {}, {}

    try:
        new_train["data"], new_val["data"], new_test["data"] = split_data(
            data["data"], req.split
        )
    except Exception as e:
        logger.error(f"Error splitting data: {e}")

    for i, (old, new) in enumerate(
        zip([train, val, test], [new_train, new_val, new_test])
    ):
        df = pd.DataFrame(new["data"])
        df["content_row"] = content_row
        combined_df = pd.concat([old, df]).reset_index(drop=True)

        old = combined_df
        if i == 0:
            train = combined_df
        elif i == 1:
            val = combined_df
        else:
            test = combined_df

    return train, val, test


async def get_redis_keys_status(redis_pool, req, huggingface_key, task_id):
    try:
        r = await redis_pool
    except Exception as e:
        logger.error(f"Error connecting to Redis: {e}")
        return

    try:
        keys = await r.keys("*")
    except Exception as e:
        logger.error(f"Error getting keys from Redis: {e}")
        return

    train, test, val = pd.DataFrame(), pd.DataFrame(), pd.DataFrame()

    for key in keys:
        try:
            key_type = await r.type(key)
            if key_type == "hash":
                hash_values = await r.hgetall(key)
                content_row = hash_values["content_row"]
                data = hash_values["data"]
                data = json.loads(data)
                if hash_values["status"] == "Generated":
                    train, val, test = await prep_for_upload(
                        train, test, val, data, req, content_row
                    )
                    print("prepped for upload")

                await r.hset(key, "status", "SUCCESS")

        except Exception as e:
            logger.error(f"Error checking status for key {key}: {e}")

    await push_dataset_to_hf(
        redis_pool, task_id, req, huggingface_key, train, val, test, content_row
    )

