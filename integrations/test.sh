#!/usr/bin/env bash
# Tests the CI integrations against the real server jar:
#   - action.yml (composite GitHub Action): its structure (inputs used = inputs declared, the env
#     the script reads = the env the step sets; needs python3 with PyYAML, else SKIPPED), and its
#     steps — integrations/github-action/run.sh — run as the runner would, on a project with an
#     error: annotations on stdout, the outputs file, the SARIF file, fail-on-error, a jar given
#     as a path, a file:// URL or found in the action's checkout, usage errors;
#   - .pre-commit-hooks.yaml: its hooks' entries and file pattern, and the script hook run as
#     pre-commit runs it, on the staged files of a scratch git repository.
# The jar: $ARENA_LS_JAR, else ../server/target/arena-ls.jar. Needs java, node (JSON), git.
# Prints `integrations: N passed, M failed[, K skipped]`; exits 1 if any failed.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="${ARENA_LS_JAR:-$root/server/target/arena-ls.jar}"
passed=0
failed=0
skipped=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok - $*"; }
bad() { failed=$((failed + 1)); echo "FAIL - $*"; }
skip() { skipped=$((skipped + 1)); echo "SKIP - $*"; }
finish() {
    echo "integrations: $passed passed, $failed failed$([ "$skipped" = 0 ] || echo ", $skipped skipped")"
    [ "$failed" = 0 ] && exit 0 || exit 1
}
# expect NAME CONDITION-COMMAND...: one check
expect() {
    local name="$1"
    shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}

[ -f "$jar" ] || { bad "the server jar $jar is missing: build it (mvn -B -q -o -pl server -am package -DskipTests) or set ARENA_LS_JAR"; finish; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
for tool in java node git; do command -v "$tool" >/dev/null || { bad "$tool is required"; finish; }; done

# a small project: one broken TypeScript file (2 errors, one of them TS1155), one clean JS file
project="$tmp/project"
mkdir -p "$project/src"
printf 'export function area(r: number) {\n  return Math.PI * (r * r;\n}\nconst unset;\n' > "$project/src/broken.ts"
printf 'export const twice = (n) => n * 2;\n' > "$project/src/ok.js"

# json FILE EXPR: evaluates EXPR (JavaScript, the parsed file is `j`) and prints the result
json() { node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(eval(process.argv[2]))' "$1" "$2"; }
# output NAME FILE: a value the step wrote to $GITHUB_OUTPUT
output() { sed -n "s/^$1=//p" "$2" | tail -1; }

# action RUN-DIR VAR=VALUE...: runs the action's script as the runner does; sets $action_out, $action_stdout, $action_code
action() {
    local dir="$1"
    shift
    action_out="$tmp/github-output-$RANDOM"
    action_stdout="$tmp/stdout-$RANDOM"
    : > "$action_out"
    action_code=0
    (cd "$dir" && env -i PATH="$PATH" HOME="$HOME" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} RUNNER_TEMP="$tmp" \
        GITHUB_OUTPUT="$action_out" ARENA_LS_ACTION_PATH="$root" INPUT_SERVER_JAR="$jar" "$@" \
        timeout 120 "$root/integrations/github-action/run.sh") > "$action_stdout" 2>"$action_stdout.err" || action_code=$?
}

# ---------------------------------------------------------------- action.yml structure
if python3 -c 'import yaml' 2>/dev/null; then
    if problems="$(python3 - "$root/action.yml" "$root/integrations/github-action/run.sh" <<'EOF'
import re, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
script = open(sys.argv[2]).read()
problems = []
for key in ("name", "description", "inputs", "outputs", "runs"):
    if key not in action: problems.append("no " + key)
runs = action.get("runs", {})
if runs.get("using") != "composite": problems.append("runs.using is not composite")
inputs = action.get("inputs", {})
for name, spec in inputs.items():
    if not spec.get("description"): problems.append("input %s has no description" % name)
text = open(sys.argv[1]).read()
for used in set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", text)):
    if used not in inputs: problems.append("inputs.%s is used but not declared" % used)
steps = runs.get("steps", [])
check = [s for s in steps if s.get("id") == "check"]
if len(check) != 1: problems.append("no step with id check")
else:
    env = check[0].get("env", {})
    if "run.sh" not in check[0].get("run", "") or check[0].get("shell") != "bash": problems.append("the check step does not run run.sh with bash")
    for var in set(re.findall(r"\$\{?(INPUT_[A-Z_]+)", script)):
        if var not in env: problems.append("run.sh reads %s, which the step does not set" % var)
    for var, value in env.items():
        m = re.search(r"inputs\.([A-Za-z0-9_-]+)", str(value))
        if var.startswith("INPUT_") and m and var != "INPUT_" + m.group(1).upper().replace("-", "_"): problems.append("%s holds inputs.%s" % (var, m.group(1)))
    for name in inputs:
        if ("inputs." + name) not in str(steps): problems.append("input %s is used by no step" % name)
for name, spec in action.get("outputs", {}).items():
    m = re.fullmatch(r"\$\{\{ steps\.check\.outputs\.([a-z-]+) \}\}", str(spec.get("value", "")))
    if not m or ("echo \"%s=" % m.group(1)) not in script: problems.append("output %s is not written by run.sh" % name)
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
)"; then ok "action.yml: a composite action whose inputs, step env and outputs match run.sh"
    else bad "action.yml structure: $problems"; fi
