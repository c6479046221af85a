package main

import (
	"bufio"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/backpainbot/backpainbot/config"
)

// Docker does not run where these tests run, so they check the deployment files as far as
// can be done without it: the Dockerfile's stages, user and health check, the very build
// command it runs, the compose file's replicas and Redis, and the systemd unit.

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	cmd, args string
	stage     int // index of the FROM it belongs to
}

func readDockerfile(t *testing.T) []instruction {
	t.Helper()
	f, err := os.Open("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []instruction
	stage := -1
	var cur strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if cur.Len() == 0 && (line == "" || strings.HasPrefix(line, "#")) {
			continue
		}
		if cont, ok := strings.CutSuffix(line, `\`); ok {
			cur.WriteString(cont + " ")
			continue
		}
		cur.WriteString(line)
		cmd, args, _ := strings.Cut(cur.String(), " ")
		cur.Reset()
		cmd = strings.ToUpper(cmd)
		if cmd == "FROM" {
			stage++
		}
		out = append(out, instruction{cmd: cmd, args: strings.Join(strings.Fields(args), " "), stage: stage})
	}
	return out
}

func find(ins []instruction, cmd string, stage int) []instruction {
	var out []instruction
	for _, in := range ins {
		if in.cmd == cmd && (stage < 0 || in.stage == stage) {
			out = append(out, in)
		}
	}
	return out
}

// dockerBuild is the build command the Dockerfile runs; TestStaticBinary runs it too.
const dockerBuild = `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/backpainbot ./cmd/backpainbot`

func TestDockerfile(t *testing.T) {
	ins := readDockerfile(t)
	froms := find(ins, "FROM", -1)
	if len(froms) < 2 {
		t.Fatalf("%d stages, want a multi-stage build", len(froms))
	}
	last := len(froms) - 1
	if !strings.HasPrefix(froms[0].args, "golang:1.26") || !strings.HasSuffix(froms[0].args, " AS build") {
		t.Errorf("first stage = FROM %s, want a golang:1.26 image named build", froms[0].args)
	}
	if base := froms[last].args; !strings.Contains(base, "distroless/static") && !strings.HasPrefix(base, "scratch") {
		t.Errorf("run stage = FROM %s, want distroless/static or scratch", base)
	}
	runs := find(ins, "RUN", 0)
	if len(runs) == 0 || runs[len(runs)-1].args != dockerBuild {
		t.Errorf("build stage's last RUN = %v, want %q", runs, dockerBuild)
	}
	copies := find(ins, "COPY", last)
	if len(copies) != 1 || !strings.HasPrefix(copies[0].args, "--from=build /out/backpainbot ") {
		t.Fatalf("run stage COPY = %v, want the binary from the build stage only", copies)
	}
	binary := strings.Fields(copies[0].args)[2]
	users := find(ins, "USER", last)
	if len(users) != 1 {
		t.Fatalf("run stage has %d USER lines, want 1", len(users))
	}
	if u, _, _ := strings.Cut(users[0].args, ":"); u == "root" || u == "0" || u == "" {
		t.Errorf("USER %s, want a non-root user", users[0].args)
	}
	hc := find(ins, "HEALTHCHECK", last)
	wantHC := regexp.MustCompile(`CMD \["` + regexp.QuoteMeta(binary) + `", "health"\]$`)
	if len(hc) != 1 || !wantHC.MatchString(hc[0].args) {
		t.Errorf("HEALTHCHECK = %v, want exec form running %s health (no shell or curl in the image)", hc, binary)
	}
	if ep := find(ins, "ENTRYPOINT", last); len(ep) != 1 || ep[0].args != `["`+binary+`"]` {
		t.Errorf("ENTRYPOINT = %v, want [%q]", ep, binary)
	}
	if cmd := find(ins, "CMD", last); len(cmd) != 1 || cmd[0].args != `["serve"]` {
		t.Errorf("CMD = %v, want [\"serve\"]", cmd)
	}
	// The image's environment must be a valid configuration.
	getenv := map[string]string{}
	for _, e := range find(ins, "ENV", last) {
		for _, m := range regexp.MustCompile(`(\w+)="([^"]*)"`).FindAllStringSubmatch(e.args, -1) {
			getenv[m[1]] = m[2]
		}
	}
	cfg, err := config.Load("", env(getenv))
	if err == nil {
		err = cfg.Validate()
	}
	if err != nil || cfg.HTTP.Addr != ":8080" {
		t.Errorf("image environment %v: config %v, addr %q; want valid with :8080", getenv, err, cfg.HTTP.Addr)
	}
}

