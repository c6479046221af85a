package faq

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/backpainbot/backpainbot/faq/text"
)

// The seek-care advice every disclaimer must keep, however moderators word it. Each part is a
// plain description (for the message) and the wordings that count as saying it.
var disclaimerParts = []struct {
	says string
	re   *regexp.Regexp
}{
	{
		says: `that this is not a diagnosis (e.g. "not a diagnosis or medical advice")`,
		re: regexp.MustCompile(`\b(not|never|no|isn't|isnt|doesn't|doesnt|cannot|can't|cant)\b[^.;]{0,40}\b(diagnos\w*|medical advice)` +
			`|\b(information|info)( only)?\b[^.;]{0,40}\bnot\b[^.;]{0,20}\b(diagnos\w*|advice)`),
	},
	{
		says: `to see a doctor (e.g. "please see a doctor about your own symptoms")`,
		re:   regexp.MustCompile(`\b(see|ask|consult|contact|talk to|speak to|visit|check with|call)\b[^.;]{0,40}\b(doctor|gp|physician|clinician|nurse|health ?care (professional|provider)|medical professional)s?\b`),
	},
	{
		says: `to call the local emergency number in an emergency (e.g. "in an emergency call your local emergency number")`,
		re:   regexp.MustCompile(`\bemergenc(y|ies)\b[^.;]{0,60}\b(call|dial|phone|ring)\b|\b(call|dial|phone|ring)\b[^.;]{0,40}\b(emergency|911|999|112|000|ambulance)\b`),
	},
}

// DisclaimerProblem says what seek-care advice the disclaimer lacks, or "" when it has all of
// it. Moderators may reword the disclaimer freely, but every reply ends with it, so it must still
// say that this is not a diagnosis, to see a doctor, and to call the local emergency number in an
// emergency.
func DisclaimerProblem(disclaimer string) string {
	s := strings.ToLower(text.Normalize(disclaimer))
	s = strings.NewReplacer("\u2019", "'", "\n", " ").Replace(s)
	var missing []string
	for _, p := range disclaimerParts {
		if !p.re.MatchString(s) {
			missing = append(missing, p.says)
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return fmt.Sprintf("the disclaimer must keep the seek-care advice; it does not say %s. Reword it as you like, but keep all three: not a diagnosis, see a doctor, and in an emergency call the local emergency number",
		strings.Join(missing, ", nor "))
}
