                    }

                    context.nodes[replicaNodeIndex] = context.CreateInstance(
                        context.clusterTestUtils.GetEndPoint(replicaNodeIndex),
                        disableObjects: false,
                        enableAOF: true,
                        useTLS: useTLS,
                        asyncReplay: asyncReplay,
                        tryRecover: true,
                        cleanClusterConfig: false,
                        sublogCount: sublogCount);
                    context.nodes[replicaNodeIndex].Start();
                    context.clusterTestUtils.WaitForReplicaAofSync(primaryNodeIndex, replicaNodeIndex, cancellation: cancellationToken, logger: context.logger);

                    await Task.Yield();
                }
            }

            void ValidateKeys()
            {
                var resp = (string[])primaryServer.Execute("KEYS", ["*"]);
                var resp2 = (string[])replicaServer.Execute("KEYS", ["*"]);
                ClassicAssert.AreEqual(resp.Length, resp2.Length);
                Array.Sort(resp);
                Array.Sort(resp2);
                for (var i = 0; i < resp.Length; i++)
                    ClassicAssert.AreEqual(resp[i], resp2[i]);
            }
        }

        [Test, Order(28)]