else
    skip "action.yml structure (python3 with PyYAML is not installed)"
fi
expect "action.yml: the script it runs exists and is executable" test -x "$root/integrations/github-action/run.sh"

# ---------------------------------------------------------------- the action's steps
action "$project" INPUT_PATHS=src
expect "action: exit code 1 on errors" test "$action_code" = 1
expect "action: annotations for the runner on stdout" grep -q '^::error file=src/broken.ts,line=2,col=26,.*title=TS1005::' "$action_stdout"
expect "action: outputs exit-code=1, errors=2" test "$(output exit-code "$action_out") $(output errors "$action_out")" = "1 2"
sarif="$(output sarif-file "$action_out")"
expect "action: the sarif-file output is an absolute path to the report" test "$sarif" = "$project/arena-ls.sarif" -a -f "$sarif"
expect "action: the SARIF report is SARIF 2.1.0 with both errors" \
    test "$(json "$sarif" 'j.version + " " + j.runs[0].results.length + " " + j.runs[0].results.map(r => r.ruleId).sort().join(",")')" = "2.1.0 2 TS1005,TS1155"

action "$project" INPUT_PATHS=src INPUT_FAIL_ON_ERROR=false INPUT_SARIF_FILE=
expect "action: fail-on-error false passes the step, and exit-code still says 1" test "$action_code:$(output exit-code "$action_out")" = "0:1"
expect "action: an empty sarif-file writes none" test -z "$(output sarif-file "$action_out")"

action "$project" INPUT_PATHS="$(printf 'src/ok.js\nsrc/broken.ts')" INPUT_ARGS="--warn 1155 --max-warnings 5" INPUT_SARIF_FILE=out/report.sarif
mkdir -p "$project/out"
action "$project" INPUT_PATHS="$(printf 'src/ok.js\nsrc/broken.ts')" INPUT_ARGS="--warn 1155 --max-warnings 5" INPUT_SARIF_FILE=out/report.sarif
expect "action: paths on several lines and extra args (--warn): one error, one warning annotation" \
    test "$(grep -c '^::error ' "$action_stdout"):$(grep -c '^::warning .*TS1155' "$action_stdout"):$(output errors "$action_out")" = "1:1:1"
expect "action: the SARIF report holds the warning as a warning" \
    test "$(json "$project/out/report.sarif" 'j.runs[0].results.map(r => r.level).sort().join(",")')" = "error,warning"

action "$project" INPUT_PATHS=src/ok.js
expect "action: a clean path exits 0 with errors=0" test "$action_code:$(output errors "$action_out")" = "0:0"

