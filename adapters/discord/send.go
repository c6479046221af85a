package discord

import "context"

// deliver sends a reply's parts in order with send, under ctx's deadline. Discord's rate limit
// may leave room for fewer messages than the reply has: when the bucket says so
// (X-RateLimit-Remaining) or a part went out only after a 429, the parts still to go are folded
// into one shortened message that ends with the disclaimer, so the reply is never left without
// it. sent counts the messages Discord accepted; short says the reply was shortened.
func (a *Adapter) deliver(ctx context.Context, parts []part, disclaimer string, send func(ctx context.Context, n int, p part) (restResult, error)) (sent int, short bool, err error) {
	for n := 0; n < len(parts); n++ {
		res, err := send(ctx, n, parts[n])
		if err != nil {
			return sent, short, err
		}
		sent++
		left := len(parts) - n - 1
		if left > 1 && (res.limited || (res.remaining >= 0 && res.remaining < left)) {
			parts = append(parts[:n+1:n+1], shorten(parts[n+1:], disclaimer))
			short = true
		}
	}
	return sent, short, nil
}
