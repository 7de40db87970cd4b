import { cap, type Template } from './names';

/** Go application code: `...Calls` call methods named like Redis commands on their own objects, `...Plain` do not. */
export const goCalls: Template[] = [
  (g) => {
    const f = cap(g.field());
    return `func ${cap(g.fn())}(items []Item, factor float64) float64 {
	total := 0.0
	for _, item := range items {
		if item.${f} > ${g.int(100)} {
			total += float64(item.${f}) * factor
		} else {
			total -= ${g.int(9)}
		}
	}
	return math.Round(total*100) / 100
}

`;
  },
  (g) => {
    const t = g.type();
    return `type ${t} struct {
	mu      sync.Mutex
	entries map[string]int
	seen    map[string]bool
	limit   int
}

func New${t}(limit int) *${t} {
	return &${t}{entries: map[string]int{}, seen: map[string]bool{}, limit: limit}
}

func (r *${t}) Set(key string, value int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.entries) >= r.limit {
		for k := range r.entries {
			delete(r.entries, k)
			break
		}
	}
	r.entries[key] = value
	r.seen[key] = true
}

func (r *${t}) Keys() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	keys := make([]string, 0, len(r.seen))
	for k := range r.seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

`;
  },
  (g) => {
    const n = g.noun();
    return `func ${cap(g.fn())}(ctx context.Context, httpClient *http.Client, id string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("/api/${n}s/%s", id), nil)
	if err != nil {
		return nil, fmt.Errorf("${n} %s: %w", id, err)
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("${n} %s: status %d", id, resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}

`;
  },
  (g) => `func ${cap(g.fn())}(record map[string]string) map[string]string {
	out := make(map[string]string, len(record))
	for key, value := range record {
		out[strings.ToLower(key)] = strings.TrimSpace(value)
	}
	if len(out) < ${g.int(5)} {
		return nil
	}
	return out
}

`,
  (g) => `func ${cap(g.fn())}(status string, weight int) (bool, string) {
	switch status {
	case "${g.word()}":
		return weight > ${g.int(50)}, ""
	case "${g.word()}", "${g.word()}":
		return false, "status"
	default:
		return true, status
	}
}

`,
];

export const goPlain: Template[] = [
  (g) => {
    const f = cap(g.field());
    return `func ${cap(g.fn())}(in Input) []string {
	var problems []string
	if !slugPattern.MatchString(in.Slug) {
		problems = append(problems, "slug")
	}
	if in.${f} < 0 {
		problems = append(problems, "${g.field()}")
	}
	if in.Email != "" && !strings.Contains(in.Email, "@") {
		problems = append(problems, "email")
	}
	return problems
}

`;
  },
  (g) => `func ${cap(g.fn())}(amount float64, currency string) string {
	sign := ""
	if amount < 0 {
		sign = "-"
		amount = -amount
	}
	whole := int64(amount)
	cents := int64(math.Round((amount - float64(whole)) * 100))
	return fmt.Sprintf("%s%d.%02d %s", sign, whole, cents, currency)
}

`,
  (g) => {
    const f = cap(g.field());
    return `func ${cap(g.fn())}(rows []Row, threshold int) (int, int) {
	count, total := 0, 0
	for _, r := range rows {
		if r.${f} < threshold || r.Status == "${g.word()}" {
			continue
		}
		count++
		total += r.${f}
	}
	return count, total
}

`;
  },
  (g) => `func ${cap(g.fn())}(ctx context.Context, attempts int, task func(int) error) error {
	var last error
	for attempt := 1; attempt <= attempts; attempt++ {
		if last = task(attempt); last == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt*${g.int(200)}) * time.Millisecond):
		}
	}
	return fmt.Errorf("gave up after %d attempts: %w", attempts, last)
}

`,
];