action "$project" INPUT_PATHS=src INPUT_FAIL_ON_ERROR=maybe
expect "action: a bad fail-on-error is a usage error (exit 2)" test "$action_code" = 2
action "$project" INPUT_PATHS=no-such-dir
expect "action: a missing path fails the step even with fail-on-error false (exit 2)" test "$action_code" = 2

if command -v curl >/dev/null; then
    action "$project" INPUT_PATHS=src INPUT_SERVER_JAR="file://$jar"
    expect "action: server-jar as a URL is downloaded and used" test "$action_code:$(output errors "$action_out")" = "1:2"
else
    skip "action: server-jar as a URL (no curl)"
fi
fake="$tmp/action-checkout"
mkdir -p "$fake/server/target" "$fake/integrations"
cp "$jar" "$fake/server/target/arena-ls.jar"
cp -r "$root/integrations/github-action" "$fake/integrations/"
action "$project" INPUT_PATHS=src INPUT_SERVER_JAR= ARENA_LS_ACTION_PATH="$fake"
expect "action: without server-jar, the jar in the action's checkout is used (no build when it exists)" \
    test "$action_code:$(output errors "$action_out")" = "1:2"

# ---------------------------------------------------------------- pre-commit
hooks="$root/.pre-commit-hooks.yaml"
pattern="$(sed -n 's/^  files: //p' "$hooks" | head -1)"
entry="$(sed -n 's/^  entry: //p' "$hooks" | head -1)"
expect "pre-commit: the first hook's entry is an executable script in the repository" test -x "$root/$entry"
matches() { printf '%s\n' "$@" | grep -cE "$pattern"; }
expect "pre-commit: its files pattern takes .js .mjs .cjs .jsx .ts .mts .cts .tsx and not .json .md .d" \
    test "$(matches a.js b.mjs c.cjs d.jsx e.ts f.mts g.cts h.tsx):$(matches package.json README.md x.d)" = "8:0"
if python3 -c 'import yaml' 2>/dev/null; then
    expect "pre-commit: every hook has id, name, entry, language and files" python3 -c '
import sys, yaml
hooks = yaml.safe_load(open(sys.argv[1]))
sys.exit(0 if isinstance(hooks, list) and hooks and all(all(h.get(k) for k in ("id", "name", "entry", "language", "files")) for h in hooks) else 1)' "$hooks"
else
    skip "pre-commit: hook fields (python3 with PyYAML is not installed)"
fi

repo="$tmp/repo"
mkdir -p "$repo/src"
git -C "$repo" init -q
cp "$project/src/broken.ts" "$repo/src/broken.ts"
cp "$project/src/ok.js" "$repo/src/ok.js"
printf '# notes\n' > "$repo/notes.md"
printf 'let x = ;\n' > "$repo/src/unstaged.js" # broken, but not staged: not checked
git -C "$repo" add src/broken.ts src/ok.js notes.md
# what pre-commit does: the staged files matching `files`, as arguments to the entry, from the repo root
precommit() {
    local files
    mapfile -t files < <(git -C "$repo" diff --cached --name-only --diff-filter=ACMR | grep -E "$pattern")
    hook_code=0
    hook_out="$( (cd "$repo" && ARENA_LS_JAR="$jar" PATH="$PATH" timeout 120 "$root/$entry" "${files[@]}") 2>&1)" || hook_code=$?
}
precommit
expect "pre-commit: a staged broken file fails the hook with tsc-style lines" \
    test "$hook_code" = 1 -a "$(printf '%s\n' "$hook_out" | grep -c '^src/broken.ts(')" = 2
expect "pre-commit: files not staged are not checked" test "$(printf '%s\n' "$hook_out" | grep -c 'unstaged.js')" = 0
printf 'export function area(r: number) {\n  return Math.PI * (r * r);\n}\n' > "$repo/src/broken.ts"
git -C "$repo" add src/broken.ts
precommit
expect "pre-commit: once fixed and staged, the hook passes" test "$hook_code" = 0

finish