// TestStaticBinary runs the Dockerfile's build command and checks that the result needs no
// C library, so it runs on distroless/static or scratch.
func TestStaticBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	out := filepath.Join(t.TempDir(), "backpainbot")
	// dockerBuild without the shell's quoting, writing to out.
	args := []string{"build", "-trimpath", "-ldflags=-s -w", "-o", out, "./cmd/backpainbot"}
	if want := `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/backpainbot ./cmd/backpainbot`; dockerBuild != want {
		t.Fatalf("dockerBuild is %s; update the arguments here to match", dockerBuild)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	f, err := elf.Open(out)
	if err != nil {
		t.Fatalf("not an ELF binary: %v", err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary asks for a dynamic loader (PT_INTERP); want a static binary")
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs %v; want none", libs)
	}
	// It runs, and has the health command the image's HEALTHCHECK uses.
	b, err := exec.Command(out, "health", "--help").CombinedOutput()
	if err != nil || !strings.Contains(string(b), "Usage: backpainbot health") {
		t.Errorf("backpainbot health --help = %v\n%s", err, b)
	}
}

func TestCompose(t *testing.T) {
	data, err := os.ReadFile("compose.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]struct {
			Build struct {
				Context    string `yaml:"context"`
				Dockerfile string `yaml:"dockerfile"`
			} `yaml:"build"`
			Image   string `yaml:"image"`
			Command []string
			Deploy  struct {
				Replicas int `yaml:"replicas"`
			} `yaml:"deploy"`
			Environment map[string]string `yaml:"environment"`
			DependsOn   map[string]struct {
				Condition string `yaml:"condition"`
			} `yaml:"depends_on"`
		} `yaml:"services"`
	}
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	bot, redis := c.Services["bot"], c.Services["redis"]
	if bot.Deploy.Replicas < 2 {
		t.Errorf("bot replicas = %d, want 2 or more", bot.Deploy.Replicas)
	}
	if _, err := os.Stat(filepath.Join(bot.Build.Context, bot.Build.Dockerfile)); err != nil || bot.Build.Dockerfile != "cmd/backpainbot/Dockerfile" {
		t.Errorf("bot build = %+v, want the repository root and cmd/backpainbot/Dockerfile (%v)", bot.Build, err)
	}
	if !strings.HasPrefix(redis.Image, "redis:") {
		t.Errorf("redis image = %q, want redis", redis.Image)
	}
	if bot.DependsOn["redis"].Condition != "service_healthy" {
		t.Errorf("bot depends_on = %+v, want redis healthy first", bot.DependsOn)
	}
	if u := bot.Environment["BACKPAINBOT_STORE_URL"]; !strings.HasPrefix(u, "redis://redis:") {
		t.Errorf("BACKPAINBOT_STORE_URL = %q, want the redis service", u)
	}
	// Secrets are references to the operator's environment, never values.
	env := map[string]string{}
	for k, v := range bot.Environment {
		if strings.Contains(k, "SECRET") || strings.Contains(k, "TOKEN") || strings.Contains(k, "PASSWORD") {
			if !strings.HasPrefix(v, "${") {
				t.Errorf("%s is written into compose.yaml; want ${%s}", k, k)
			}
			v = "from-the-environment"
		}
		env[k] = v
	}
	cfg, err := config.Load("", func(k string) string { return env[k] })
	if err == nil {
		err = cfg.Validate()
	}
	if err != nil || !cfg.Slack.Enabled || cfg.Store.URL == "" {
		t.Errorf("the bot's environment gives config %v (slack %v, store %q); want valid, Slack on, Redis shared", err, cfg.Slack.Enabled, cfg.Store.URL)
	}
}

func TestSystemdUnit(t *testing.T) {
	data, err := os.ReadFile("backpainbot.service")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			keys[k] = v
		}
	}
	for k, want := range map[string]string{
		"ExecStart":       "/usr/local/bin/backpainbot serve --config /etc/backpainbot/config.yaml",
		"ExecReload":      "/bin/kill -HUP $MAINPID",
		"DynamicUser":     "yes",
		"NoNewPrivileges": "yes",
		"Restart":         "on-failure",
	} {
		if keys[k] != want {
			t.Errorf("%s=%q, want %q", k, keys[k], want)
		}
	}
	if u := keys["User"]; u == "root" {
		t.Error("User=root, want an unprivileged user")
	}
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		return
	}
	// systemd's own check, with the binary where the unit expects one.
	dir := t.TempDir()
	bin := filepath.Join(dir, "backpainbot")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	unit := filepath.Join(dir, "backpainbot.service")
	if err := os.WriteFile(unit, []byte(strings.ReplaceAll(string(data), "/usr/local/bin/backpainbot", bin)), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command("systemd-analyze", "verify", unit).CombinedOutput(); err != nil || len(strings.TrimSpace(string(b))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, b)
	}
}
