package triage

import (
	"slices"
	"sync"

	"github.com/backpainbot/backpainbot/faq"
)

// last keeps the detector New built most recently and the moderators' phrases it was built
// with. Building one takes a few hundred milliseconds, and a live reload of the FAQ file most
// often changes answers, not red flags: then the reload reuses the detector instead of building
// it again. A Detector is immutable and safe for concurrent use, so sharing it is safe.
var last struct {
	sync.Mutex
	extra faq.RedFlags
	d     *Detector
}

// cachedDetector returns the detector for extra, building it only when extra differs from the
// phrases of the last one built.
func cachedDetector(extra faq.RedFlags) *Detector {
	last.Lock()
	defer last.Unlock()
	if last.d != nil && slices.Equal(last.extra.Emergency, extra.Emergency) && slices.Equal(last.extra.Doctor, extra.Doctor) {
		return last.d
	}
	last.d = newDetector(lex, extra)
	last.extra = faq.RedFlags{Emergency: slices.Clone(extra.Emergency), Doctor: slices.Clone(extra.Doctor)}
	return last.d
}
