package vectors

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"strings"
	"unicode/utf8"
)

// The binary format of a table (all integers little-endian; gen/README.md has the same):
//
//	offset size           field
//	0      8              magic "BPBVECT\n"
//	8      4              version, 1
//	12     4              dim, dimensions per vector, 1..maxDim
//	16     4              count, number of words, 1..maxCount
//	20     4              wordBytes, size of the word section
//	24     4              CRC-32C (Castagnoli) of every byte after the 32-byte header
//	28     4              reserved, 0
//	32     wordBytes      count words, each a length byte (1..255) then that many bytes of
//	                      lower-case UTF-8; no word twice
//	       4*count        uint32 frequency rank of each word in the source vocabulary
//	       4*count        float32 scale of each word (finite, >= 0)
//	       dim*count      int8 components: value of dimension d of word i is
//	                      component[i*dim+d] * scale[i]
//
// The file ends exactly there.
const (
	magic      = "BPBVECT\n"
	version    = 1
	headerSize = 32
	maxDim     = 4096
	maxCount   = 1 << 24
)

// ErrFormat is returned (wrapped, with the detail) by Decode for data that is not a valid
// table: truncated, corrupted, or of another version.
var ErrFormat = errors.New("invalid vector table")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func formatErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(format, args...))
}

// Decode checks and decodes a table in the binary format above. Every defect gives an
// error wrapping ErrFormat; Decode never panics. It copies what it keeps, so b may be reused.
func Decode(b []byte) (*Table, error) {
	if len(b) < headerSize {
		return nil, formatErr("truncated header: %d bytes, want at least %d", len(b), headerSize)
	}
	if string(b[:8]) != magic {
		return nil, formatErr("bad magic %q, want %q", b[:8], magic)
	}
	le := binary.LittleEndian
	ver, dim, count, wordBytes := le.Uint32(b[8:]), le.Uint32(b[12:]), le.Uint32(b[16:]), le.Uint32(b[20:])
	sum, reserved := le.Uint32(b[24:]), le.Uint32(b[28:])
	switch {
	case ver != version:
		return nil, formatErr("version %d, want %d", ver, version)
	case dim < 1 || dim > maxDim:
		return nil, formatErr("dimensions %d out of range 1..%d", dim, maxDim)
	case count < 1 || count > maxCount:
		return nil, formatErr("word count %d out of range 1..%d", count, maxCount)
	case reserved != 0:
		return nil, formatErr("reserved header field is %d, want 0", reserved)
	}
	want := uint64(headerSize) + uint64(wordBytes) + uint64(count)*(8+uint64(dim))
	if uint64(len(b)) != want {
		return nil, formatErr("size %d bytes, want %d for %d words of %d dimensions (truncated or padded)",
			len(b), want, count, dim)
	}
	if got := crc32.Checksum(b[headerSize:], castagnoli); got != sum {
		return nil, formatErr("checksum %08x, header says %08x (corrupted)", got, sum)
	}
	t := &Table{dim: int(dim)}
	body := b[headerSize:]
	if err := t.decodeWords(body[:wordBytes], int(count)); err != nil {
		return nil, err
	}
	body = body[wordBytes:]
	n := int(count)
	t.ranks = make([]uint32, n)
	t.scales = make([]float32, n)
	for i := range n {
		t.ranks[i] = le.Uint32(body[4*i:])
		s := math.Float32frombits(le.Uint32(body[4*(n+i):]))
		if !(s >= 0) || math.IsInf(float64(s), 0) {
			return nil, formatErr("word %d (%q): scale %v, want finite and >= 0", i, t.Word(i), s)
		}
		t.scales[i] = s
	}
	t.decodeComponents(body[8*n:])
	return t, nil
}

// decodeWords reads the word section, which must hold exactly count words.
func (t *Table) decodeWords(sec []byte, count int) error {
	// Each word costs at least 2 bytes, so a valid section bounds count before allocating.
	if count > len(sec)/2 {
		return formatErr("word section of %d bytes cannot hold %d words", len(sec), count)
	}
	t.ends = make([]uint32, count)
	var all strings.Builder
	all.Grow(len(sec) - count)
	p := 0
	for i := range count {
		if p >= len(sec) {
			return formatErr("word section ends after %d of %d words", i, count)
		}
		l := int(sec[p])
		p++
		if l == 0 {
			return formatErr("word %d is empty", i)
		}
		if p+l > len(sec) {
			return formatErr("word %d runs past the word section", i)
		}
		w := sec[p : p+l]
		p += l
		if !utf8.Valid(w) {
			return formatErr("word %d is not valid UTF-8", i)
		}
		if !isLower(w) {
			return formatErr("word %d (%q) is not lower case", i, w)
		}
		all.Write(w)
		t.ends[i] = uint32(all.Len())
	}
	if p != len(sec) {
		return formatErr("word section has %d bytes left after %d words", len(sec)-p, count)
	}
	t.words = all.String()
	t.index = make(map[string]int32, count)
	for i := range count {
		w := t.Word(i)
		if j, dup := t.index[w]; dup {
			return formatErr("word %q appears twice (%d and %d)", w, j, i)
		}
		t.index[w] = int32(i)
	}
	return nil
}

// isLower reports whether w is unchanged by lower-casing (what Lookup relies on).
func isLower(w []byte) bool {
	for _, c := range w {
		if c >= utf8.RuneSelf {
			return strings.ToLower(string(w)) == string(w)
		}
		if 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// decodeComponents copies the int8 components and works out each vector's inverse norm.
func (t *Table) decodeComponents(sec []byte) {
	t.slab = make([]int8, len(sec))
	for i, c := range sec {
		t.slab[i] = int8(c)
	}
	t.inv = make([]float32, len(t.ends))
	for i := range t.inv {
		q := t.slab[i*t.dim : (i+1)*t.dim]
		if n := dot(q, q); n > 0 {
			t.inv[i] = float32(1 / math.Sqrt(float64(n)))
		}
	}
}
