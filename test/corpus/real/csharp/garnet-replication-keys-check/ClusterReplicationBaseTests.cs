
            if (attachFirst)
                ClusterReplicate();

            if (objectStore)
                ExecuteRateLimit();
            else
            {
                string[] increment = ["10", "15"];
                ClusterTestContext.ExecuteStoredProcBulkIncrement(primaryServer, [expectedKeys[0]], [increment[0]]);
                ClusterTestContext.ExecuteStoredProcBulkIncrement(primaryServer, [expectedKeys[1]], [increment[1]]);
            }

            if (!attachFirst)
                ClusterReplicate();

            // Validate primary keys
            var resp = primaryServer.Execute("KEYS", ["*"]);
            ClassicAssert.AreEqual(expectedKeys, (string[])resp);
            context.clusterTestUtils.WaitForReplicaAofSync(primaryNodeIndex, replicaNodeIndex, context.logger);
            replicaServer = context.clusterTestUtils.GetServer(replicaNodeIndex);
            var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                resp = replicaServer.Execute("KEYS", ["*"]);
                if (expectedKeys.Length == ((string[])resp).Length)
                    break;
                ClusterTestUtils.BackOff(cts.Token);
            }

            var actual = (string[])resp;
