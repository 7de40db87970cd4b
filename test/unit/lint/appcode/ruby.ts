import { snake, type Template } from './names';

/** Ruby application code: `...Calls` call methods named like Redis commands on their own objects, `...Plain` do not. */
export const rubyCalls: Template[] = [
  (g) => {
    const f = snake(g.field());
    return `def ${snake(g.fn())}(items, factor = 1.0)
  total = 0
  items.each do |item|
    if item.fetch(:${f}, 0) > ${g.int(100)}
      total += item[:${f}] * factor
    else
      total -= ${g.int(9)}
    end
  end
  total.round(2)
end

`;
  },
  (g) => {
    const n = g.noun();
    return `class ${g.type()}
  attr_reader :limit

  def initialize(limit: ${g.int(500)})
    @entries = {}
    @seen = Set.new
    @limit = limit
  end

  def add(key, ${n})
    @entries.delete(@entries.keys.first) if @entries.size >= limit
    @entries[key] = ${n}
    @seen.add(key)
    self
  end

  def keys
    @seen.select { |k| @entries.key?(k) }.sort
  end
end

`;
  },
  (g) => {
    const n = g.noun();
    return `def ${snake(g.fn())}(record)
  out = {}
  record.keys.each do |key|
    value = record[key]
    out[key.to_s.downcase] = value.is_a?(String) ? value.strip : value
  end
  out.size > ${g.int(5)} ? out.compact : nil
rescue ArgumentError => e
  Rails.logger.warn("could not ${g.verb()} ${n}: #{e.message}")
  nil
end

`;
  },
  (g) => `def ${snake(g.fn())}(status, weight)
  case status
  when "${g.word()}" then { ok: weight > ${g.int(50)}, next: nil }
  when "${g.word()}", "${g.word()}" then { ok: false, reason: :status }
  else { ok: true, next: status }
  end
end

`,
];

export const rubyPlain: Template[] = [
  (g) => {
    const f = snake(g.field());
    return `def ${snake(g.fn())}(payload)
  errors = []
  errors << "slug" unless payload[:slug].to_s.match?(/\\A[a-z0-9-]{3,40}\\z/)
  errors << "${f}" if payload.fetch(:${f}, -1).negative?
  errors << "email" if payload[:email] && !payload[:email].include?("@")
  [errors.empty?, errors]
end

`;
  },
  (g) => `def ${snake(g.fn())}(amount, currency = "EUR")
  sign = amount.negative? ? "-" : ""
  whole, fraction = format("%.2f", amount.abs).split(".")
  grouped = whole.reverse.scan(/\\d{1,3}/).join(",").reverse
  "#{sign}#{grouped}.#{fraction} #{currency}"
end

`,
  (g) => {
    const f = snake(g.field());
    return `class ${g.type()}
  def initialize(name, ${f} = ${g.int(100)})
    @name = name
    @${f} = ${f}
    @history = []
  end

  def label
    "#{@name} (#{@${f}})"
  end

  def adjust(delta)
    @history << [Time.now, delta]
    @${f} = [0, @${f} + delta].max
  end
end

`;
  },
];
