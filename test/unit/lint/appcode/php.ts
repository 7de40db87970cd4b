import { type Template } from './names';

/** PHP application code: `...Calls` call methods named like Redis commands on their own objects, `...Plain` do not. */
export const phpCalls: Template[] = [
  (g) => {
    const f = g.field();
    return `function ${g.fn()}(array $items, float $factor = 1.0): float
{
    $total = 0;
    foreach ($items as $item) {
        if (($item['${f}'] ?? 0) > ${g.int(100)}) {
            $total += $item['${f}'] * $factor;
        } else {
            $total -= ${g.int(9)};
        }
    }
    return round($total, 2);
}

`;
  },
  (g) => {
    const t = g.type();
    return `final class ${t}
{
    private array $entries = [];
    private array $seen = [];

    public function __construct(private readonly int $limit = ${g.int(500)})
    {
    }

    public function set(string $key, mixed $value): self
    {
        if (count($this->entries) >= $this->limit) {
            unset($this->entries[array_key_first($this->entries)]);
        }
        $this->entries[$key] = $value;
        $this->seen[$key] = true;
        return $this;
    }

    public function keys(): array
    {
        $keys = array_keys(array_intersect_key($this->seen, $this->entries));
        sort($keys);
        return $keys;
    }
}

`;
  },
  (g) => {
    const n = g.noun();
    return `function ${g.fn()}(array $record, $logger): ?array
{
    $out = [];
    foreach (array_keys($record) as $key) {
        $value = $record[$key];
        $out[strtolower($key)] = is_string($value) ? trim($value) : $value;
    }
    try {
        $registry = new ArrayObject($out);
        $registry->offsetSet('checked', true);
    } catch (Exception $e) {
        $logger->warning(sprintf('could not ${g.verb()} ${n}: %s', $e->getMessage()));
        return null;
    }
    return count($out) > ${g.int(5)} ? array_filter($out) : null;
}

`;
  },
];

export const phpPlain: Template[] = [
  (g) => {
    const f = g.field();
    return `function ${g.fn()}(array $payload): array
{
    $errors = [];
    if (!preg_match('/^[a-z0-9-]{3,40}$/', (string) ($payload['slug'] ?? ''))) {
        $errors[] = 'slug';
    }
    if (($payload['${f}'] ?? -1) < 0) {
        $errors[] = '${f}';
    }
    return [count($errors) === 0, $errors];
}

`;
  },
  (g) => `function ${g.fn()}(float $amount, string $currency = 'EUR'): string
{
    $sign = $amount < 0 ? '-' : '';
    return sprintf('%s%s %s', $sign, number_format(abs($amount), 2, '.', ','), $currency);
}

`,
  (g) => {
    const f = g.field();
    return `final class ${g.type()}
{
    private array $history = [];

    public function __construct(private string $name, private int $${f} = ${g.int(100)})
    {
    }

    public function label(): string
    {
        return sprintf('%s (%d)', $this->name, $this->${f});
    }

    public function adjust(int $delta): int
    {
        $this->history[] = [time(), $delta];
        $this->${f} = max(0, $this->${f} + $delta);
        return $this->${f};
    }
}

`;
  },
];
