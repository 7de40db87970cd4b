
            var keyLength = 16;
            var kvpairCount = keyCount;
            context.kvPairs = [];

            //Populate Primary
            context.PopulatePrimary(ref context.kvPairs, keyLength, kvpairCount, 0);

            var primaryServer = context.clusterTestUtils.GetServer(primaryNodeIndex);
            var expectedKeys = (string[])primaryServer.Execute("KEYS", ["*"]);
            await context.nodes[primaryNodeIndex].Store.CommitAOFAsync(default).ConfigureAwait(false);

            // Shutdown node
            context.nodes[primaryNodeIndex].Dispose(false);

            // Restart secondary
            context.nodes[primaryNodeIndex] = context.CreateInstance(
                context.clusterTestUtils.GetEndPoint(primaryNodeIndex),
                tryRecover: true,
                enableAOF: true,
                useTLS: useTLS,
                cleanClusterConfig: false,
                asyncReplay: asyncReplay,
                sublogCount: TestSublogCount);
            context.nodes[primaryNodeIndex].Start();
            context.CreateConnection(useTLS: useTLS);

            primaryServer = context.clusterTestUtils.GetServer(primaryNodeIndex);
            var keys = (string[])primaryServer.Execute("KEYS", ["*"]);
            Array.Sort(keys);
            Array.Sort(expectedKeys);
            ClassicAssert.AreEqual(expectedKeys.Length, keys.Length);
