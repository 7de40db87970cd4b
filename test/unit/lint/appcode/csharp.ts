import { cap, type Template } from './names';

/** C# application code: `...Calls` call methods named like Redis commands on their own objects, `...Plain` do not. */
export const csharpCalls: Template[] = [
  (g) => {
    const t = g.type();
    const f = cap(g.field());
    return `public sealed class ${t}
{
    private readonly Dictionary<string, int> _entries = new();
    private readonly HashSet<string> _seen = new();
    private readonly int _limit;

    public ${t}(int limit = ${g.int(500)})
    {
        _limit = limit;
    }

    public ${t} Add(string id, int ${f.toLowerCase()})
    {
        if (_entries.Count >= _limit)
        {
            _entries.Remove(_entries.Keys.First());
        }
        _entries[id] = ${f.toLowerCase()};
        _seen.Add(id);
        return this;
    }

    public IReadOnlyList<string> Ids() => _seen.Where(_entries.ContainsKey).OrderBy(id => id).ToList();

    public int Total()
    {
        var total = 0;
        foreach (var (id, value) in _entries)
        {
            total += value > ${g.int(100)} ? value : ${g.int(9)};
        }
        return total;
    }
}

`;
  },
  (g) => {
    const t = g.type();
    const n = g.noun();
    return `public class ${t}
{
    private readonly HttpClient _http;

    public ${t}(HttpClient http) => _http = http;

    public async Task<IReadOnlyList<string>> ${cap(g.fn())}(string id, CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync($"/api/${n}s/{id}", ct);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStringAsync(ct);
            return body.Split('\\n').Select(line => line.Trim()).Where(line => line.Length > ${g.int(5)}).ToList();
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"could not ${g.verb()} ${n} {id}: {e.Message}");
            return Array.Empty<string>();
        }
    }

    public void ${cap(g.fn())}(IDbCommand command, string name)
    {
        command.CommandText = "SELECT id FROM ${n}s WHERE name = @name";
        command.Prepare();
        command.ExecuteNonQuery();
    }
}

`;
  },
];

export const csharpPlain: Template[] = [
  (g) => {
    const t = g.type();
    const f = cap(g.field());
    return `public sealed class ${t}
{
    private readonly List<(DateTime At, int Delta)> _history = new();

    public ${t}(string name, int ${f.toLowerCase()} = ${g.int(100)})
    {
        Name = name;
        ${f} = ${f.toLowerCase()};
    }

    public string Name { get; }

    public int ${f} { get; private set; }

    public string Label => $"{Name} ({${f}})";

    public int Adjust(int delta)
    {
        _history.Add((DateTime.UtcNow, delta));
        ${f} = Math.Max(0, ${f} + delta);
        return ${f};
    }
}

`;
  },
  (g) => `public static class ${g.type()}
{
    public static string Money(decimal amount, string currency = "EUR")
    {
        var sign = amount < 0 ? "-" : "";
        return $"{sign}{Math.Abs(amount):N2} {currency}";
    }

    public static bool IsValidSlug(string slug) => slug.Length is >= 3 and <= 40 && slug.All(c => char.IsLetterOrDigit(c) || c == '-');
}

`,
];
