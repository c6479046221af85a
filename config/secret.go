package config

import (
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"

	"gopkg.in/yaml.v3"
)

// Secret holds a credential such as a bot token. Every way of printing, marshaling or logging it
// (fmt with any verb, encoding/json, encoding/xml and anything else that uses
// encoding.TextMarshaler, yaml.v3, and log/slog) gives "[redacted]", or "" when it is empty, so a
// secret cannot reach a log by accident. Reveal returns the value itself, for the one place that
// needs it.
type Secret string

const redacted = "[redacted]"

var (
	_ fmt.Stringer           = Secret("")
	_ fmt.GoStringer         = Secret("")
	_ fmt.Formatter          = Secret("")
	_ json.Marshaler         = Secret("")
	_ encoding.TextMarshaler = Secret("")
	_ yaml.Marshaler         = Secret("")
	_ slog.LogValuer         = Secret("")
)

// Reveal returns the secret's value. Call it only where the credential is handed to the SDK or
// the HTTP client that needs it.
func (s Secret) Reveal() string { return string(s) }

// String returns "[redacted]", or "" if the secret is empty.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString returns the same as String, so %#v hides the value too.
func (s Secret) GoString() string { return s.String() }

// Format implements fmt.Formatter so that every verb, including ones that do not apply to
// strings such as %d (where fmt would otherwise print the raw value in its error text), shows
// the redacted form.
func (s Secret) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v':
		if f.Flag('#') {
			io.WriteString(f, s.GoString())
			return
		}
		fmt.Fprintf(f, fmt.FormatString(f, verb), s.String())
	case 's', 'q', 'x', 'X':
		fmt.Fprintf(f, fmt.FormatString(f, verb), s.String())
	default:
		fmt.Fprintf(f, "%%!%c(config.Secret=%s)", verb, s.String())
	}
}

// MarshalText returns the redacted form.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalJSON returns the redacted form as a JSON string.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// MarshalYAML returns the redacted form.
func (s Secret) MarshalYAML() (any, error) { return s.String(), nil }

// LogValue returns the redacted form, for log/slog.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }
