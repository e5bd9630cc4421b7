#!/usr/bin/env bash
# Evaluates every PromQL expression of the Dossier Pulse dashboards and alert rules against a
# running Prometheus, and says for each one whether it returns data.
#
#   grafana/check-dashboards.sh http://127.0.0.1:9090 [file.json|rules.yml ...]
#
# Without files it reads grafana/dashboards/*.json and grafana/prometheus/alerts.yml. Dashboard
# template variables are replaced before querying: $job and $instance by the regex ".+" (the
# panels match them with =~), $__rate_interval and $__interval by 1m, $__range by 1h; override
# with CHECK_JOB, CHECK_INSTANCE, CHECK_RATE_INTERVAL, CHECK_RANGE. Variable queries
# (label_values) are checked as the series query behind them.
#
# Prints one line per expression:
#   OK     the query ran and returned data (for an alert rule: its condition holds right now)
#   EMPTY  the query ran and returned nothing (for an alert rule: not firing, the normal case)
#   ERROR  Prometheus refused or failed the query (syntax, unknown function, timeout...)
# then every series selector (metric name with its label matchers) that matches no series, so
# that a misspelt metric or label value is not mistaken for a quiet system.
# Exit status: 0 without ERROR, 1 with any ERROR (or, with CHECK_STRICT=1, any such selector),
# 2 when Prometheus cannot be reached or the arguments are wrong. Needs python3 (PyYAML optional).
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

