import { type Template } from './names';

/** Java application code: `...Calls` call methods named like Redis commands on their own objects, `...Plain` do not. */
export const javaCalls: Template[] = [
  (g) => {
    const t = g.type();
    const f = g.field();
    return `class ${t} {
    private final Map<String, Integer> entries = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<String> log = new ArrayList<>();
    private final int limit;

    ${t}(int limit) {
        this.limit = limit;
    }

    public ${t} add(String id, int ${f}) {
        if (entries.size() >= limit) {
            String oldest = entries.keySet().iterator().next();
            entries.remove(oldest);
        }
        entries.put(id, ${f});
        seen.add(id);
        log.add("added " + id);
        return this;
    }

    public List<String> ids() {
        return seen.stream().filter(entries::containsKey).sorted().collect(Collectors.toList());
    }

    public int total() {
        int total = 0;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            total += e.getValue() > ${g.int(100)} ? e.getValue() : ${g.int(9)};
        }
        return total;
    }
}

`;
  },
  (g) => {
    const t = g.type();
    const n = g.noun();
    return `class ${t} {
    private final ExecutorService executor = Executors.newFixedThreadPool(${g.int(8)});
    private static final List<String> STATES = List.of("${g.word()}", "${g.word()}", "${g.word()}");

    public void ${g.fn()}(List<String> ids, Consumer<String> sink) {
        for (String id : ids) {
            executor.execute(() -> {
                try {
                    sink.accept(String.format("${n} %s is %s", id, STATES.get(id.length() % STATES.size())));
                } catch (RuntimeException e) {
                    System.err.println("could not ${g.verb()} ${n} " + id + ": " + e.getMessage());
                }
            });
        }
    }

    public Map<String, Object> ${g.fn()}(String name, int ${g.field()}) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name.trim());
        out.put("tags", Set.of("${g.word()}", "${g.word()}x"));
        return Map.copyOf(out);
    }
}

`;
  },
];

export const javaPlain: Template[] = [
  (g) => {
    const t = g.type();
    const f = g.field();
    return `class ${t} {
    private final String name;
    private int ${f};

    ${t}(String name, int ${f}) {
        this.name = name;
        this.${f} = ${f};
    }

    public String label() {
        return name + " (" + ${f} + ")";
    }

    public int adjust(int delta) {
        ${f} = Math.max(0, ${f} + delta);
        return ${f};
    }

    public boolean isValid() {
        return name != null && !name.isBlank() && ${f} >= 0 && ${f} < ${g.int(1000)};
    }
}

`;
  },
  (g) => `final class ${g.type()} {
    private ${g.type()}() {
    }

    static String money(double amount, String currency) {
        String sign = amount < 0 ? "-" : "";
        long cents = Math.round(Math.abs(amount) * 100);
        return String.format("%s%d.%02d %s", sign, cents / 100, cents % 100, currency);
    }

    static int clamp(int value, int low, int high) {
        if (value < low) {
            return low;
        }
        return value > high ? high : value;
    }
}

`,
];
