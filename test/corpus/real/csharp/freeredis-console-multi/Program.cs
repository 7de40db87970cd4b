            var result7 = cli.AclGetUser("sample");

            cli.Set("num", 10);
            using (var tran = cli.Multi())
            {
                tran.Watch("num");
                tran.IncrBy("num", 80);
                tran.Exec();
            }


            var keys = cli.Scan(0, "*", 100, null);
            Console.WriteLine(string.Join(",", keys.items));
            foreach (var ks in cli.Scan("*", 3, null)) Console.WriteLine(string.Join(",", ks));

            var hkeys = cli.HScan("key1", 0, "*", 100);
            Console.WriteLine(string.Join(",", hkeys.items.Select(a => $"{a.Key}={a.Value}")));
            foreach (var ks in cli.HScan("key1", "*", 3)) Console.WriteLine(string.Join(",", ks.Select(a => $"{a.Key}={a.Value}")));

            var skeys = cli.SScan("skey1", 0, "*", 100);
