import { snake, type Template } from './names';

/** Python application code: `...Calls` call methods named like Redis commands on their own objects, `...Plain` do not. */
export const pythonCalls: Template[] = [
  (g) => {
    const f = snake(g.field());
    return `def ${snake(g.fn())}(items, factor=1.0):
    total = 0
    for item in items:
        if item.get("${f}", 0) > ${g.int(100)}:
            total += item["${f}"] * factor
        else:
            total -= ${g.int(9)}
    return round(total, 2)

`;
  },
  (g) => {
    const n = g.noun();
    return `class ${g.type()}:
    def __init__(self, limit=${g.int(500)}):
        self.entries = {}
        self.seen = set()
        self.limit = limit

    def add(self, key, ${n}):
        if len(self.entries) >= self.limit:
            oldest = next(iter(self.entries.keys()))
            del self.entries[oldest]
        self.entries[key] = ${n}
        self.seen.add(key)
        return self

    def get(self, key, default=None):
        return self.entries.get(key, default)

    def keys(self):
        return sorted(k for k in self.seen if k in self.entries)

`;
  },
  (g) => `def ${snake(g.fn())}(record):
    out = {}
    for key in record.keys():
        value = record[key]
        out[key.lower()] = value.strip() if isinstance(value, str) else value
    return {k: v for k, v in out.items() if v is not None} if len(out) > ${g.int(5)} else None

`,
  (g) => {
    const n = g.noun();
    const f = snake(g.field());
    return `async def ${snake(g.fn())}(session, item_id, base_url="/api"):
    url = f"{base_url}/${n}s/{item_id}"
    try:
        async with session.get(url, headers={"accept": "application/json"}) as res:
            res.raise_for_status()
            body = await res.json()
    except Exception as exc:
        logger.warning("could not ${g.verb()} ${n} %s: %s", item_id, exc)
        return []
    return [{"id": x["id"], "${f}": x["${f}"]} for x in body.get("items", []) if "${f}" in x]

`;
  },
  (g) => {
    const f = snake(g.field());
    return `def ${snake(g.fn())}(rows):
    groups = {}
    for row in rows:
        groups.setdefault(str(row.get("${f}", "none")), []).append(row)
    return "\\n".join(f"{key}: {len(groups[key])}" for key in sorted(groups.keys()))

`;
  },
  (g) => `@dataclass
class ${g.type()}:
    name: str
    ${snake(g.field())}: int = ${g.int(10)}
    tags: list = field(default_factory=list)

    def label(self):
        return f"{self.name} ({', '.join(sorted(set(self.tags)))})"

`,
];

export const pythonPlain: Template[] = [
  (g) => {
    const f = snake(g.field());
    return `def ${snake(g.fn())}(payload):
    errors = []
    if not isinstance(payload, dict):
        return False, ["not a mapping"]
    if not re.fullmatch(r"[a-z0-9-]{3,40}", str(payload.get("slug", ""))):
        errors.append("slug")
    if payload.get("${f}", -1) < 0:
        errors.append("${f}")
    return len(errors) == 0, errors

`;
  },
  (g) => `def ${snake(g.fn())}(amount, currency="EUR", digits=${g.int(3)}):
    sign = "-" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):.{digits}f}".partition(".")
    grouped = f"{int(whole):,}"
    return f"{sign}{grouped}{'.' + fraction if fraction else ''} {currency}"

`,
  (g) => {
    const f = snake(g.field());
    return `def ${snake(g.fn())}(rows, threshold):
    kept = [r for r in rows if r["${f}"] >= threshold and r.get("status") != "${g.word()}"]
    total = sum(r["${f}"] for r in kept)
    top = sorted(kept, key=lambda r: r["${f}"], reverse=True)[:${g.int(10)}]
    return {"count": len(kept), "total": total, "top": [r["id"] for r in top]}

`;
  },
  (g) => `async def ${snake(g.fn())}(task, attempts=${g.int(5)}, delay=${g.int(5)} / 10):
    last_error = None
    for attempt in range(1, attempts + 1):
        try:
            return await task(attempt)
        except Exception as exc:
            last_error = exc
            await asyncio.sleep(delay * 2 ** (attempt - 1))
    raise RuntimeError(f"gave up after {attempts} attempts: {last_error}")

`,
  (g) => {
    const f = snake(g.field());
    return `class ${g.type()}:
    def __init__(self, name, ${f}=${g.int(100)}):
        self.name = name
        self.${f} = ${f}
        self.history = []

    @property
    def label(self):
        return f"{self.name} ({self.${f}})"

    def adjust(self, delta):
        self.history.append((time.time(), delta))
        self.${f} = max(0, self.${f} + delta)
        return self.${f}

`;
  },
];
