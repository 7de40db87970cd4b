// Copyright Valkey GLIDE Project Contributors - SPDX Identifier: Apache-2.0

package glide

import (
	"context"
	"fmt"
	"time"

	"github.com/valkey-io/valkey-glide/go/v2/config"
	"github.com/valkey-io/valkey-glide/go/v2/options"
	"github.com/valkey-io/valkey-glide/go/v2/pipeline"
)

// TODO replace CustomCommand

func ExampleClient_Exec_transaction() {
	var client *Client = getExampleClient() // example helper function
	// Example 1: Atomic Batch (Transaction)
	batch := pipeline.NewStandaloneBatch(true)
	batch.Set("key", "1").CustomCommand([]string{"incr", "key"}).Get("key")

	result, err := client.Exec(context.Background(), *batch, true)
	if err != nil {
		fmt.Println("Glide example failed with an error: ", err)
	}
	fmt.Println(result)

	// Output: [OK 2 2]
}

func ExampleClient_Exec_pipeline() {
	var client *Client = getExampleClient() // example helper function
	// Example 2: Non-Atomic Batch (Pipeline)
	batch := pipeline.NewStandaloneBatch(false)
	batch.Set("key1", "value1").Set("key2", "value2").Get("key1").Get("key2")

	result, err := client.Exec(context.Background(), *batch, true)
	if err != nil {
		fmt.Println("Glide example failed with an error: ", err)
	}
	fmt.Println(result)

	// Output: [OK OK value1 value2]
}

func ExampleClient_ExecWithOptions_transaction() {
	var client *Client = getExampleClient() // example helper function
	// Example 1: Atomic Batch (Transaction)
	batch := pipeline.NewStandaloneBatch(true)
	batch.Set("key", "1").CustomCommand([]string{"incr", "key"}).Get("key")
	// Set a timeout of 1000 milliseconds
	options := pipeline.NewStandaloneBatchOptions().WithTimeout(1000 * time.Millisecond)

	result, err := client.ExecWithOptions(context.Background(), *batch, false, *options)
	if err != nil {
		fmt.Println("Glide example failed with an error: ", err)
	}
	fmt.Println(result)