here="$(cd "$(dirname "$0")" && pwd)"
url="${1%/}"
shift
if [[ $# -eq 0 ]]; then
  set -- "$here"/dashboards/*.json "$here"/prometheus/alerts.yml
fi

exec python3 - "$url" "$@" <<'PY'
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

url, files = sys.argv[1], sys.argv[2:]

SUBST = {
    "job": os.environ.get("CHECK_JOB", ".+"),
    "instance": os.environ.get("CHECK_INSTANCE", ".+"),
    "__rate_interval": os.environ.get("CHECK_RATE_INTERVAL", "1m"),
    "__interval": os.environ.get("CHECK_RATE_INTERVAL", "1m"),
    "__range": os.environ.get("CHECK_RANGE", "1h"),
    "__range_s": "3600",
    "__range_ms": "3600000",
    "__interval_ms": "60000",
    "__all": ".+",
}
VAR = re.compile(r"\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)")


def substitute(expr, extra):
    def repl(m):
        name = m.group(1) or m.group(2) or m.group(3)
        if name in extra:
            return extra[name]
        if name in SUBST:
            return SUBST[name]
        return ".+"  # an unknown dashboard variable: match anything
    return VAR.sub(repl, expr)


# ---- collecting expressions -------------------------------------------------------------------

def from_dashboard(path):
    with open(path, encoding="utf-8") as f:
        board = json.load(f)
    name = os.path.basename(path)
    out = []
    # Constant and custom variables are substituted by their current value, others by ".+".
    extra = {}
    for var in board.get("templating", {}).get("list", []):
        if var.get("type") in ("constant", "custom", "textbox"):
            cur = var.get("current", {}).get("value") or var.get("query", "")
            if isinstance(cur, list):
                cur = "|".join(cur)
            extra[var["name"]] = str(cur).split(",")[0].strip()
    for var in board.get("templating", {}).get("list", []):
        if var.get("type") != "query":
            continue
        q = var.get("query")
        q = q.get("query", "") if isinstance(q, dict) else (q or "")
        expr = variable_to_promql(q)
        if expr:
            out.append((f"{name} | variable ${var['name']}", substitute(expr, extra), False))

    def walk(panel, title):
        for t in panel.get("targets", []) or []:
            if isinstance(t, dict) and t.get("expr"):
                out.append((f"{name} | {title} [{t.get('refId', '?')}]", substitute(t["expr"], extra), False))
        for child in panel.get("panels", []) or []:
            walk(child, child.get("title", "?"))

    for p in board.get("panels", []):
        walk(p, p.get("title", "?"))
    return out


def variable_to_promql(q):
    """The series query behind a Grafana Prometheus variable, or None for metadata-only ones."""
    q = q.strip()
    m = re.fullmatch(r"label_values\((.*),\s*(\w+)\s*\)", q, re.S)
    if m:
        return f"count by ({m.group(2)}) ({m.group(1)})"
    if re.fullmatch(r"label_values\(\s*\w+\s*\)", q):
        return None
    m = re.fullmatch(r"query_result\((.*)\)", q, re.S)
    if m:
        return m.group(1)
    if q.startswith("metrics(") or q.startswith("label_names("):
        return None
    return q or None


def from_rules(path):
    name = os.path.basename(path)
    try:
        import yaml
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        rules = [(r.get("alert") or r.get("record"), bool(r.get("alert")), r["expr"])
                 for g in doc.get("groups", []) for r in g.get("rules", [])]
    except ImportError:
        rules = parse_rules_plain(path)
    return [(f"{name} | {'alert' if is_alert else 'record'} {rule}", str(expr), is_alert)
            for rule, is_alert, expr in rules]


def parse_rules_plain(path):
    """Enough YAML for a rule file: '- alert:'/'- record:' names and inline or block 'expr:' values."""
    rules, current, is_alert = [], None, False
    lines = open(path, encoding="utf-8").read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"\s*-\s*(alert|record):\s*(.+?)\s*$", line)
        if m:
            current, is_alert = m.group(2).strip("'\""), m.group(1) == "alert"
        m = re.match(r"(\s*)expr:\s*(.*?)\s*$", line)
        if m:
            indent, value = len(m.group(1)), m.group(2)
            if value[:1] in ("|", ">"):
                block = []
                i += 1
                while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
                    block.append(lines[i].strip())
                    i += 1
                rules.append((current, is_alert, "\n".join(block).strip()))
                continue
            if value[:1] in ("'", '"') and value[-1:] == value[:1]:
                value = value[1:-1].replace("''", "'") if value[0] == "'" else json.loads(value)
            rules.append((current, is_alert, value))
        i += 1
    return rules


# ---- querying ---------------------------------------------------------------------------------

def query(expr):
    """(status, detail, result): status OK, EMPTY or ERROR."""
    data = urllib.parse.urlencode({"query": expr}).encode()
    req = urllib.request.Request(f"{url}/api/v1/query", data=data,
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            body = json.load(r)
    except urllib.error.HTTPError as e:
        try:
            body = json.load(e)
        except Exception:  # noqa: BLE001 - not a Prometheus answer
            return "ERROR", f"HTTP {e.code}", None
    except (urllib.error.URLError, TimeoutError) as e:
        return "ERROR", str(e), None
    if body.get("status") != "success":
        return "ERROR", f"{body.get('errorType', '?')}: {body.get('error', '?')}", None
    result = body["data"]["result"]
    kind = body["data"]["resultType"]
    if kind in ("scalar", "string"):
        return "OK", f"{kind} {result[1]}", result
    if not result:
        return "EMPTY", "", result
    return "OK", f"{len(result)} series", result


KEYWORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset",
    "bool", "inf", "nan",
}
MATCHERS = r'\{(?:[^}"]|"(?:[^"\\]|\\.)*")*\}'
SELECTOR = re.compile(r"(?<![\w:.])([a-zA-Z_:][\w:]*)\s*(" + MATCHERS + r")?(\s*\()?")


def selectors(expr):
    """The series selectors of an expression: metric name plus label matchers, functions left out."""
    s = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)
    # Range durations ([5m], [1d]) need no stripping: a letter after a digit never starts a name.
    found = set()
    for m in SELECTOR.finditer(s):
        name, matchers, call = m.group(1), m.group(2), m.group(3)
        if call or name.lower() in KEYWORDS:
            continue
        found.add(name + (" ".join(matchers.split()) if matchers else ""))
    return found


def main():
    try:
        with urllib.request.urlopen(f"{url}/api/v1/status/buildinfo", timeout=10) as r:
            version = json.load(r)["data"].get("version", "?")
    except Exception as e:  # noqa: BLE001 - any failure means we cannot check
        print(f"cannot reach Prometheus at {url}: {e}", file=sys.stderr)
        return 2

    exprs = []
    for path in files:
        if path.endswith(".json"):
            exprs += from_dashboard(path)
        elif path.endswith((".yml", ".yaml")):
            exprs += from_rules(path)
        else:
            print(f"skipping {path}: neither a dashboard (.json) nor a rule file (.yml)", file=sys.stderr)
    if not exprs:
        print("no expressions found", file=sys.stderr)
        return 2

    print(f"Prometheus {version} at {url}: {len(exprs)} expressions")
    counts = {"OK": 0, "EMPTY": 0, "ERROR": 0}
    used_by = {}
    for where, expr, is_alert in exprs:
        status, detail, _ = query(expr)
        counts[status] += 1
        if is_alert:
            detail = "firing condition holds" if status == "OK" else ("not firing" if status == "EMPTY" else detail)
        print(f"{status:<6} {where}: {detail}")
        if status == "ERROR":
            print("       " + " ".join(expr.split()))
            continue
        for sel in selectors(expr):
            used_by.setdefault(sel, []).append(where)

    no_data = []
    for sel in sorted(used_by):
        status, detail, _ = query(f"count({sel})")
        if status != "OK":
            no_data.append((sel, detail or "no series", used_by[sel]))
    print(f"\n{counts['OK']} OK, {counts['EMPTY']} EMPTY, {counts['ERROR']} ERROR; "
          f"{len(used_by)} series selectors, {len(no_data)} matching no series")
    for sel, detail, where in no_data:
        print(f"NO SERIES {sel} ({detail}); used by: {'; '.join(sorted(set(where)))}")
    if counts["ERROR"]:
        return 1
    if no_data and os.environ.get("CHECK_STRICT") == "1":
        return 1
    return 0


sys.exit(main())
PY
